using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Drivers.Qemu.Plan.Pci;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// The host devices libvirt assigns to the guest, in its order: those of <c>&lt;interface type='hostdev'&gt;</c>
/// first (libvirt files them as host devices while reading the interfaces), then the <c>&lt;hostdev&gt;</c>
/// elements; the aliases it makes, <c>hostdevN</c>, count in that order the devices without a user's alias. A hostdev interface keeps the PCI slot it got among
/// the interfaces; PCI host devices take theirs after the disks; host SCSI LUNs are planned by <see cref="ScsiHostDevicePlanning"/>.
/// </summary>
internal static class HostDevicePlanning
{
    public static ImmutableArray<PlannedHostDevice> Plan(
        Domain domain, ImmutableArray<PlannedInterface> interfaces, PciSlots slots, bool emitBootIndex,
        Capabilities.EmulatorDescription emulator, Host.HostSettings host)
    {
        var scsiAddresses = ScsiHostDevicePlaces.Of(domain);
        var scsiLuns = 0;
        var planned = new List<PlannedHostDevice>();
        // libvirt numbers the aliases it makes (hostdevN) among themselves: a user's alias (ua-...) takes no number.
        var numbered = 0;
        foreach (var nic in interfaces)
        {
            if (nic.Interface is not HostdevInterface hostdev) continue;
            var source = new PciHostDeviceSource
            {
                Domain = hostdev.Source.Domain, Bus = hostdev.Source.Bus, Slot = hostdev.Source.Slot, Function = hostdev.Source.Function,
            };
            planned.Add(new PlannedHostDevice(hostdev.Alias ?? $"hostdev{numbered++}", source, nic.Pci, hostdev.Rom, hostdev.Location)
            {
                QemuType = HostDeviceTypes.For(source, emulator),
                BootIndex = nic.BootIndex,
            });
        }
        foreach (var h in domain.Devices.HostDevices)
        {
            var pci = h.Source is PciHostDeviceSource or MdevHostDeviceSource or ScsiHostHostDeviceSource ? slots.Place(h.Address, h.Location, "the host device") : null;
            var entry = new PlannedHostDevice(h.Alias ?? $"hostdev{numbered++}", h.Source, pci, h.Rom, h.Location)
            {
                QemuType = HostDeviceTypes.For(h.Source, emulator),
                UsbAddress = h.Address as UsbAddress,
                BootIndex = emitBootIndex ? h.BootOrder : null,
            };
            if (h.Source is ScsiHostDeviceSource scsi)
            {
                var drive = scsiAddresses[h];
                entry = entry with
                {
                    ScsiLun = new PlannedScsiLun(ScsiHostDevicePlanning.Backend(h, scsi, ++scsiLuns, host), drive,
                        QemuPlanner.ScsiUsesTarget(domain, drive.Controller ?? 0), ShareRw: h.Shareable),
                };
            }
            planned.Add(entry);
        }
        return [.. planned];
    }
}

/// <summary>A host device to pass through, with its alias, guest address and boot index.</summary>
public sealed record PlannedHostDevice(string Alias, HostDeviceSource Source, PciAddress? Pci, RomSettings? Rom, SourceLocation Location)
{
    /// <summary>The device QEMU makes for it (<c>usb-host</c>, <c>pci-assign</c>): the word after <c>-device</c>.</summary>
    public required string QemuType { get; init; }

    /// <summary>Where a USB host device plugs in on the guest (<c>bus=usb.0,port=1</c>), when the XML says.</summary>
    public UsbAddress? UsbAddress { get; init; }

    public uint? BootIndex { get; init; }

    /// <summary>For a host SCSI LUN: its backend, and where it sits on the guest's SCSI controllers.</summary>
    public PlannedScsiLun? ScsiLun { get; init; }
}

/// <summary>
/// A host SCSI LUN's plan: its backend node (and the secret its iSCSI login needs), its drive address (given or
/// placed), whether its controller addresses by channel, target and LUN (every model but LSI's), and whether it is
/// opened <c>share-rw=on</c> (shareable: QEMU's lock must not keep other guests from it).
/// </summary>
public sealed record PlannedScsiLun(Blockdev.PlannedBlockGraph Backend, DriveAddress Drive, bool ByTarget, bool ShareRw);
