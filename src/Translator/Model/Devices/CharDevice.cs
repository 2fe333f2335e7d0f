using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>Placeholder: filled in by the device-family work.</summary>
public sealed record CharDevice
{
    public required CharDeviceKind Kind { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>Which element a character device came from.</summary>
public enum CharDeviceKind
{
    Parallel,
    Serial,
    Console,
    Channel,
}
