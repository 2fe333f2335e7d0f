using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Readers for children that a device may have at most once (address, alias, source, ...) and for
/// required yes/no and on/off attributes. A repeated child is an error, not a silent "first wins".
/// </summary>
internal static class DeviceChildren
{
    /// <summary>The only child with this name, or null; every further one is reported as a duplicate.</summary>
    public static ElementReader? Single(ElementReader parent, string name)
    {
        ElementReader? first = null;
        foreach (var child in parent.Children(name))
        {
            if (first is null)
            {
                first = child;
                continue;
            }
            child.Error(DiagnosticCatalog.DuplicateElement, $"<{name}> may appear only once in <{parent.Name}>");
            // The duplicate is already an error; reporting its attributes as unknown would only add noise.
            child.ReadWhole();
        }
        return first;
    }

    /// <summary>The device's <c>&lt;address&gt;</c>, or null.</summary>
    public static DeviceAddress? Address(ElementReader device) =>
        Single(device, "address") is { } address ? CommonParsers.AddressOf(address) : null;

    /// <summary>The device's <c>&lt;alias name/&gt;</c>, or null.</summary>
    public static string? Alias(ElementReader device) => Single(device, "alias")?.RequiredAttr("name");

    /// <summary>A required yes/no attribute.</summary>
    public static bool? RequiredYesNo(ElementReader element, string name) =>
        element.RequiredAttr(name) is null ? null : element.YesNo(name);

    /// <summary>A required on/off attribute.</summary>
    public static bool? RequiredOnOff(ElementReader element, string name) =>
        element.RequiredAttr(name) is null ? null : element.OnOff(name);
}
