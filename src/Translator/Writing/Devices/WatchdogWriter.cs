using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>Writes <c>&lt;watchdog model action&gt;</c>; the action is always written (reset unless given).</summary>
internal static class WatchdogWriter
{
    public static XmlElement Write(Watchdog watchdog) =>
        Element("watchdog",
        [
            Attr("model", watchdog.Model, WatchdogXml.Model),
            Attr("action", watchdog.Action, WatchdogXml.Action),
            DeviceInfoWriter.Alias(watchdog.Alias),
            MiscDeviceWriters.Acpi(watchdog.AcpiIndex),
            DeviceInfoWriter.Address(watchdog.Address),
        ]);
}
