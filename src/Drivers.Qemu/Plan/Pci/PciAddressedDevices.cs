using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Pci;

/// <summary>
/// Every device of a domain that may carry an address, with where it is, except the PCI controllers (the
/// topology reads those as buses): the addresses libvirt checks and reserves before it places anything.
/// </summary>
internal static class PciAddressedDevices
{
    public static List<(DeviceAddress? Address, SourceLocation Location)> Of(Domain domain)
    {
        // One list filled family by family (not a chain of LINQ iterators): this runs for every domain placed.
        var d = domain.Devices;
        var all = new List<(DeviceAddress? Address, SourceLocation Location)>(d.Disks.Length + d.Controllers.Length + d.Interfaces.Length + 8);
        foreach (var x in d.Disks) all.Add((x.Address, x.Location));
        foreach (var x in d.Filesystems) all.Add((x.Address, x.Location));
        foreach (var x in d.Controllers)
            if (x is not PciController) all.Add((x.Address, x.Location));
        foreach (var x in d.HostDevices) all.Add((x.Address, x.Location));
        foreach (var x in d.Interfaces) all.Add((x.Address, x.Location));
        foreach (var x in d.Inputs) all.Add((x.Address, x.Location));
        foreach (var x in d.Hubs) all.Add((x.Address, x.Location));
        foreach (var x in d.Videos) all.Add((x.Address, x.Location));
        foreach (var x in d.Parallels) all.Add((x.Address, x.Location));
        foreach (var x in d.Serials) all.Add((x.Address, x.Location));
        // A serial console is a view of a serial port, with the port's address: the port holds the slot.
        foreach (var x in d.Consoles)
            if (x.Target is not ConsoleTarget { Type: ConsoleTargetType.Serial }) all.Add((x.Address, x.Location));
        foreach (var x in d.Channels) all.Add((x.Address, x.Location));
        foreach (var x in d.Sounds) all.Add((x.Address, x.Location));
        foreach (var x in d.Tpms) all.Add((x.Address, x.Location));
        foreach (var x in d.Rngs) all.Add((x.Address, x.Location));
        foreach (var x in d.Shmems) all.Add((x.Address, x.Location));
        foreach (var x in d.Panics) all.Add((x.Address, x.Location));
        foreach (var x in d.Memories) all.Add((x.Address, x.Location));
        if (d.Nvram is { } n) all.Add((n.Address, n.Location));
        if (d.Iommu is { } i) all.Add((i.Address, i.Location));
        if (d.Vsock is { } v) all.Add((v.Address, v.Location));
        if (d.Watchdog is { } w) all.Add((w.Address, w.Location));
        if (d.MemBalloon is { } b) all.Add((b.Address, b.Location));
        return all;
    }
}
