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

    public static void Emit(QemuContext ctx, List<string> args)
    {
        if (!ctx.Plan.UseDevice) return;
        foreach (var type in TypeOrder)
        {
            foreach (var planned in ctx.Plan.Controllers)
            {
                if (planned.Controller.Type != type || Device(planned, ctx) is not { } opts) continue;
                args.Add("-device");
                args.Add(opts.ToString());
            }
        }
    }

    private static QemuOpts? Device(PlannedController planned, QemuContext ctx)
    {
        // IDE and floppy controllers are built into the machine; a USB bus may come from -usb, or be none.
        if (planned.QemuType is not { } type) return null;
        var opts = new QemuOpts(type);
        if (planned.Controller.Driver is { } transport && planned.Controller is ScsiController or VirtioSerialController)
            VirtioOptionsSyntax.Add(opts, transport.Iommu, transport.Ats, transport.Packed, transport.PagePerVq);
        // A USB companion attaches to its master instead of having an id.
        if (planned.Master is { } master)
            opts.Add("masterbus", master.MasterAlias + ".0").Add("firstport", (long)master.FirstPort);
        else
            opts.Add("id", planned.Alias);
        if (planned.Controller is VirtioSerialController virtioSerial)
            opts.Add("max_ports", virtioSerial.Ports).Add("vectors", virtioSerial.Vectors);
        if (planned.Controller is ScsiController { Driver: { } scsi })
        {
            opts.Add("num_queues", scsi.Queues).Add("cmd_per_lun", scsi.CmdPerLun).Add("max_sectors", scsi.MaxSectors);
            if (scsi.Ioeventfd is { } ioeventfd) opts.AddOnOff("ioeventfd", ioeventfd);
        }
        // An xHCI controller's port count is the count of its USB 2 and of its USB 3 ports.
        if (planned.Controller is UsbController { Ports: { } ports })
            opts.Add("p2", ports).Add("p3", ports);
        return Address(opts, planned, ctx);
    }

    private static QemuOpts Address(QemuOpts opts, PlannedController planned, QemuContext ctx)
    {
        if (planned.SpaprReg is { } reg) return opts.AddHex("reg", reg);
        return PciEmitter.AddAddress(opts, planned.Pci, ctx.Plan.PciBuses);
    }
}
