using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>What <see cref="AddressedDevices.Visit"/> hands each device that gives an address.</summary>
public interface IAddressedDeviceVisitor
{
    /// <summary>One device (a <see cref="Disk"/>, a <see cref="Rng"/>, ...), the address it gives, and where it is.</summary>
    void Visit(object device, DeviceAddress address, SourceLocation location);
}

/// <summary>
/// Every device of a domain that gives an <c>&lt;address&gt;</c>, family by family in the order of
/// <see cref="Devices"/>, each family in document order. The one walk over them: whatever reads the addresses
/// (the PCI placement, the refusal of address types a driver does not place devices at) reads every device's,
/// and a device family added to the model is added here once. Smartcards and redirected USB devices are not
/// walked: the model fixes their address types (ccid, usb) and the drivers read them where they place them.
/// </summary>
public static class AddressedDevices
{
    /// <summary>
    /// Hands <paramref name="visitor"/> each device that gives an address. A struct visitor, by reference: this
    /// runs for every document, with no closure, iterator or list of its own.
    /// </summary>
    public static void Visit<TVisitor>(Devices devices, ref TVisitor visitor) where TVisitor : struct, IAddressedDeviceVisitor
    {
        foreach (var x in devices.Disks) Given(x, x.Address, x.Location, ref visitor);
        foreach (var x in devices.Filesystems) Given(x, x.Address, x.Location, ref visitor);
        foreach (var x in devices.Controllers) Given(x, x.Address, x.Location, ref visitor);
        foreach (var x in devices.HostDevices) Given(x, x.Address, x.Location, ref visitor);
        foreach (var x in devices.Interfaces) Given(x, x.Address, x.Location, ref visitor);
        foreach (var x in devices.Inputs) Given(x, x.Address, x.Location, ref visitor);
        foreach (var x in devices.Hubs) Given(x, x.Address, x.Location, ref visitor);
        foreach (var x in devices.Videos) Given(x, x.Address, x.Location, ref visitor);
        foreach (var x in devices.Parallels) Given(x, x.Address, x.Location, ref visitor);
        foreach (var x in devices.Serials) Given(x, x.Address, x.Location, ref visitor);
        foreach (var x in devices.Consoles) Given(x, x.Address, x.Location, ref visitor);
        foreach (var x in devices.Channels) Given(x, x.Address, x.Location, ref visitor);
        foreach (var x in devices.Sounds) Given(x, x.Address, x.Location, ref visitor);
        foreach (var x in devices.Tpms) Given(x, x.Address, x.Location, ref visitor);
        foreach (var x in devices.Rngs) Given(x, x.Address, x.Location, ref visitor);
        foreach (var x in devices.Shmems) Given(x, x.Address, x.Location, ref visitor);
        foreach (var x in devices.Panics) Given(x, x.Address, x.Location, ref visitor);
        foreach (var x in devices.Memories) Given(x, x.Address, x.Location, ref visitor);
        if (devices.Nvram is { } nvram) Given(nvram, nvram.Address, nvram.Location, ref visitor);
        if (devices.Iommu is { } iommu) Given(iommu, iommu.Address, iommu.Location, ref visitor);
        if (devices.Vsock is { } vsock) Given(vsock, vsock.Address, vsock.Location, ref visitor);
        if (devices.Watchdog is { } watchdog) Given(watchdog, watchdog.Address, watchdog.Location, ref visitor);
        if (devices.MemBalloon is { } balloon) Given(balloon, balloon.Address, balloon.Location, ref visitor);
    }

    private static void Given<TVisitor>(object device, DeviceAddress? address, SourceLocation location, ref TVisitor visitor)
        where TVisitor : struct, IAddressedDeviceVisitor
    {
        if (address is not null) visitor.Visit(device, address, location);
    }
}
