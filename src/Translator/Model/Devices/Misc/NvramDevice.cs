using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;devices&gt;&lt;nvram&gt;</c>: the pSeries NVRAM device, with only an address.</summary>
public sealed record NvramDevice
{
    public DeviceAddress? Address { get; init; }
    public SourceLocation Location { get; init; }
}
