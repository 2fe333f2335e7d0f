using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>Writes <c>&lt;memballoon model&gt;</c> with autodeflate and freePageReporting, device info, stats period and driver.</summary>
internal static class MemBalloonWriter
{
    public static XmlElement Write(MemBalloon balloon) =>
        Element("memballoon",
        [
            Attr("model", balloon.Model, MemBalloonModelXml.Table),
            OnOff("autodeflate", balloon.AutoDeflate),
            OnOff("freePageReporting", balloon.FreePageReporting),
            DeviceInfoWriter.Alias(balloon.Alias),
            MiscDeviceWriters.Acpi(balloon.AcpiIndex),
            DeviceInfoWriter.Address(balloon.Address),
            balloon.StatsPeriod is null ? null : Element("stats", Attr("period", balloon.StatsPeriod)),
            MiscDeviceWriters.Driver(balloon.Driver),
        ]);
}
