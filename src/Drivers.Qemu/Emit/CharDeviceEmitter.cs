using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -serial, -parallel (legacy or none), and -chardev + -device isa-serial/isa-parallel/pci-serial/isa-debugcon/usb-serial.
internal static class CharDeviceEmitter
{
    public static void Serials(QemuContext ctx, List<string> args) =>
        Ports(ctx, ctx.Plan.Serials, "-serial", parallel: false, args);

    public static void Parallels(QemuContext ctx, List<string> args) =>
        Ports(ctx, ctx.Plan.Parallels, "-parallel", parallel: true, args);

    private static void Ports(
        QemuContext ctx, IReadOnlyList<PlannedCharDevice> ports, string legacyOption, bool parallel, List<string> args)
    {
        if (ports.Count == 0)
        {
            if (!ctx.Plan.UseDevice)
            {
                args.Add(legacyOption);
                args.Add("none");
            }
            return;
        }
        foreach (var port in ports)
        {
            if (ctx.Plan.UseDevice && ctx.Has(QemuCapability.Chardev))
            {
                args.Add("-chardev");
                args.Add(CharSourceSyntax.Chardev(port.Device.Source, port.CharAlias, ctx, parallel, log: port.Device.Log));
                var type = port.QemuType ?? throw new InvalidOperationException($"{port.Alias} has no device type in the plan");
                args.Add("-device");
                args.Add(port.SpaprReg is { } reg
                    ? new QemuOpts(type).Add("chardev", port.CharAlias).AddHex("reg", reg).ToString()
                    : UsbEmitter.AddUsbAddress(PciEmitter.AddAddress(new QemuOpts(type).Add("chardev", port.CharAlias).Add("id", port.Alias)
                        .AddHex("iobase", port.IoBase).Add("irq", (long?)port.Irq).Add("acpi-index", (long?)port.Device.AcpiIndex),
                        port.Pci, ctx.Plan.PciBuses), port.Usb, ctx.Plan).ToString());
            }
            else
            {
                args.Add(legacyOption);
                args.Add(CharSourceSyntax.Legacy(port.Device.Source));
            }
        }
    }
}
