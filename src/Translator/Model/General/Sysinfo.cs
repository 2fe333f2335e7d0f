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
    /// <summary>Each <c>&lt;baseBoard&gt;</c> block (SMBIOS type 2; there may be several).</summary>
    public ImmutableArray<ImmutableArray<SysinfoEntry>> BaseBoards { get; init; } = [];
    /// <summary>The <c>&lt;chassis&gt;</c> block (SMBIOS type 3).</summary>
    public ImmutableArray<SysinfoEntry> Chassis { get; init; } = [];
    /// <summary><c>&lt;oemStrings&gt;&lt;entry&gt;</c> values (SMBIOS type 11).</summary>
    public ImmutableArray<string> OemStrings { get; init; } = [];
    /// <summary>For <c>type='fwcfg'</c>: firmware configuration entries, each a value or a file.</summary>
    public ImmutableArray<FwCfgEntry> FwCfg { get; init; } = [];
    public Diagnostics.SourceLocation Location { get; init; }
}

/// <summary><c>&lt;entry name file&gt;value&lt;/entry&gt;</c> of a fwcfg sysinfo.</summary>
public sealed record FwCfgEntry(string Name, string? File, string? Value);

/// <summary>One <c>&lt;entry name='...'&gt;value&lt;/entry&gt;</c>.</summary>
public sealed record SysinfoEntry(string Name, string Value);
