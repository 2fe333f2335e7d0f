using DomainLauncher.Translator.Diagnostics;
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
            Environment = commandLine.ChildrenParsed("env", e =>
            {
                var name = e.RequiredAttr("name");
                if (name is not null && !IsVariableName(name))
                {
                    e.AttrError("name", DiagnosticCatalog.InvalidValue,
                        $"'{name}' is not an environment variable name: a letter or '_', then letters, digits or '_'");
                    return null;
                }
                return name is null ? null : new QemuEnvironmentVariable(name, e.Attr("value"));
            }, ns),
            Location = commandLine.Location,
        };
    }

    /// <summary><c>&lt;qemu:capabilities&gt;&lt;qemu:add capability/&gt;&lt;qemu:del capability/&gt;</c>.</summary>
    public static QemuCapabilityOverrides? Capabilities(ElementReader domain)
    {
        var ns = XmlNamespaces.QemuCommandLine;
        var capabilities = domain.Child("capabilities", ns);
        if (capabilities is null) return null;
        System.Collections.Immutable.ImmutableArray<string> Names(string name) =>
            [.. capabilities.Children(name, ns).Select(e => e.RequiredAttr("capability")).OfType<string>()];
        return new QemuCapabilityOverrides { Add = Names("add"), Remove = Names("del"), Location = capabilities.Location };
    }

    /// <summary><c>&lt;qemu:override&gt;&lt;qemu:device alias&gt;&lt;qemu:frontend&gt;&lt;qemu:property/&gt;</c>.</summary>
    public static QemuOverride? Override(ElementReader domain)
    {
        var ns = XmlNamespaces.QemuCommandLine;
        if (domain.Child("override", ns) is not { } element) return null;
        return new QemuOverride
        {
            Devices = element.ChildrenParsed("device", device =>
            {
                var alias = device.RequiredAttr("alias");
                var properties = device.Children("frontend", ns).SelectMany(f => f.Children("property", ns)).Select(p =>
                {
                    var name = p.RequiredAttr("name");
                    // A QEMU property name: letters, digits, '-', '_' and '.' (a ',' or '=' would change the device's other settings).
                    if (name is not null && (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
                    {
                        p.Error(DiagnosticCatalog.InvalidValue, $"'{name}' is not a QEMU property name (letters, digits, '-', '_' and '.')");
                        name = null;
                    }
                    var type = p.RequiredEnum("type", QemuOverrideXml.PropertyType);
                    var value = p.Attr("value");
                    if (type is { } t && t != QemuPropertyType.Remove && value is null)
                        p.Error(DiagnosticCatalog.MissingAttribute, "missing required attribute 'value' (only type 'remove' has none)");
                    else if (type is { } typed && value is not null && !QemuOverrideXml.ValueFits(typed, value))
                        p.Error(typed == QemuPropertyType.Bool ? DiagnosticCatalog.InvalidValue : DiagnosticCatalog.InvalidNumber,
                            $"value '{value}' is not {QemuOverrideXml.ValueDescription(typed)}");
                    return name is null || type is null ? null : new QemuPropertyOverride(name, type.Value, value);
                }).ToList();
                return alias is null ? null : new QemuDeviceOverride
                {
                    Alias = alias,
                    Frontend = [.. properties.OfType<QemuPropertyOverride>()],
                    Location = device.Location,
                };
            }, ns),
            Location = element.Location,
        };
    }

    /// <summary><c>&lt;qemu:deprecation behavior/&gt;</c>.</summary>
    public static QemuDeprecation? Deprecation(ElementReader domain)
    {
        if (domain.Child("deprecation", XmlNamespaces.QemuCommandLine) is not { } element) return null;
        var behavior = element.RequiredEnum("behavior", QemuOverrideXml.Behavior);
        return behavior is null ? null : new QemuDeprecation { Behavior = behavior.Value, Location = element.Location };
    }

    /// <summary>libvirt's rule for <c>&lt;qemu:env name&gt;</c>: <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
    private static bool IsVariableName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
