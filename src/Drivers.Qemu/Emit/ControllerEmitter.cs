using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -device for bus controllers, grouped by type in libvirt's order (USB first: other devices default to its bus).
internal static class ControllerEmitter
{
    /// <summary>The order controller types appear in; within a type, the planner's order (the domain's, then implicit ones).</summary>
    private static readonly ControllerType[] Order =
        [ControllerType.Usb, ControllerType.Scsi, ControllerType.Sata, ControllerType.VirtioSerial, ControllerType.Ccid];

    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        if (!ctx.Plan.UseDevice) yield break;
        foreach (var type in Order)
        {
            foreach (var planned in ctx.Plan.Controllers.Where(c => c.Controller.Type == type))
            {
                if (Device(planned, ctx) is not { } opts) continue;
                yield return "-device";
                yield return opts.ToString();
            }
        }
    }

    /// <summary>The controller's <c>-device</c> value; null for a type emitted elsewhere (or not yet by this builder).</summary>
    private static QemuOpts? Device(PlannedController planned, QemuContext ctx) => planned.Controller switch
    {
        VirtioSerialController v => VirtioSerial(v, planned, ctx),
        _ => null,
    };

    private static QemuOpts VirtioSerial(VirtioSerialController controller, PlannedController planned, QemuContext ctx)
    {
        var s390 = ctx.Plan.Machine.StartsWith("s390", StringComparison.Ordinal);
        var opts = new QemuOpts(s390 ? "virtio-serial-s390" : "virtio-serial-pci")
            .Add("id", planned.Alias)
            .Add("max_ports", controller.Ports)
            .Add("vectors", controller.Vectors);
        return PciEmitter.AddAddress(opts, planned.Pci);
    }
}
