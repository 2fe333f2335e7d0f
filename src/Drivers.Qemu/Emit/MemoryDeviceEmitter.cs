using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: each memory device's -object memory-backend-* and its -device (pc-dimm, nvdimm, virtio-mem-pci,
// virtio-pmem-pci); the -object iothread objects.
internal static class MemoryDeviceEmitter
{
    /// <summary>The DIMMs (pc-dimm, nvdimm): memory slots of the machine itself, beside the RAM.</summary>
    public static void Dimms(QemuContext ctx, List<string> args) => Emit(ctx, onPci: false, args);

    /// <summary>virtio-mem and virtio-pmem: PCI devices, after the PCI controllers whose buses they may sit on.</summary>
    public static void PciDevices(QemuContext ctx, List<string> args) => Emit(ctx, onPci: true, args);

    private static void Emit(QemuContext ctx, bool onPci, List<string> args)
    {
        // A loop and a test, not Where with a closure over onPci: twice per document, most with no memory device.
        foreach (var device in ctx.Plan.Memory.Devices)
        {
            if ((device.Pci is not null) != onPci) continue;
            args.Add("-object");
            args.Add(MemoryBackendSyntax.Format(device.Backend));
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
            args.Add("-device");
            args.Add(PciEmitter.AddAddress(opts, device.Pci, ctx.Plan.PciBuses).ToString());
        }
    }

    public static void IoThreads(QemuContext ctx, List<string> args)
    {
        foreach (var thread in ctx.Plan.Memory.IoThreads)
        {
            args.Add("-object");
            args.Add(new QemuOpts("iothread").Add("id", thread.Id)
                .Add("thread-pool-min", thread.PoolMin).Add("thread-pool-max", thread.PoolMax).ToString());
        }
    }
}
