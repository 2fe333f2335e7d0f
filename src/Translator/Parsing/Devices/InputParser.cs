using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;input type bus model&gt;</c> with its host source (passthrough, evdev), driver, address, alias and ACPI index.</summary>
internal static class InputParser
{
    public static InputDevice? Parse(ElementReader input)
    {
        var type = input.RequiredEnum("type", InputXml.Type);
        var bus = input.Enum("bus", InputXml.Bus);
        var model = input.Enum("model", VirtioModelXml.Table);
        var driver = VirtioOptionsParser.Driver(input);
        var source = type is InputType.Passthrough or InputType.Evdev ? input.SingleChild("source") : null;
        if (source is null && type is InputType.Passthrough or InputType.Evdev)
            input.Error(DiagnosticCatalog.MissingElement, $"input type '{input.Attr("type")}' needs a <source> element naming the host device");
        var device = type == InputType.Passthrough ? source?.RequiredAttr("evdev") : source?.RequiredAttr("dev");
        var grab = type == InputType.Evdev ? source?.Enum("grab", InputXml.Grab) : null;
        var grabToggle = type == InputType.Evdev ? source?.Enum("grabToggle", InputXml.GrabToggle) : null;
        var repeat = type == InputType.Evdev ? source?.OnOff("repeat") : null;
        var address = CommonParsers.Address(input);
        var alias = CommonParsers.Alias(input);
        var acpi = VirtioOptionsParser.AcpiIndex(input);
        if (type is null) return null;
        return new InputDevice
        {
            Type = type.Value,
            Bus = bus,
            Model = model,
            SourceDevice = device,
            Grab = grab,
            GrabToggle = grabToggle,
            Repeat = repeat,
            Driver = driver,
            Address = address,
            Alias = alias,
            AcpiIndex = acpi,
            Location = input.Location,
        };
    }
}
