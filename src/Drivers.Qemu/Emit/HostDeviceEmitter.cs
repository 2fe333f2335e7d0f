using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: host device pass-through: -device (usb-host, pci-assign, vfio-pci, scsi-generic with its -blockdev), or -usbdevice host:… / -pcidevice.
internal static class HostDeviceEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        foreach (var h in ctx.Plan.HostDevices)
        {
            switch (h.Source)
            {
                case UsbHostDeviceSource usb when ctx.Plan.UseDevice:
                    args.Add("-device");
                    args.Add(UsbHost(h, usb, ctx).ToString());
                    break;
                case UsbHostDeviceSource usb:
                    args.Add("-usbdevice");
                    args.Add(usb.HostBus is null && usb.HostDevice is null
                        ? $"host:{usb.VendorId ?? 0:x4}:{usb.ProductId ?? 0:x4}"
                        : $"host:{usb.HostBus ?? 0}.{usb.HostDevice ?? 0}");
                    break;
                case PciHostDeviceSource pci when ctx.Plan.UseDevice:
                    args.Add("-device");
                    args.Add(PciAssign(h, pci, ctx).ToString());
                    break;
                case PciHostDeviceSource pci:
                    args.Add("-pcidevice");
                    args.Add("host=" + HostPci(pci));
                    break;
                case MdevHostDeviceSource mdev:
                    args.Add("-device");
                    args.Add(Mdev(h, mdev, ctx).ToString());
                    break;
                case ScsiHostHostDeviceSource vhostScsi:
                    // QEMU opens /dev/vhost-scsi itself when given no descriptor.
                    args.Add("-device");
                    args.Add(PciEmitter.AddAddress(new QemuOpts(h.QemuType).Add("wwpn", vhostScsi.Wwpn).Add("id", h.Alias), h.Pci, ctx.Plan.PciBuses).ToString());
                    break;
                case ScsiHostDeviceSource:
                    var lun = h.ScsiLun ?? throw new InvalidOperationException($"{h.Alias} was not planned as a SCSI LUN");
                    BlockGraphEmitter.Emit(lun.Backend, args);
                    args.Add("-device");
                    args.Add(ScsiGeneric(h, lun).ToString());
                    break;
                default:
                    throw new InvalidOperationException($"host device type {h.Source.Type} was not refused by validation");
            }
        }
    }

    private static QemuOpts UsbHost(PlannedHostDevice h, UsbHostDeviceSource usb, QemuContext ctx)
    {
        var opts = new QemuOpts(h.QemuType).Add("hostbus", (long?)usb.HostBus).Add("hostaddr", (long?)usb.HostDevice).Add("id", h.Alias);
        // off: the guest may not reset the device; uninitialized: only while it is not configured; on: always.
        if (usb.GuestReset is { } reset)
            opts.AddOnOff("guest-reset", reset != UsbGuestReset.Off).AddOnOff("guest-resets-all", reset == UsbGuestReset.On);
        if (h.BootIndex is { } boot && ctx.Has(QemuCapability.UsbHostBootindex)) opts.Add("bootindex", (long)boot);
        return UsbEmitter.AddUsbAddress(opts, h.UsbAddress, ctx.Plan);
    }

    private static QemuOpts PciAssign(PlannedHostDevice h, PciHostDeviceSource pci, QemuContext ctx)
    {
        // vfio-pci reads the full address with the PCI domain; pci-assign the short form libvirt 0.10.2 wrote.
        var host = h.QemuType == HostDeviceTypes.VfioPci ? $"{pci.Domain ?? 0:x4}:{HostPci(pci)}" : HostPci(pci);
        var opts = new QemuOpts(h.QemuType).Add("host", host).Add("id", h.Alias);
        if (h.BootIndex is { } boot) opts.Add("bootindex", (long)boot);
        PciEmitter.AddAddress(opts, h.Pci, ctx.Plan.PciBuses);
        return RomEmitter.AddRom(opts, h.Rom);
    }

    /// <summary>A host SCSI LUN on its backend node, at its place on the guest's SCSI controller.</summary>
    private static QemuOpts ScsiGeneric(PlannedHostDevice h, PlannedScsiLun lun)
    {
        var opts = new QemuOpts(h.QemuType).Add("drive", lun.Backend.TopNode).Add("id", h.Alias);
        DiskEmitter.AddScsiAddress(opts, lun.Drive, lun.ByTarget);
        if (h.BootIndex is { } boot) opts.Add("bootindex", (long)boot);
        return opts.AddOnOff("share-rw", lun.ShareRw ? true : null);
    }

    /// <summary>A mediated device by its sysfs node, with its display and ramfb switches.</summary>
    private static QemuOpts Mdev(PlannedHostDevice h, MdevHostDeviceSource mdev, QemuContext ctx)
    {
        var opts = new QemuOpts(h.QemuType).Add("id", h.Alias)
            .Add("sysfsdev", $"/sys/bus/mdev/devices/{mdev.Uuid:D}")
            .AddOnOff("display", mdev.Display)
            .AddOnOff("ramfb", mdev.Ramfb == true ? true : null);
        return PciEmitter.AddAddress(opts, h.Pci, ctx.Plan.PciBuses);
    }

    /// <summary>The host's PCI address as QEMU reads it: <c>06:12.5</c> (bus, slot, function in hexadecimal).</summary>
    private static string HostPci(PciHostDeviceSource pci) => $"{pci.Bus ?? 0:x2}:{pci.Slot ?? 0:x2}.{pci.Function ?? 0:x}";
}
