using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;input type bus&gt;</c>: a mouse, tablet or keyboard; the bus is left to the planner when absent.</summary>
public sealed record InputDevice
{
    public required InputType Type { get; init; }
    public InputBus? Bus { get; init; }

    /// <summary>The virtio model of a virtio input; null when absent.</summary>
    public VirtioModel? Model { get; init; }

    /// <summary>passthrough and evdev: the host event device (<c>&lt;source evdev|dev&gt;</c>).</summary>
    public string? SourceDevice { get; init; }

    /// <summary>evdev: <c>&lt;source grab&gt;</c>.</summary>
    public InputGrab? Grab { get; init; }

    /// <summary>evdev: <c>&lt;source grabToggle&gt;</c>: the key combination that switches the grab.</summary>
    public InputGrabToggle? GrabToggle { get; init; }

    /// <summary>evdev: <c>&lt;source repeat&gt;</c>: key repeat.</summary>
    public bool? Repeat { get; init; }

    public VirtioOptions? Driver { get; init; }
    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    public uint? AcpiIndex { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>
/// A relative pointer (mouse), an absolute pointer (tablet), a keyboard, a host event device passed
/// through by virtio (passthrough) or a host event device grabbed by QEMU (evdev).
/// </summary>
public enum InputType { Mouse, Tablet, Keyboard, Passthrough, Evdev }

public enum InputBus { Ps2, Usb, Xen, Virtio }

/// <summary><c>grab='all'</c>: grab every device of the host keyboard.</summary>
public enum InputGrab { All }

public enum InputGrabToggle { CtrlCtrl, AltAlt, ShiftShift, MetaMeta, ScrollLock, CtrlScrollLock }

public static class InputXml
{
    public static readonly XmlEnum<InputType> Type = new(
        ("mouse", InputType.Mouse), ("tablet", InputType.Tablet), ("keyboard", InputType.Keyboard),
        ("passthrough", InputType.Passthrough), ("evdev", InputType.Evdev));

    public static readonly XmlEnum<InputBus> Bus = new(
        ("ps2", InputBus.Ps2), ("usb", InputBus.Usb), ("xen", InputBus.Xen), ("virtio", InputBus.Virtio));

    public static readonly XmlEnum<InputGrab> Grab = new(("all", InputGrab.All));

    public static readonly XmlEnum<InputGrabToggle> GrabToggle = new(
        ("ctrl-ctrl", InputGrabToggle.CtrlCtrl), ("alt-alt", InputGrabToggle.AltAlt),
        ("shift-shift", InputGrabToggle.ShiftShift), ("meta-meta", InputGrabToggle.MetaMeta),
        ("scrolllock", InputGrabToggle.ScrollLock), ("ctrl-scrolllock", InputGrabToggle.CtrlScrollLock));
}
