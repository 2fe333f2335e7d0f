using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Placeholder: reads the element whole until the device-family work fills it in.</summary>
internal static class WatchdogParser
{
    public static Watchdog? Parse(ElementReader element)
    {
        element.ReadWhole();
        return new Watchdog { Location = element.Location };
    }
}
