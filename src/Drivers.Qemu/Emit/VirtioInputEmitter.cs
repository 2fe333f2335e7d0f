using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -object input-linux for evdev inputs, and -device for virtio inputs (virtio-keyboard/mouse/tablet-pci, virtio-input-host-pci).
internal static class VirtioInputEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        foreach (var evdev in ctx.Plan.EvdevInputs)
        {
            var input = evdev.Input;
            args.Add("-object");
            args.Add(new QemuOpts(evdev.QemuType).Add("id", evdev.Alias).Add("evdev", input.SourceDevice)
                .AddOnOff("repeat", input.Repeat).AddOnOff("grab_all", input.Grab is InputGrab.All ? true : null)
                .Add("grab-toggle", input.GrabToggle is { } toggle ? InputXml.GrabToggle.ToXml(toggle) : null).ToString());
        }
        foreach (var virtio in ctx.Plan.VirtioInputs)
        {
            var opts = new QemuOpts(virtio.QemuType).Add("id", virtio.Alias);
            if (virtio.Input.Type == InputType.Passthrough) opts.Add("evdev", virtio.Input.SourceDevice);
            VirtioOptionsSyntax.Add(opts, virtio.Input.Driver);
            opts.Add("acpi-index", (long?)virtio.Input.AcpiIndex);
            args.Add("-device");
            args.Add(PciEmitter.AddAddress(opts, virtio.Pci, ctx.Plan.PciBuses).ToString());
        }
    }
}
