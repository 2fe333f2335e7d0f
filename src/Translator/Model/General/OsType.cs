using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// The kind of guest OS (<c>&lt;os&gt;&lt;type&gt;</c>): <c>hvm</c> for full virtualization,
/// <c>linux</c> (the historical name) or <c>xen</c> for Xen paravirtualized guests, <c>exe</c> for
/// containers, <c>uml</c> for User Mode Linux.
/// </summary>
public enum OsType
{
    Hvm,
    Linux,
    Xen,
    Exe,
    Uml,
    /// <summary>A Xen PVH guest (paravirtualized with hardware assistance).</summary>
    Xenpvh,
}

public static class OsTypeXml
{
    public static readonly XmlEnum<OsType> Table = new(
        ("hvm", OsType.Hvm), ("linux", OsType.Linux), ("xen", OsType.Xen), ("exe", OsType.Exe), ("uml", OsType.Uml), ("xenpvh", OsType.Xenpvh));
}
