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
}
