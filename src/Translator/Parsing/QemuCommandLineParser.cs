using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;qemu:commandline&gt;</c>: extra arguments and environment variables.</summary>
internal static class QemuCommandLineParser
{
    public static QemuCommandLine? Parse(ElementReader domain)
    {
        var ns = XmlNamespaces.QemuCommandLine;
        var commandLine = domain.Child("commandline", ns);
        if (commandLine is null) return null;
        return new QemuCommandLine
        {
            Args = [.. commandLine.Children("arg", ns).Select(a => a.RequiredAttr("value")).Where(v => v is not null).Select(v => v!)],
            Environment = DomainParser.List(commandLine.Children("env", ns).Select(e =>
            {
                var name = e.RequiredAttr("name");
                return name is null ? null : new QemuEnvironmentVariable(name, e.Attr("value"));
            })),
        };
    }
}
