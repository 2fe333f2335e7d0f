using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>The address types libvirt 9's grammar adds (ccw, virtio-mmio, dimm, unassigned) and the zPCI child.</summary>
public sealed class ModernAddressParserTests
{
    private static DeviceAddress? AddressOf(string address)
    {
        var result = DeviceDocument.Parse($"<controller type='scsi' index='0'>{address}</controller>");
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        return Assert.Single(result.Domain!.Devices.Controllers).Address;
    }

    [Fact]
    public void Pci_address_reads_zpci()
    {
        var pci = Assert.IsType<PciAddress>(AddressOf("<address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'><zpci uid='0x0003' fid='0x00000027'/></address>"));
        Assert.Equal((3u, 0x27u), (pci.Zpci!.Uid, pci.Zpci.Fid));
    }

    [Fact]
    public void Zpci_uid_above_16_bits_is_an_error() =>
        DeviceDocument.SingleError(DeviceDocument.Parse(
            "<controller type='scsi' index='0'><address type='pci'><zpci uid='0x10000'/></address></controller>"), DiagnosticCatalog.NumberOutOfRange);

    [Fact]
    public void Ccw_address_reads_its_three_numbers()
    {
        var ccw = Assert.IsType<CcwAddress>(AddressOf("<address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0001'/>"));
        Assert.Equal((0xFEu, 0u, 1u), (ccw.Cssid, ccw.Ssid, ccw.Devno));
    }

    [Fact]
    public void Ccw_address_with_only_some_numbers_is_an_error() =>
        DeviceDocument.SingleError(DeviceDocument.Parse(
            "<controller type='scsi' index='0'><address type='ccw' cssid='0xfe'/></controller>"), DiagnosticCatalog.MissingAttribute);

    [Fact]
    public void Dimm_address_reads_slot_and_base()
    {
        var dimm = Assert.IsType<DimmAddress>(AddressOf("<address type='dimm' slot='1' base='0x100000000'/>"));
        Assert.Equal((1u, 0x100000000ul), (dimm.Slot, dimm.Base));
    }

    [Theory]
    [InlineData("virtio-mmio", typeof(VirtioMmioAddress))]
    [InlineData("unassigned", typeof(UnassignedAddress))]
    public void Field_less_addresses_are_read(string type, Type record) =>
        Assert.IsType(record, AddressOf($"<address type='{type}'/>"));
}
