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
        foreach (var (address, location) in Addressed(domain.Devices))
        {
            switch (address)
            {
                case CcwAddress or VirtioMmioAddress or DimmAddress or UnassignedAddress:
                    yield return new(location, $"<address type='{AddressTypeXml.Table.ToXml(address.Type)}'>");
                    break;
                case PciAddress { Zpci: not null }:
                    yield return new(location, "<zpci> in a PCI address");
                    break;
            }
        }
    }

    /// <summary>Every device that may carry an address of any type, with where it is.</summary>
    private static IEnumerable<(DeviceAddress? Address, SourceLocation Location)> Addressed(Translator.Model.Devices d) =>
        d.Disks.Select(x => (x.Address, x.Location))
            .Concat(d.Filesystems.Select(x => (x.Address, x.Location)))
            .Concat(d.Controllers.Select(x => (x.Address, x.Location)))
            .Concat(d.HostDevices.Select(x => (x.Address, x.Location)))
            .Concat(d.Interfaces.Select(x => (x.Address, x.Location)))
            .Concat(d.Inputs.Select(x => (x.Address, x.Location)))
            .Concat(d.Hubs.Select(x => (x.Address, x.Location)))
            .Concat(d.Videos.Select(x => (x.Address, x.Location)))
            .Concat(d.Parallels.Select(x => (x.Address, x.Location)))
            .Concat(d.Serials.Select(x => (x.Address, x.Location)))
            .Concat(d.Consoles.Select(x => (x.Address, x.Location)))
            .Concat(d.Channels.Select(x => (x.Address, x.Location)))
            .Concat(d.Sounds.Select(x => (x.Address, x.Location)))
            .Concat(d.Watchdog is { } w ? [(w.Address, w.Location)] : [])
            .Concat(d.MemBalloon is { } b ? [(b.Address, b.Location)] : []);
}
