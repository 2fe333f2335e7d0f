using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: host device pass-through: -device (usb-host, pci-assign), or -usbdevice host:… / -pcidevice.
internal static class HostDeviceEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        foreach (var h in ctx.Plan.HostDevices)
        {
            switch (h.Source)
            {
                case UsbHostDeviceSource usb when ctx.Plan.UseDevice:
                    yield return "-device";
                    yield return UsbHost(h, usb, ctx).ToString();
                    break;
                case UsbHostDeviceSource usb:
                    yield return "-usbdevice";
                    yield return usb.HostBus is null && usb.HostDevice is null
                        ? $"host:{usb.VendorId ?? 0:x4}:{usb.ProductId ?? 0:x4}"
                        : $"host:{usb.HostBus ?? 0}.{usb.HostDevice ?? 0}";
                    break;
                case PciHostDeviceSource pci when ctx.Plan.UseDevice:
                    yield return "-device";
                    yield return PciAssign(h, pci, ctx).ToString();
                    break;
                case PciHostDeviceSource pci:
                    yield return "-pcidevice";
                    yield return "host=" + HostPci(pci);
                    break;
                default:
                    throw new InvalidOperationException($"host device type {h.Source.Type} was not refused by validation");
            }
        }
    }

    private static QemuOpts UsbHost(PlannedHostDevice h, UsbHostDeviceSource usb, QemuContext ctx)
    {
        var opts = new QemuOpts(h.QemuType).Add("hostbus", (long?)usb.HostBus).Add("hostaddr", (long?)usb.HostDevice).Add("id", h.Alias);
        if (h.BootIndex is { } boot && ctx.Has(QemuCapability.UsbHostBootindex)) opts.Add("bootindex", (long)boot);
        return UsbEmitter.AddUsbAddress(opts, h.UsbAddress);
    }

    private static QemuOpts PciAssign(PlannedHostDevice h, PciHostDeviceSource pci, QemuContext ctx)
    {
        var opts = new QemuOpts(h.QemuType).Add("host", HostPci(pci)).Add("id", h.Alias);
        if (h.BootIndex is { } boot) opts.Add("bootindex", (long)boot);
        PciEmitter.AddAddress(opts, h.Pci, ctx.Plan.PciBuses);
        return RomEmitter.AddRom(opts, h.Rom);
    }

    /// <summary>The host's PCI address as QEMU reads it: <c>06:12.5</c> (bus, slot, function in hexadecimal).</summary>
    private static string HostPci(PciHostDeviceSource pci) => $"{pci.Bus ?? 0:x2}:{pci.Slot ?? 0:x2}.{pci.Function ?? 0:x}";
}
