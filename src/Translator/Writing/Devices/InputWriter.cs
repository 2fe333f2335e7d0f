using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>Writes <c>&lt;input type bus&gt;</c> and <c>&lt;hub type&gt;</c>.</summary>
internal static class InputWriter
{
    /// <summary>The bus is always written: the given one, else the reference's default for the guest.</summary>
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

    /// <summary>
    /// PS/2 for a fully virtualized guest's mouse, USB for its other inputs, Xen otherwise; virtio
    /// for a passed-through event device; none for an evdev input, which is on no guest bus.
    /// </summary>
    public static InputBus? EffectiveBus(InputDevice input, WriteContext context) =>
        input.Bus ?? input.Type switch
        {
            InputType.Evdev => null,
            InputType.Passthrough => InputBus.Virtio,
            _ => !context.IsHvm ? InputBus.Xen : input.Type == InputType.Mouse ? InputBus.Ps2 : InputBus.Usb,
        };

    /// <summary>The mouse the reference adds to every guest with graphics: PS/2, or Xen for a paravirtualized guest.</summary>
    public static InputDevice ImplicitMouse(WriteContext context) =>
        new() { Type = InputType.Mouse, Bus = context.IsHvm ? InputBus.Ps2 : InputBus.Xen };

    public static XmlElement Hub(Hub hub) =>
        Element("hub", [Attr("type", hub.Type, HubTypeXml.Table), .. DeviceInfoWriter.Write(hub.Address, hub.Alias)]);
}
