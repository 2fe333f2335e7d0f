using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Pci;

/// <summary>
/// Every device of a domain that may carry an address, with where it is, except the PCI controllers (the
/// topology reads those as buses): the addresses libvirt checks and reserves before it places anything.
/// </summary>
internal static class PciAddressedDevices
{
    public static IEnumerable<(DeviceAddress? Address, SourceLocation Location)> Of(Domain domain)
    {
        var d = domain.Devices;
        return d.Disks.Select(x => (x.Address, x.Location))
            .Concat(d.Filesystems.Select(x => (x.Address, x.Location)))
            .Concat(d.Controllers.Where(x => x is not PciController).Select(x => (x.Address, x.Location)))
            .Concat(d.HostDevices.Select(x => (x.Address, x.Location)))
            .Concat(d.Interfaces.Select(x => (x.Address, x.Location)))
            .Concat(d.Inputs.Select(x => (x.Address, x.Location)))
            .Concat(d.Hubs.Select(x => (x.Address, x.Location)))
            .Concat(d.Videos.Select(x => (x.Address, x.Location)))
            .Concat(d.Parallels.Select(x => (x.Address, x.Location)))
            .Concat(d.Serials.Select(x => (x.Address, x.Location)))
            // A serial console is a view of a serial port, with the port's address: the port holds the slot.
            .Concat(d.Consoles.Where(x => x.Target is not ConsoleTarget { Type: ConsoleTargetType.Serial }).Select(x => (x.Address, x.Location)))
            .Concat(d.Channels.Select(x => (x.Address, x.Location)))
            .Concat(d.Sounds.Select(x => (x.Address, x.Location)))
            .Concat(d.Tpms.Select(x => (x.Address, x.Location)))
            .Concat(d.Rngs.Select(x => (x.Address, x.Location)))
            .Concat(d.Shmems.Select(x => (x.Address, x.Location)))
            .Concat(d.Panics.Select(x => (x.Address, x.Location)))
            .Concat(d.Memories.Select(x => (x.Address, x.Location)))
            .Concat(d.Nvram is { } n ? [(n.Address, n.Location)] : [])
            .Concat(d.Iommu is { } i ? [(i.Address, i.Location)] : [])
            .Concat(d.Vsock is { } v ? [(v.Address, v.Location)] : [])
            .Concat(d.Watchdog is { } w ? [(w.Address, w.Location)] : [])
            .Concat(d.MemBalloon is { } b ? [(b.Address, b.Location)] : []);
    }
}
