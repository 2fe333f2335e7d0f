using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Writing;

/// <summary>
/// What a section writer may need to know about the whole domain to pick the value libvirt writes
/// when the model leaves one out (e.g. the default input bus differs for fully virtualized guests).
/// </summary>
internal sealed record WriteContext(Domain Domain)
{
    /// <summary>A fully virtualized guest (<c>&lt;os&gt;&lt;type&gt;hvm</c>).</summary>
    public bool IsHvm => Domain.Os?.Type == OsType.Hvm;

    public DomainType DomainType => Domain.Type;

    public string? Arch => Domain.Os?.Arch;
}
