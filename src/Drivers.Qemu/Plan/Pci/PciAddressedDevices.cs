using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Pci;

/// <summary>
/// The PCI addresses a domain's devices give, with where each is, except the PCI controllers' (the topology reads
/// those as buses): the addresses libvirt checks and reserves before it places anything.
/// </summary>
internal static class PciAddressedDevices
{
    /// <summary>
    /// In device order. Only the PCI addresses are gathered: most devices give none, and a list of every device's address,
    /// given or not, was a list of the document's size for every document placed.
    /// </summary>
    public static List<(PciAddress Address, SourceLocation Location)> Of(Domain domain)
    {
        // One list filled family by family (not a chain of LINQ iterators): this runs for every domain placed. Made
        // without room: a document that gives no PCI address costs no array.
        var d = domain.Devices;
        var given = new List<(PciAddress Address, SourceLocation Location)>();
        foreach (var x in d.Disks) Add(given, x.Address, x.Location);
        foreach (var x in d.Filesystems) Add(given, x.Address, x.Location);
        foreach (var x in d.Controllers)
            if (x is not PciController) Add(given, x.Address, x.Location);
        foreach (var x in d.HostDevices) Add(given, x.Address, x.Location);
        foreach (var x in d.Interfaces) Add(given, x.Address, x.Location);
        foreach (var x in d.Inputs) Add(given, x.Address, x.Location);
        foreach (var x in d.Hubs) Add(given, x.Address, x.Location);
        foreach (var x in d.Videos) Add(given, x.Address, x.Location);
        foreach (var x in d.Parallels) Add(given, x.Address, x.Location);
        foreach (var x in d.Serials) Add(given, x.Address, x.Location);
        // A serial console is a view of a serial port, with the port's address: the port holds the slot.
        foreach (var x in d.Consoles)
            if (x.Target is not ConsoleTarget { Type: ConsoleTargetType.Serial }) Add(given, x.Address, x.Location);
        foreach (var x in d.Channels) Add(given, x.Address, x.Location);
        foreach (var x in d.Sounds) Add(given, x.Address, x.Location);
        foreach (var x in d.Tpms) Add(given, x.Address, x.Location);
        foreach (var x in d.Rngs) Add(given, x.Address, x.Location);
        foreach (var x in d.Shmems) Add(given, x.Address, x.Location);
        foreach (var x in d.Panics) Add(given, x.Address, x.Location);
        foreach (var x in d.Memories) Add(given, x.Address, x.Location);
        if (d.Nvram is { } n) Add(given, n.Address, n.Location);
        if (d.Iommu is { } i) Add(given, i.Address, i.Location);
        if (d.Vsock is { } v) Add(given, v.Address, v.Location);
        if (d.Watchdog is { } w) Add(given, w.Address, w.Location);
        if (d.MemBalloon is { } b) Add(given, b.Address, b.Location);
        return given;
    }

    private static void Add(List<(PciAddress Address, SourceLocation Location)> given, DeviceAddress? address, SourceLocation location)
    {
        if (address is PciAddress pci) given.Add((pci, location));
    }
}
