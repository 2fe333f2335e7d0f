using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Plan.Pci;
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
        Planned(domain, input => InputBuses.Effective(input, domain) == InputBus.Usb && input.Type is not (InputType.Passthrough or InputType.Evdev),
            static (input, alias, _) => new PlannedInput(input, UsbType(input.Type), alias));

    /// <summary>The virtio inputs, each with its PCI address (<paramref name="pci"/> assigns one where the XML gives none).</summary>
    public static ImmutableArray<PlannedInput> Virtio(Domain domain, PciSlots pci) =>
        Planned(domain, input => input.Type == InputType.Passthrough || input.Type != InputType.Evdev && InputBuses.Effective(input, domain) == InputBus.Virtio,
            static (input, alias, pci) => new PlannedInput(input, VirtioType(input.Type), alias) { Pci = pci!.Place(input.Address, input.Location, "the input device") }, pci);

    /// <summary>The evdev inputs, each an <c>input-linux</c> object.</summary>
    public static ImmutableArray<PlannedInput> Evdev(Domain domain) =>
        Planned(domain, input => input.Type == InputType.Evdev, static (input, alias, _) => new PlannedInput(input, InputLinuxObject, alias));

    /// <summary>QEMU's object type that reads a host evdev device.</summary>
    public const string InputLinuxObject = "input-linux";

    /// <summary>
    /// The inputs <paramref name="chosen"/> picks, in document order, each with its alias (its own, or
    /// <c>inputN</c> by its place among all inputs). A loop: LINQ's Where-then-Select resolves a generic
    /// virtual method at run time in a native build, a cost paid at a one-shot command's first document.
    /// <paramref name="plan"/> is given <paramref name="slots"/>: a lambda that captured them was a closure and a delegate per document.
    /// </summary>
    private static ImmutableArray<PlannedInput> Planned(Domain domain, Func<InputDevice, bool> chosen, Func<InputDevice, string, PciSlots?, PlannedInput> plan,
        PciSlots? slots = null)
    {
        var inputs = domain.Devices.Inputs;
        // The builder is made at the first input chosen: of the three kinds asked for per document, most have none.
        ImmutableArray<PlannedInput>.Builder? planned = null;
        for (var i = 0; i < inputs.Length; i++)
            if (chosen(inputs[i])) (planned ??= ImmutableArray.CreateBuilder<PlannedInput>(inputs.Length - i)).Add(plan(inputs[i], inputs[i].Alias ?? $"input{i}", slots));
        return planned is null ? [] : planned.DrainToImmutable();
    }

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
