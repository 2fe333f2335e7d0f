using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Conformance.Qemu;

/// <summary>
/// The few facts a conformance run needs from a domain XML before translating it (hypervisor
/// type, OS type, arch), read leniently so even an invalid document yields what it has. The real
/// parse is the translator's.
/// </summary>
public sealed record DomainHeader(DomainType? Type, OsType? OsType, string? Arch)
{
    public static DomainHeader Read(string xmlPath)
    {
        var root = SafeXmlLoader.LoadFile(InputFiles.Disk, xmlPath).Root;
        if (root is null || root.LocalName != "domain") return new DomainHeader(null, null, null);
        DomainType? type = DomainTypeXml.Table.TryParse(root.Attribute("type")?.Value ?? "", out var t) ? t : null;
        var osTypeElement = root.Children.FirstOrDefault(c => c.LocalName == "os")?.Children.FirstOrDefault(c => c.LocalName == "type");
        OsType? osType = OsTypeXml.Table.TryParse(osTypeElement?.Text.Trim() ?? "", out var o) ? o : null;
        return new DomainHeader(type, osType, osTypeElement?.Attribute("arch")?.Value);
    }
}
