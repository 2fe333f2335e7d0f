using DomainLauncher.Translator.Validation.Untranslated;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// Device addresses of libvirt 9's schema the driver does not place devices at yet, on any device that gives
/// one: ccw, virtio-mmio and unassigned addresses, a dimm address anywhere but on a memory device (which is
/// placed at its slot), and a PCI address's zPCI identifiers. Without this the planner would treat the device
/// as unaddressed and put it somewhere else.
/// </summary>
internal sealed class AddressUntranslated : IUntranslatedArea
{
    public void Find(QemuCheckInput input, List<DeviceFeatureUse> uses)
    {
        var finding = new Finding { Uses = uses };
        AddressedDevices.Visit(input.Domain.Devices, ref finding);
    }

    /// <summary>An address of a type the driver places no device at (a dimm address only memory devices take).</summary>
    public static bool PlacesNoDevice(DeviceAddress address) => address is CcwAddress or VirtioMmioAddress or DimmAddress or UnassignedAddress;

    private struct Finding : IAddressedDeviceVisitor
    {
        public List<DeviceFeatureUse> Uses;

        public readonly void Visit(object device, DeviceAddress address, SourceLocation location)
        {
            switch (address)
            {
                case DimmAddress when device is MemoryDevice:
                    break;
                case var untranslated when PlacesNoDevice(untranslated):
                    Uses.Add(new(location, $"<address type='{AddressTypeXml.Table.ToXml(address.Type)}'>"));
                    break;
                case PciAddress { Zpci: not null }:
                    Uses.Add(new(location, "<zpci> in a PCI address"));
                    break;
            }
        }
    }
}
