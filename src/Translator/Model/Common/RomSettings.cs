namespace DomainLauncher.Translator.Model;

/// <summary>The <c>&lt;rom enabled='yes|no' bar='on|off' file='...'/&gt;</c> of a PCI device.</summary>
public sealed record RomSettings
{
    /// <summary><c>enabled='no'</c>: the device gets no option ROM at all (libvirt 9).</summary>
    public bool? Enabled { get; init; }
    public bool? Bar { get; init; }
    public string? File { get; init; }
}
