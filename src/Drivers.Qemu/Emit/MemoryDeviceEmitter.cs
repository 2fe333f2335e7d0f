using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: each memory device's -object memory-backend-* and its -device (pc-dimm, nvdimm, virtio-mem-pci,
// virtio-pmem-pci); the -object iothread objects.
internal static class MemoryDeviceEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        foreach (var device in ctx.Plan.Memory.Devices)
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
