using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;input type bus&gt;</c> with its address and alias.</summary>
internal static class InputParser
{
    public static InputDevice? Parse(ElementReader input)
    {
        var type = input.RequiredEnum("type", InputXml.Type);
        var bus = input.Enum("bus", InputXml.Bus);
        var address = CommonParsers.Address(input);
        var alias = CommonParsers.Alias(input);
        if (type is null) return null;
        return new InputDevice
        {
            Type = type.Value,
            Bus = bus,
            Address = address,
            Alias = alias,
            Location = input.Location,
        };
    }
}
