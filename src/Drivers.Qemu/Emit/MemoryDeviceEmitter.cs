using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: each memory device's -object memory-backend-* and its -device (pc-dimm, nvdimm, virtio-mem-pci,
// virtio-pmem-pci); the -object iothread objects.
internal static class MemoryDeviceEmitter
{
    /// <summary>The DIMMs (pc-dimm, nvdimm): memory slots of the machine itself, beside the RAM.</summary>
    public static IEnumerable<string> Dimms(QemuContext ctx) => Emit(ctx, onPci: false);

    /// <summary>virtio-mem and virtio-pmem: PCI devices, after the PCI controllers whose buses they may sit on.</summary>
    public static IEnumerable<string> PciDevices(QemuContext ctx) => Emit(ctx, onPci: true);

    private static IEnumerable<string> Emit(QemuContext ctx, bool onPci)
    {
        foreach (var device in ctx.Plan.Memory.Devices.Where(d => (d.Pci is not null) == onPci))
        {
            yield return "-object";
            yield return MemoryBackendSyntax.Format(device.Backend);
            var opts = new QemuOpts(device.QemuType)
                .Add("node", device.Node)
                .Add("label-size", device.LabelSizeBytes)
                .AddOnOff("unarmed", device.Unarmed ? true : null)
                .Add("block-size", device.BlockBytes)
                .Add("requested-size", device.RequestedBytes)
                .Add("memdev", device.Backend.Id)
                .AddOnOff("prealloc", device.Prealloc)
                .Add("id", device.Alias)
                .Add("slot", device.Slot)
                .Add("addr", device.Addr);
            yield return "-device";
            yield return PciEmitter.AddAddress(opts, device.Pci, ctx.Plan.PciBuses).ToString();
        }
    }

    public static IEnumerable<string> IoThreads(QemuContext ctx)
    {
        foreach (var thread in ctx.Plan.Memory.IoThreads)
        {
            yield return "-object";
            yield return new QemuOpts("iothread").Add("id", thread.Id)
                .Add("thread-pool-min", thread.PoolMin).Add("thread-pool-max", thread.PoolMax).ToString();
        }
    }
}
