using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Drivers.Qemu.Plan.Pci;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// Decides the controllers libvirt runs: the declared ones plus an implicit SCSI controller for each
/// SCSI disk and host SCSI LUN and a CCID controller for each smartcard whose controller is not declared, in libvirt's order (by type, then index), with their
/// PCI addresses (the first UHCI on the PIIX3 at 1.2, USB 2 companions sharing their master's slot),
/// spapr-vio registers and USB companion masters.
/// </summary>
internal static class ControllerPlanning
{
    public static ImmutableArray<PlannedController> Plan(
        Domain domain, string machine, VirtioTransport transport, EmulatorDescription emulator, bool useDevice, bool usePci, IPciAddressAssigner pci, SpaprVioRegisters regs)
    {
        var family = pci.Family;
        var controllers = InLibvirtOrder(WithImplicit(domain, family, emulator));
        var planned = new List<PlannedController>();
        foreach (var c in controllers)
        {
            // q35's first SATA controller is the ICH9's own AHCI at 00:1f.2, which QEMU calls "ide".
            var builtIn = IsBuiltIn(c, family);
            var alias = c.Alias ?? (builtIn ? Q35SataAlias : Alias(c));
            var address = c.Address as PciAddress;
            // libvirt 9 gives a 'none' USB controller no slot (libvirt 0.10.2 did).
            var noUsb = family != PciMachineFamily.Other && c is UsbController { Model: UsbControllerModel.None };
            if (!builtIn && !noUsb && usePci && IsPci(c, machine, transport) && (address is null || family != PciMachineFamily.Other))
                address = AssignPci(c, planned, pci, emulator);
            var scsiModel = c is ScsiController scsi ? EffectiveScsiModel(scsi, machine) : (ScsiControllerModel?)null;
            var entry = new PlannedController(c, alias, address)
            {
                Implicit = !Declared(domain.Devices.Controllers, c),
                ScsiModel = scsiModel,
                QemuType = useDevice && !builtIn ? QemuType(c, scsiModel, transport, emulator, family) : null,
            };
            if (scsiModel == ScsiControllerModel.Ibmvscsi)
                entry = entry with { SpaprReg = regs.Take(c.Address, SpaprVioRegisters.ScsiBase) };
            if (c is UsbController u && CompanionFirstPort(u) is { } firstPort)
                entry = entry with { Master = new UsbCompanionMaster(UsbBus(controllers, u.Index ?? 0), u.MasterStartPort ?? firstPort) };
            planned.Add(entry);
        }
        // libvirt 9 gives QEMU each USB bus's master before its companions (libvirt 0.10.2 kept the document's
        // order); the sort is stable and the emitter writes type by type, so other controllers keep theirs.
        if (family != PciMachineFamily.Other) InUsbBusOrder(planned);
        return [.. planned];
    }

    /// <summary>
    /// Sorts by <see cref="UsbBusOrder"/>, stable, in place: an insertion sort over the few controllers a domain has
    /// (OrderBy and its copy to an array cost ~1,700 instructions per document).
    /// </summary>
    private static void InUsbBusOrder(List<PlannedController> planned)
    {
        for (var i = 1; i < planned.Count; i++)
        {
            var item = planned[i];
            var key = UsbBusOrder(item);
            var j = i - 1;
            for (; j >= 0 && UsbBusOrder(planned[j]) > key; j--) planned[j + 1] = planned[j];
            planned[j + 1] = item;
        }
    }

    /// <summary>A USB controller's place: by bus, the master before its companions; every other controller's is 0.</summary>
    private static uint UsbBusOrder(PlannedController p) =>
        p.Controller is UsbController u ? (u.Index ?? 0) * 2 + (p.Master is null ? 0u : 1u) : 0u;

    /// <summary>The id QEMU gives q35's built-in AHCI controller.</summary>
    private const string Q35SataAlias = "ide";

    /// <summary>Whether the controller is part of the machine: q35's first SATA controller.</summary>
    private static bool IsBuiltIn(Controller c, PciMachineFamily family) =>
        family == PciMachineFamily.Q35 && c is SataController { Index: 0 or null };

    /// <summary>
    /// The USB model a controller without one gets: on a modern q35, qemu-xhci when QEMU has it, else the
    /// ICH9 EHCI; on i440fx (and on legacy emulators) the PIIX3's UHCI.
    /// </summary>
    public static UsbControllerModel EffectiveUsbModel(UsbController c, PciMachineFamily family, EmulatorDescription emulator) =>
        c.Model ?? (family != PciMachineFamily.Q35 ? UsbControllerModel.Piix3Uhci
            : emulator.HasDeviceType("qemu-xhci") ? UsbControllerModel.QemuXhci : UsbControllerModel.Ich9Ehci1);

    /// <summary>The SCSI model QEMU gets: the XML's, else pseries' virtual SCSI or the LSI controller.</summary>
    public static ScsiControllerModel EffectiveScsiModel(ScsiController c, string machine) =>
        c.Model is { } m and not ScsiControllerModel.Auto ? m
        : machine.StartsWith("pseries", StringComparison.Ordinal) ? ScsiControllerModel.Ibmvscsi
        : ScsiControllerModel.Lsilogic;

    /// <summary>
    /// The alias of USB bus N: <c>usb</c> for the first, <c>usbN</c> after. A controller reaches the
    /// planner numbered (by the defaults stage, or by the document); unnumbered it is the first.
    /// </summary>
    public static string UsbAlias(uint? index) => QemuDeviceNames.UsbBus(index ?? 0);

    /// <summary>The word after <c>-device</c> for a controller QEMU gets as a device; null for one built into the machine or a USB bus given by <c>-usb</c> (or none).</summary>
    private static string? QemuType(Controller c, ScsiControllerModel? scsiModel, VirtioTransport transport, EmulatorDescription emulator, PciMachineFamily family) => c switch
    {
        UsbController usb => UsbPlanning.EmitsAsDevice(usb, emulator) ? QemuDeviceNames.UsbController(EffectiveUsbModel(usb, family, emulator)) : null,
        ScsiController => Named(emulator, QemuDeviceNames.ScsiController(scsiModel!.Value)),
        SataController => Named(emulator, "ahci"),
        CcidController => "usb-ccid",
        VirtioSerialController serial => transport == VirtioTransport.S390 ? "virtio-serial-s390"
            : QemuDeviceNames.VirtioPci("virtio-serial-pci", serial.Model == VirtioSerialControllerModel.VirtioTransitional,
                serial.Model == VirtioSerialControllerModel.VirtioNonTransitional),
        _ => null, // IDE and floppy controllers are built into the machine.
    };

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
    private static string Named(EmulatorDescription emulator, string alias) =>
        AliasTargets.TryGetValue(alias, out var target) && !emulator.HasDeviceType(alias) ? target : alias;

    private static List<Controller> WithImplicit(Domain domain, PciMachineFamily family, EmulatorDescription emulator)
    {
        var declared = domain.Devices.Controllers;
        // PCI controllers are buses of the PCI topology (PciTopologyPlanner), not devices on one. One loop, not
        // Where and OfType: every document is planned.
        var all = new List<Controller>(declared.Length + 1);
        var declaresUsb = false;
        foreach (var c in declared)
        {
            declaresUsb |= c is UsbController;
            if (c is not PciController) all.Add(c);
        }
        // libvirt 9 gives a PC guest without a USB controller the machine's default one (qemu-xhci on q35).
        if (family != PciMachineFamily.Other && !declaresUsb)
            all.Add(new UsbController { Index = 0, Model = EffectiveUsbModel(new UsbController { Index = 0 }, family, emulator), Location = domain.Location });
        foreach (var disk in domain.Devices.Disks)
        {
            if (DiskTargetNames.BusOf(disk) != DiskBus.Scsi) continue;
            var index = DiskTargetNames.DriveAddressOf(disk)?.Controller ?? 0;
            if (!all.OfType<ScsiController>().Any(s => s.Index == index)) all.Add(new ScsiController { Index = index });
        }
        if (ScsiHostDevicePlaces.HasLuns(domain))
            foreach (var drive in ScsiHostDevicePlaces.Of(domain).Values)
            {
                var index = drive.Controller ?? 0;
                if (!all.OfType<ScsiController>().Any(s => s.Index == index)) all.Add(new ScsiController { Index = index });
            }
        foreach (var card in domain.Devices.Smartcards)
        {
            var index = card.Address?.Controller ?? 0;
            if (!all.OfType<CcidController>().Any(c => c.Index == index)) all.Add(new CcidController { Index = index });
        }
        all.AddRange(VirtioSerialPlanning.ImplicitControllers(domain));
        return all;
    }

    /// <summary>
    /// Whether <paramref name="controller"/> is one of the domain's own, not one <see cref="WithImplicit"/> added: told by
    /// reference (those are passed on as they are), not by comparing it with each declared one field by field.
    /// </summary>
    private static bool Declared(ImmutableArray<Controller> declared, Controller controller)
    {
        foreach (var c in declared)
            if (ReferenceEquals(c, controller)) return true;
        return false;
    }

    /// <summary>
    /// libvirt inserts each controller before the first of its type with a higher index, else after
    /// the last of its type, else at the end: same-type controllers end up sorted by index, stable.
    /// </summary>
    private static List<Controller> InLibvirtOrder(List<Controller> controllers)
    {
        var ordered = new List<Controller>();
        foreach (var c in controllers)
        {
            var insertAt = -1;
            for (var i = ordered.Count - 1; i >= 0; i--)
            {
                if (ordered[i].Type != c.Type) continue;
                if (ordered[i].Index > c.Index) insertAt = i;
                else if (insertAt == -1) insertAt = i + 1;
            }
            ordered.Insert(insertAt == -1 ? ordered.Count : insertAt, c);
        }
        return ordered;
    }

    private static PciAddress? AssignPci(Controller c, List<PlannedController> earlier, IPciAddressAssigner pci, EmulatorDescription emulator)
    {
        var kind = c is UsbController usb ? PciSlotKinds.OfUsb(EffectiveUsbModel(usb, pci.Family, emulator)) : PciSlotKinds.OfController(c);
        if (c.Address is PciAddress) return pci.Assign(c.Address, c.Location, "the controller", kind);
        // The PIIX3's own UHCI function (q35 has no PIIX3).
        if (c is UsbController { Index: 0, Model: null or UsbControllerModel.Piix3Uhci } && pci.Family != PciMachineFamily.Q35)
            return new PciAddress { Domain = 0, Bus = 0, Slot = 1, Function = 2 };
        if (c is UsbController u && CompanionFunction(u) is { } function)
        {
            var master = earlier.FirstOrDefault(p => p.Controller is UsbController other && other.Index == u.Index && p.Pci is not null)?.Pci;
            var slot = master ?? pci.Assign(null, c.Location, "the controller", kind);
            if (slot is null) return null;
            return new PciAddress
            {
                Domain = slot.Domain ?? 0, Bus = slot.Bus ?? 0, Slot = slot.Slot, Function = function,
                Multifunction = u.Model == UsbControllerModel.Ich9Uhci1 ? true : null,
            };
        }
        return pci.Assign(null, c.Location, "the controller", kind);
    }

    /// <summary>The PCI function of an ICH9 USB 2 controller or companion; null for other models.</summary>
    private static uint? CompanionFunction(UsbController u) => u.Model switch
    {
        UsbControllerModel.Ich9Ehci1 => 7,
        UsbControllerModel.Ich9Uhci1 => 0,
        UsbControllerModel.Ich9Uhci2 => 1,
        UsbControllerModel.Ich9Uhci3 => 2,
        _ => null,
    };

    /// <summary>The first port an ICH9 UHCI companion takes on its master by default (two ports each).</summary>
    /// <summary>
    /// The QEMU id of USB bus <paramref name="index"/>: the alias of that index's (non-companion) controller, which a user
    /// alias (<c>ua-NAME</c>) replaces, else the default name (<c>usb</c>, <c>usbN</c>).
    /// </summary>
    public static string UsbBus(IEnumerable<Controller> controllers, uint index) =>
        controllers.OfType<UsbController>().FirstOrDefault(u => (u.Index ?? 0) == index && CompanionFirstPort(u) is null)?.Alias ?? UsbAlias(index);

    private static uint? CompanionFirstPort(UsbController u) => u.Model switch
    {
        UsbControllerModel.Ich9Uhci1 => 0,
        UsbControllerModel.Ich9Uhci2 => 2,
        UsbControllerModel.Ich9Uhci3 => 4,
        _ => null,
    };

    /// <summary>
    /// Whether libvirt gives the controller a PCI slot. The first IDE controller lives on the PIIX3,
    /// the floppy controller behind the ISA bridge, CCID is a USB device and pseries' virtual SCSI is
    /// on spapr-vio. A 'none' USB controller still takes a slot, as libvirt 0.10.2 does.
    /// </summary>
    private static bool IsPci(Controller c, string machine, VirtioTransport transport) => c switch
    {
        // The first IDE controller is the PIIX3's (slot 1); libvirt still gives any other one a slot.
        IdeController { Index: 0 } or FdcController or CcidController => false,
        ScsiController s => EffectiveScsiModel(s, machine) != ScsiControllerModel.Ibmvscsi,
        _ => transport == VirtioTransport.Pci,
    };

    private static string Alias(Controller c) => c switch
    {
        UsbController u => UsbAlias(u.Index),
        SataController s => $"ahci{s.Index}",
        IdeController i => $"ide{i.Index}",
        FdcController f => $"fdc{f.Index}",
        ScsiController s => $"scsi{s.Index}",
        VirtioSerialController v => $"virtio-serial{v.Index}",
        CcidController x => $"ccid{x.Index}",
        _ => throw new InvalidOperationException($"unknown controller {c.GetType().Name}"),
    };
}
