namespace DomainLauncher.Translator.Model;

/// <summary>The <c>&lt;rom bar='on|off' file='...'/&gt;</c> of a PCI device.</summary>
public sealed record RomSettings
{
    public bool? Bar { get; init; }
    public string? File { get; init; }
}
