using System.Globalization;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -device vmgenid, the IOMMU's -device, -device pvpanic, the shared memory devices (with their
// memory-backend-file or chardev) and -device vhost-vsock-pci.
internal static class MiscDeviceEmitter
{
    /// <summary>The VM generation ID: <c>-device vmgenid,guid=...</c>.</summary>
    public static void GenerationId(QemuContext ctx, List<string> args)
    {
        if (ctx.Plan.Misc.GenerationId is not { } genid) return;
        args.Add("-device");
        args.Add(new QemuOpts(genid.QemuType).Add("guid", genid.Guid.ToString("D", CultureInfo.InvariantCulture)).Add("id", genid.Alias).ToString());
    }

    /// <summary>The IOMMU: <c>intel-iommu</c> with its driver options, or <c>virtio-iommu-pci</c>.</summary>
    public static void Iommu(QemuContext ctx, List<string> args)
    {
        if (ctx.Plan.Misc.Iommu is not { } iommu) return;
        var opts = new QemuOpts(iommu.QemuType).Add("id", iommu.Alias);
        if (iommu.Iommu is { Model: IommuModel.Intel, Driver: { } driver })
        {
            opts.AddOnOff("intremap", driver.InterruptRemapping)
                .AddOnOff("caching-mode", driver.CachingMode)
                .AddOnOff("eim", driver.Eim)
                .AddOnOff("device-iotlb", driver.Iotlb)
                .Add("aw-bits", (ulong?)driver.AddressWidthBits);
        }
        args.Add("-device");
        args.Add(PciEmitter.AddAddress(opts, iommu.Pci, ctx.Plan.PciBuses).ToString());
    }

    /// <summary>The panic notifiers: <c>pvpanic</c>, at the ISA port the domain gives.</summary>
    public static void Panics(QemuContext ctx, List<string> args)
    {
        foreach (var panic in ctx.Plan.Misc.Panics)
        {
            args.Add("-device");
            args.Add(new QemuOpts(panic.QemuType).Add("ioport", (ulong?)panic.IoPort).ToString());
        }
    }

    /// <summary>Shared memory: <c>ivshmem-plain</c> on a shared file, <c>ivshmem-doorbell</c> on the server's socket.</summary>
    public static void Shmems(QemuContext ctx, List<string> args)
    {
        foreach (var shmem in ctx.Plan.Misc.Shmems)
        {
            var device = new QemuOpts(shmem.QemuType).Add("id", shmem.Alias);
            if (shmem.MemoryPath is { } path)
            {
                args.Add("-object");
                args.Add(new QemuOpts("memory-backend-file").Add("id", shmem.MemoryId).Add("mem-path", path)
                    .Add("size", shmem.SizeBytes).AddOnOff("share", true).ToString());
                device.Add("memdev", shmem.MemoryId);
            }
            else if (shmem.ServerPath is { } server)
            {
                args.Add("-chardev");
                args.Add(new QemuOpts("socket").Add("id", shmem.CharId).Add("path", server).ToString());
                device.Add("chardev", shmem.CharId).Add("vectors", (ulong?)shmem.Shmem.Msi?.Vectors).AddOnOff("ioeventfd", shmem.Shmem.Msi?.IoEventFd);
            }
            args.Add("-device");
            args.Add(PciEmitter.AddAddress(device, shmem.Pci, ctx.Plan.PciBuses).ToString());
        }
    }

    /// <summary>
    /// The vsock device. libvirt hands QEMU an open <c>/dev/vhost-vsock</c> (<c>vhostfd=</c>); a launcher without a
    /// daemon lets QEMU open it itself, so no descriptor is written.
    /// </summary>
    public static void Vsock(QemuContext ctx, List<string> args)
    {
        if (ctx.Plan.Misc.Vsock is not { } vsock) return;
        var opts = new QemuOpts(vsock.QemuType).Add("id", vsock.Alias).Add("guest-cid", (ulong)vsock.GuestCid);
        VirtioOptionsSyntax.Add(opts, vsock.Vsock.Driver);
        args.Add("-device");
        args.Add(PciEmitter.AddAddress(opts, vsock.Pci, ctx.Plan.PciBuses).ToString());
    }
}
