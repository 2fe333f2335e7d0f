using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;input type bus&gt;</c>: a mouse, tablet or keyboard; the bus is left to the planner when absent.</summary>
public sealed record InputDevice
{
    public required InputType Type { get; init; }
    public InputBus? Bus { get; init; }
    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>A relative pointer (mouse), an absolute pointer (tablet) or a keyboard.</summary>
public enum InputType { Mouse, Tablet, Keyboard }

public enum InputBus { Ps2, Usb, Xen }

public static class InputXml
{
    public static readonly XmlEnum<InputType> Type = new(
        ("mouse", InputType.Mouse), ("tablet", InputType.Tablet), ("keyboard", InputType.Keyboard));

    public static readonly XmlEnum<InputBus> Bus = new(
        ("ps2", InputBus.Ps2), ("usb", InputBus.Usb), ("xen", InputBus.Xen));
}
