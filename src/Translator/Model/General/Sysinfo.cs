using System.Collections.Immutable;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// SMBIOS values shown to the guest (<c>&lt;sysinfo type='smbios'&gt;</c>): the BIOS block (0) and
/// the system block (1), each a list of named entries in document order.
/// </summary>
public sealed record Sysinfo
{
    public string Type { get; init; } = "smbios";
    public ImmutableArray<SysinfoEntry> Bios { get; init; } = [];
    public ImmutableArray<SysinfoEntry> System { get; init; } = [];
}

/// <summary>One <c>&lt;entry name='...'&gt;value&lt;/entry&gt;</c>.</summary>
public sealed record SysinfoEntry(string Name, string Value);
