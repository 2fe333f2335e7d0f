using DomainLauncher.Translator.Validation.Untranslated;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// Device addresses of libvirt 9's schema the driver does not place devices at yet: ccw,
/// virtio-mmio, dimm and unassigned addresses, and a PCI address's zPCI identifiers. Without this
/// the planner would treat the device as unaddressed and put it somewhere else.
/// </summary>
internal sealed class AddressUntranslated : IUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain)
    {
        // Plain loops over every device that may carry an address of any type, in this order: every
        // document passes here, and a chain of Select and Concat iterators cost more than the check.
        var d = domain.Devices;
        List<DeviceFeatureUse>? uses = null;
        foreach (var x in d.Disks) Check(ref uses, x.Address, x.Location);
        foreach (var x in d.Filesystems) Check(ref uses, x.Address, x.Location);
        foreach (var x in d.Controllers) Check(ref uses, x.Address, x.Location);
        foreach (var x in d.HostDevices) Check(ref uses, x.Address, x.Location);
        foreach (var x in d.Interfaces) Check(ref uses, x.Address, x.Location);
        foreach (var x in d.Inputs) Check(ref uses, x.Address, x.Location);
        foreach (var x in d.Hubs) Check(ref uses, x.Address, x.Location);
        foreach (var x in d.Videos) Check(ref uses, x.Address, x.Location);
        foreach (var x in d.Parallels) Check(ref uses, x.Address, x.Location);
        foreach (var x in d.Serials) Check(ref uses, x.Address, x.Location);
        foreach (var x in d.Consoles) Check(ref uses, x.Address, x.Location);
        foreach (var x in d.Channels) Check(ref uses, x.Address, x.Location);
        foreach (var x in d.Sounds) Check(ref uses, x.Address, x.Location);
        if (d.Watchdog is { } w) Check(ref uses, w.Address, w.Location);
        if (d.MemBalloon is { } b) Check(ref uses, b.Address, b.Location);
        return uses ?? (IEnumerable<DeviceFeatureUse>)[];
    }

    private static void Check(ref List<DeviceFeatureUse>? uses, DeviceAddress? address, SourceLocation location)
    {
        switch (address)
        {
            case CcwAddress or VirtioMmioAddress or DimmAddress or UnassignedAddress:
                (uses ??= []).Add(new(location, $"<address type='{AddressTypeXml.Table.ToXml(address.Type)}'>"));
                break;
            case PciAddress { Zpci: not null }:
                (uses ??= []).Add(new(location, "<zpci> in a PCI address"));
                break;
        }
    }
}
