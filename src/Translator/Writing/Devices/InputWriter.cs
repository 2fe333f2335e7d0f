using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>Writes <c>&lt;input type bus&gt;</c> and <c>&lt;hub type&gt;</c>.</summary>
internal static class InputWriter
{
    public static XmlElement Write(InputDevice input, WriteContext context) =>
        Element("input",
        [
            Attr("type", input.Type, InputXml.Type),
            Attr("bus", input.Bus, InputXml.Bus),
            Attr("model", input.Model, VirtioModelXml.Table),
            MiscDeviceWriters.Driver(input.Driver),
            input.SourceDevice is null && input.Grab is null && input.GrabToggle is null && input.Repeat is null
                ? null
                : Element("source",
                    Attr(input.Type == InputType.Passthrough ? "evdev" : "dev", input.SourceDevice),
                    Attr("grab", input.Grab, InputXml.Grab),
                    Attr("grabToggle", input.GrabToggle, InputXml.GrabToggle),
                    OnOff("repeat", input.Repeat)),
            DeviceInfoWriter.Alias(input.Alias),
            MiscDeviceWriters.Acpi(input.AcpiIndex),
            DeviceInfoWriter.Address(input.Address),
        ]);

    public static XmlElement Hub(Hub hub) =>
        Element("hub", [Attr("type", hub.Type, HubTypeXml.Table), .. DeviceInfoWriter.Write(hub.Address, hub.Alias)]);
}
