using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing;

/// <summary>Writes <c>&lt;qemu:commandline&gt;</c>: pass-through arguments, then environment variables.</summary>
internal static class QemuCommandLineWriter
{
    public static XmlElement? Write(QemuCommandLine? commandLine) =>
        commandLine is null
            ? null
            : Element("qemu:commandline",
            [
                .. commandLine.Args.Select(arg => Element("qemu:arg", Attr("value", arg))),
                .. commandLine.Environment.Select(env => Element("qemu:env", Attr("name", env.Name), Attr("value", env.Value))),
            ]);

    /// <summary><c>&lt;qemu:capabilities&gt;</c>: additions, then removals.</summary>
    public static XmlElement? Capabilities(QemuCapabilityOverrides? capabilities) =>
        capabilities is null
            ? null
            : Element("qemu:capabilities",
            [
                .. capabilities.Add.Select(name => Element("qemu:add", Attr("capability", name))),
                .. capabilities.Remove.Select(name => Element("qemu:del", Attr("capability", name))),
            ]);

    public static XmlElement? Override(QemuOverride? overrides) =>
        overrides is null
            ? null
            : Element("qemu:override",
            [
                .. overrides.Devices.Select(device => Element("qemu:device", Attr("alias", device.Alias),
                    Element("qemu:frontend",
                    [
                        .. device.Frontend.Select(p => Element("qemu:property",
                            Attr("name", p.Name), Attr("type", p.Type, QemuOverrideXml.PropertyType), Attr("value", p.Value))),
                    ]))),
            ]);

    public static XmlElement? Deprecation(QemuDeprecation? deprecation) =>
        deprecation is null ? null : Element("qemu:deprecation", Attr("behavior", deprecation.Behavior, QemuOverrideXml.Behavior));
}
