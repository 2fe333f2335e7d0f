using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Placeholder: reads the element whole until the device-family work fills it in.</summary>
internal static class MemBalloonParser
{
    public static MemBalloon? Parse(ElementReader element)
    {
        element.ReadWhole();
        return new MemBalloon { Location = element.Location };
    }
}
