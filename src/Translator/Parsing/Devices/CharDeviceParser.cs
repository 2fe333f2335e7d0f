using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Placeholder: reads the element whole until the device-family work fills it in.</summary>
internal static class CharDeviceParser
{
    public static CharDevice? Parse(ElementReader element, CharDeviceKind kind)
    {
        element.ReadWhole();
        return new CharDevice { Kind = kind, Location = element.Location };
    }
}
