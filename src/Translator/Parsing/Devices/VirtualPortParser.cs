using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Reads <c>&lt;virtualport type&gt;&lt;parameters .../&gt;&lt;/virtualport&gt;</c>. Each type takes
/// its own parameters; one that belongs to another type is an error.
/// </summary>
internal static class VirtualPortParser
{
    private static readonly Dictionary<VirtualPortType, string[]> ParametersOf = new()
    {
        [VirtualPortType.Ieee8021Qbg] = ["managerid", "typeid", "typeidversion", "instanceid"],
        [VirtualPortType.Ieee8021Qbh] = ["profileid"],
        [VirtualPortType.OpenVSwitch] = ["interfaceid", "profileid"],
    };

    private static readonly string[] AllParameters = ["managerid", "typeid", "typeidversion", "instanceid", "profileid", "interfaceid"];

    public static VirtualPort Parse(ElementReader virtualPort)
    {
        var type = virtualPort.Enum("type", VirtualPortTypeXml.Table);
        var parameters = virtualPort.SingleChild("parameters");
        if (parameters is null) return new VirtualPort { Type = type };

        if (type is not null)
        {
            var allowed = ParametersOf[type.Value];
            foreach (var name in AllParameters.Where(n => parameters.HasAttribute(n) && !allowed.Contains(n)))
                parameters.AttrError(name, DiagnosticCatalog.InconsistentValue,
                    $"parameter '{name}' does not apply to virtualport type '{VirtualPortTypeXml.Table.ToXml(type.Value)}'; "
                    + $"it takes: {string.Join(", ", allowed)}");
        }

        return new VirtualPort
        {
            Type = type,
            ManagerId = parameters.UInt("managerid", byte.MaxValue),
            TypeId = parameters.UInt("typeid", 0xFFFFFF),
            TypeIdVersion = parameters.UInt("typeidversion", byte.MaxValue),
            InstanceId = Uuid(parameters, "instanceid"),
            ProfileId = parameters.Attr("profileid"),
            InterfaceId = Uuid(parameters, "interfaceid"),
        };
    }

    private static Guid? Uuid(ElementReader element, string name)
    {
        var text = element.Attr(name);
        if (text is null) return null;
        // Both the dashed form (RFC 4122) and 32 bare hex digits are accepted.
        var hex = text.Replace("-", "", StringComparison.Ordinal);
        if (hex.Length == 32 && hex.All(char.IsAsciiHexDigit) && Guid.TryParseExact(hex, "N", out var uuid))
            return uuid;
        element.AttrError(name, DiagnosticCatalog.InvalidValue,
            $"'{text}' is not a UUID; expected 32 hexadecimal digits, optionally dashed as 8-4-4-4-12");
        return null;
    }
}
