using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;watchdog model action&gt;</c> with its address and alias.</summary>
internal static class WatchdogParser
{
    public static Watchdog? Parse(ElementReader watchdog)
    {
        var model = watchdog.RequiredEnum("model", WatchdogXml.Model);
        var action = watchdog.Enum("action", WatchdogXml.Action);
        var address = CommonParsers.Address(watchdog);
        var alias = CommonParsers.Alias(watchdog);
        var acpi = VirtioOptionsParser.AcpiIndex(watchdog);
        if (model is null) return null;
        return new Watchdog
        {
            Model = model.Value,
            Action = action,
            Address = address,
            Alias = alias,
            AcpiIndex = acpi,
            Location = watchdog.Location,
        };
    }
}
