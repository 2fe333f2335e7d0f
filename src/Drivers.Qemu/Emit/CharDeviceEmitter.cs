using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -serial, -parallel (legacy or none), and -chardev + -device isa-serial/isa-parallel/pci-serial/isa-debugcon/usb-serial.
internal static class CharDeviceEmitter
{
    public static IEnumerable<string> Serials(QemuContext ctx) =>
        Ports(ctx, ctx.Plan.Serials, "-serial", parallel: false);

    public static IEnumerable<string> Parallels(QemuContext ctx) =>
        Ports(ctx, ctx.Plan.Parallels, "-parallel", parallel: true);

    private static IEnumerable<string> Ports(
        QemuContext ctx, IReadOnlyList<PlannedCharDevice> ports, string legacyOption, bool parallel)
    {
        if (ports.Count == 0)
        {
            if (!ctx.Plan.UseDevice)
            {
                yield return legacyOption;
                yield return "none";
            }
            yield break;
        }
        foreach (var port in ports)
        {
            if (ctx.Plan.UseDevice && ctx.Has(QemuCapability.Chardev))
            {
                yield return "-chardev";
                yield return CharSourceSyntax.Chardev(port.Device.Source, port.CharAlias, ctx, parallel, log: port.Device.Log);
                var type = port.QemuType ?? throw new InvalidOperationException($"{port.Alias} has no device type in the plan");
                yield return "-device";
                yield return port.SpaprReg is { } reg
                    ? new QemuOpts(type).Add("chardev", port.CharAlias).AddHex("reg", reg).ToString()
                    : PciEmitter.AddAddress(new QemuOpts(type).Add("chardev", port.CharAlias).Add("id", port.Alias)
                        .AddHex("iobase", port.IoBase).Add("acpi-index", (long?)port.Device.AcpiIndex), port.Pci, ctx.Plan.PciBuses).ToString();
            }
            else
            {
                yield return legacyOption;
                yield return CharSourceSyntax.Legacy(port.Device.Source);
            }
        }
    }
}
