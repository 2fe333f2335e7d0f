using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Placeholder: reads the element whole until the device-family work fills it in.</summary>
internal static class VideoParser
{
    public static Video? Parse(ElementReader element)
    {
        element.ReadWhole();
        return new Video { Location = element.Location };
    }
}
