using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -device for USB, SCSI, SATA, virtio-serial and CCID controllers (lsi, virtio-scsi-pci, spapr-vscsi, ahci, piix3-usb-uhci, virtio-serial-pci, ...).
internal static class ControllerEmitter
{
    /// <summary>libvirt emits controllers type by type in this order; IDE and floppy are built into the machine.</summary>
    private static readonly ControllerType[] TypeOrder =
        [ControllerType.Usb, ControllerType.Scsi, ControllerType.Sata, ControllerType.VirtioSerial, ControllerType.Ccid];

    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        if (!ctx.Plan.UseDevice) yield break;
        foreach (var type in TypeOrder)
        {
            foreach (var planned in ctx.Plan.Controllers.Where(p => p.Controller.Type == type))
            {
                if (Device(planned, ctx) is not { } opts) continue;
                yield return "-device";
                yield return opts.ToString();
            }
        }
    }

    private static QemuOpts? Device(PlannedController planned, QemuContext ctx)
    {
        switch (planned.Controller)
        {
            case UsbController usb:
                if (!UsbPlanning.EmitsAsDevice(usb, ctx.Emulator, ctx.Plan.UseDevice)) return null;
                var opts = new QemuOpts(UsbDeviceName(usb.Model ?? UsbControllerModel.Piix3Uhci));
                if (planned.Master is { } master)
                    opts.Add("masterbus", master.MasterAlias + ".0").Add("firstport", (long)master.FirstPort);
                else
                    opts.Add("id", planned.Alias);
                return Address(opts, planned);
            case ScsiController scsi:
                var model = ControllerPlanning.EffectiveScsiModel(scsi, ctx.Plan.Machine);
                return Address(new QemuOpts(Named(ctx, ScsiDeviceName(model))).Add("id", planned.Alias), planned);
            case SataController:
                return Address(new QemuOpts(Named(ctx, "ahci")).Add("id", planned.Alias), planned);
            case CcidController:
                return Address(new QemuOpts("usb-ccid").Add("id", planned.Alias), planned);
            case VirtioSerialController virtioSerial:
                var s390 = ctx.Plan.Machine.StartsWith("s390", StringComparison.Ordinal);
                return Address(new QemuOpts(s390 ? "virtio-serial-s390" : "virtio-serial-pci")
                    .Add("id", planned.Alias)
                    .Add("max_ports", virtioSerial.Ports)
                    .Add("vectors", virtioSerial.Vectors), planned);
            default:
                // IDE and floppy controllers are built into the machine.
                return null;
        }
    }

    /// <summary>Short aliases QEMU once had for device types, and the type each stood for.</summary>
    private static readonly Dictionary<string, string> AliasTargets = new(StringComparer.Ordinal)
    {
        ["lsi"] = "lsi53c895a",
        ["ahci"] = "ich9-ahci",
    };

    /// <summary>
    /// The alias libvirt 0.10.2 wrote when the emulator has it (or its device types are not known), else
    /// the device type it stood for: newer QEMU dropped the aliases.
    /// </summary>
    private static string Named(QemuContext ctx, string alias) =>
        AliasTargets.TryGetValue(alias, out var target) && !ctx.Emulator.HasDeviceType(alias) ? target : alias;

    private static QemuOpts Address(QemuOpts opts, PlannedController planned)
    {
        if (planned.SpaprReg is { } reg) return opts.AddHex("reg", reg);
        return PciEmitter.AddAddress(opts, planned.Pci);
    }

    public static string ScsiDeviceName(ScsiControllerModel model) => model switch
    {
        ScsiControllerModel.Lsilogic => "lsi",
        ScsiControllerModel.VirtioScsi => "virtio-scsi-pci",
        ScsiControllerModel.Ibmvscsi => "spapr-vscsi",
        _ => throw new InvalidOperationException($"SCSI controller model {model} was not refused by validation"),
    };

    public static string UsbDeviceName(UsbControllerModel model) => model switch
    {
        UsbControllerModel.Piix3Uhci => "piix3-usb-uhci",
        UsbControllerModel.Piix4Uhci => "piix4-usb-uhci",
        UsbControllerModel.Ehci => "usb-ehci",
        UsbControllerModel.Ich9Ehci1 => "ich9-usb-ehci1",
        UsbControllerModel.Ich9Uhci1 => "ich9-usb-uhci1",
        UsbControllerModel.Ich9Uhci2 => "ich9-usb-uhci2",
        UsbControllerModel.Ich9Uhci3 => "ich9-usb-uhci3",
        UsbControllerModel.Vt82c686bUhci => "vt82c686b-usb-uhci",
        UsbControllerModel.PciOhci => "pci-ohci",
        UsbControllerModel.NecXhci => "nec-usb-xhci",
        _ => throw new InvalidOperationException($"USB controller model {model} has no QEMU device"),
    };
}
