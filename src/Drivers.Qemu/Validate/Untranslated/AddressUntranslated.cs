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
    public void Find(QemuCheckInput input, List<DeviceFeatureUse> uses)
    {
        // Plain loops over every device that may carry an address of any type, in this order: every
        // document passes here, and a chain of Select and Concat iterators cost more than the check.
        var d = input.Domain.Devices;
        foreach (var x in d.Disks) Check(uses, x.Address, x.Location);
        foreach (var x in d.Filesystems) Check(uses, x.Address, x.Location);
        foreach (var x in d.Controllers) Check(uses, x.Address, x.Location);
        foreach (var x in d.HostDevices) Check(uses, x.Address, x.Location);
        foreach (var x in d.Interfaces) Check(uses, x.Address, x.Location);
        foreach (var x in d.Inputs) Check(uses, x.Address, x.Location);
        foreach (var x in d.Hubs) Check(uses, x.Address, x.Location);
        foreach (var x in d.Videos) Check(uses, x.Address, x.Location);
        foreach (var x in d.Parallels) Check(uses, x.Address, x.Location);
        foreach (var x in d.Serials) Check(uses, x.Address, x.Location);
        foreach (var x in d.Consoles) Check(uses, x.Address, x.Location);
        foreach (var x in d.Channels) Check(uses, x.Address, x.Location);
        foreach (var x in d.Sounds) Check(uses, x.Address, x.Location);
        if (d.Watchdog is { } w) Check(uses, w.Address, w.Location);
        if (d.MemBalloon is { } b) Check(uses, b.Address, b.Location);
    }

    private static void Check(List<DeviceFeatureUse> uses, DeviceAddress? address, SourceLocation location)
    {
        switch (address)
        {
            case CcwAddress or VirtioMmioAddress or DimmAddress or UnassignedAddress:
                uses.Add(new(location, $"<address type='{AddressTypeXml.Table.ToXml(address.Type)}'>"));
                break;
            case PciAddress { Zpci: not null }:
                uses.Add(new(location, "<zpci> in a PCI address"));
                break;
        }
    }
}
