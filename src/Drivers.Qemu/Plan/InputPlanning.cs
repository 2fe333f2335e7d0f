using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// The inputs QEMU gets a device or object for; the alias (<c>inputN</c>) counts every input of the domain, PS/2
/// ones included. USB mice, tablets and keyboards are USB devices; virtio ones (and a passthrough of a host
/// evdev device) are virtio-input PCI devices; an evdev input is QEMU's <c>input-linux</c> object, which reads
/// the host device and feeds its events to the guest's PS/2 or USB devices.
/// </summary>
internal static class InputPlanning
{
    public static ImmutableArray<PlannedInput> Usb(Domain domain) =>
        [.. Numbered(domain).Where(x => x.Input.Bus == InputBus.Usb && x.Input.Type is not (InputType.Passthrough or InputType.Evdev))
            .Select(x => new PlannedInput(x.Input, UsbType(x.Input.Type), x.Alias))];

    /// <summary>The virtio inputs, each with its PCI address (<paramref name="pci"/> assigns one where the XML gives none).</summary>
    public static ImmutableArray<PlannedInput> Virtio(Domain domain, Func<DeviceAddress?, SourceLocation, PciAddress?> pci) =>
        [.. Numbered(domain).Where(x => x.Input.Type == InputType.Passthrough || x.Input.Type != InputType.Evdev && x.Input.Bus == InputBus.Virtio)
            .Select(x => new PlannedInput(x.Input, VirtioType(x.Input.Type), x.Alias) { Pci = pci(x.Input.Address, x.Input.Location) })];

    /// <summary>The evdev inputs, each an <c>input-linux</c> object.</summary>
    public static ImmutableArray<PlannedInput> Evdev(Domain domain) =>
        [.. Numbered(domain).Where(x => x.Input.Type == InputType.Evdev).Select(x => new PlannedInput(x.Input, InputLinuxObject, x.Alias))];

    /// <summary>QEMU's object type that reads a host evdev device.</summary>
    public const string InputLinuxObject = "input-linux";

    private static IEnumerable<(InputDevice Input, string Alias)> Numbered(Domain domain) =>
        domain.Devices.Inputs.Select((input, i) => (input, input.Alias ?? $"input{i}"));

    /// <summary>libvirt 0.10.2 knew USB mice and tablets; a USB keyboard is QEMU's <c>usb-kbd</c>.</summary>
    private static string UsbType(InputType type) => type switch
    {
        InputType.Tablet => "usb-tablet",
        InputType.Keyboard => "usb-kbd",
        _ => "usb-mouse",
    };

    private static string VirtioType(InputType type) => type switch
    {
        InputType.Keyboard => "virtio-keyboard-pci",
        InputType.Tablet => "virtio-tablet-pci",
        InputType.Passthrough => "virtio-input-host-pci",
        _ => "virtio-mouse-pci",
    };
}
