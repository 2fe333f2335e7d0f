
namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Readers for required yes/no and on/off attributes.
/// </summary>
internal static class RequiredFlags
{
    /// <summary>A required yes/no attribute.</summary>
    public static bool? RequiredYesNo(ElementReader element, string name) =>
        element.RequiredAttr(name) is null ? null : element.YesNo(name);

    /// <summary>A required on/off attribute.</summary>
    public static bool? RequiredOnOff(ElementReader element, string name) =>
        element.RequiredAttr(name) is null ? null : element.OnOff(name);
}
