using System.Collections.Immutable;
using System.Reflection;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>
/// The one walk over the devices that give an address: it must reach every device family of the model that can
/// carry an address, or a driver reading addresses through it would pass over that family's addresses unread.
/// </summary>
public sealed class AddressedDevicesTests
{
    /// <summary>One device of every family that carries a free-typed address, each with one.</summary>
    private const string EveryAddressedFamily = """
        <disk type='file' device='disk'><source file='/d.img'/><target dev='vda' bus='virtio'/><address type='pci' domain='0' bus='0' slot='3' function='0'/></disk>
        <filesystem type='mount'><source dir='/s'/><target dir='t'/><address type='pci' domain='0' bus='0' slot='4' function='0'/></filesystem>
        <controller type='scsi' index='0'><address type='pci' domain='0' bus='0' slot='5' function='0'/></controller>
        <hostdev mode='subsystem' type='pci'><source><address domain='0' bus='6' slot='0' function='0'/></source><address type='pci' domain='0' bus='0' slot='6' function='0'/></hostdev>
        <interface type='user'><address type='pci' domain='0' bus='0' slot='7' function='0'/></interface>
        <input type='tablet' bus='usb'><address type='usb' bus='0' port='1'/></input>
        <hub type='usb'><address type='usb' bus='0' port='2'/></hub>
        <video><model type='vga'/><address type='pci' domain='0' bus='0' slot='8' function='0'/></video>
        <parallel type='null'><address type='pci' domain='0' bus='0' slot='9' function='0'/></parallel>
        <serial type='null'><address type='pci' domain='0' bus='0' slot='10' function='0'/></serial>
        <console type='pty'><target type='virtio'/><address type='virtio-serial' controller='0' bus='0' port='1'/></console>
        <channel type='pty'><target type='virtio' name='c'/><address type='virtio-serial' controller='0' bus='0' port='2'/></channel>
        <sound model='ich6'><address type='pci' domain='0' bus='0' slot='11' function='0'/></sound>
        <tpm model='tpm-tis'><backend type='emulator'/><address type='isa'/></tpm>
        <rng model='virtio'><backend model='random'>/dev/urandom</backend><address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0001'/></rng>
        <shmem name='m'><address type='pci' domain='0' bus='0' slot='12' function='0'/></shmem>
        <panic model='isa'><address type='isa' iobase='0x505'/></panic>
        <memory model='dimm'><target><size unit='KiB'>524288</size><node>0</node></target><address type='dimm' slot='0'/></memory>
        <nvram><address type='spapr-vio' reg='0x3000'/></nvram>
        <iommu model='virtio'><address type='pci' domain='0' bus='0' slot='13' function='0'/></iommu>
        <vsock model='virtio'><cid auto='yes'/><address type='pci' domain='0' bus='0' slot='14' function='0'/></vsock>
        <watchdog model='i6300esb'><address type='pci' domain='0' bus='0' slot='15' function='0'/></watchdog>
        <memballoon model='virtio'><address type='pci' domain='0' bus='0' slot='16' function='0'/></memballoon>
        """;

    private struct Recording : IAddressedDeviceVisitor
    {
        public List<(Type Device, DeviceAddress Address, SourceLocation Location)> Seen;

        public readonly void Visit(object device, DeviceAddress address, SourceLocation location) =>
            Seen.Add((device.GetType(), address, location));
    }

    private static List<(Type Device, DeviceAddress Address, SourceLocation Location)> Walk(string devices)
    {
        var result = DeviceDocument.Parse(devices);
        Assert.True(result.Domain is not null, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var recording = new Recording { Seen = [] };
        AddressedDevices.Visit(result.Domain.Devices, ref recording);
        return recording.Seen;
    }

    /// <summary>The families of <see cref="Devices"/> (a list or a single device) whose device has a free-typed address.</summary>
    private static IEnumerable<string> FamiliesWithAnAddress() =>
        typeof(Devices).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p =>
            {
                var device = p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
                    ? p.PropertyType.GetGenericArguments()[0]
                    : p.PropertyType;
                return device.GetProperty("Address")?.PropertyType == typeof(DeviceAddress);
            })
            .Select(p => p.Name);

    [Fact]
    public void Every_family_of_the_model_that_carries_an_address_is_walked()
    {
        var families = FamiliesWithAnAddress().ToList();
        var seen = Walk(EveryAddressedFamily);
        // One device per family in the document: as many visits as families, none twice.
        Assert.Equal(families.Count, seen.Count);
        Assert.Equal(seen.Count, seen.Select(s => s.Location.Line).Distinct().Count());
    }

    [Fact]
    public void Devices_are_walked_family_by_family_in_the_models_order_each_with_its_own_location()
    {
        var seen = Walk(EveryAddressedFamily);
        // The document lists the families in the model's order, one per line: the walk keeps that order.
        var lines = seen.Select(s => s.Location.Line).ToList();
        Assert.Equal(lines.Order().ToList(), lines);
        Assert.Contains(seen, s => s.Device == typeof(Rng) && s.Address is CcwAddress);
        Assert.Contains(seen, s => s.Device == typeof(MemoryDevice) && s.Address is DimmAddress);
    }

    [Fact]
    public void A_device_without_an_address_is_not_walked() =>
        Assert.Empty(Walk("<rng model='virtio'><backend model='random'>/dev/urandom</backend></rng><memballoon model='none'/>"));
}
