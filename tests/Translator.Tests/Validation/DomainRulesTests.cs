using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Translator.Tests.Validation;

/// <summary>Rules about the whole domain that validation reports, each at its element.</summary>
public sealed class DomainRulesTests
{
    private static DomainParseResult Load(string devices) =>
        DomainLoader.LoadText($"<domain type='kvm'><name>v</name><memory>65536</memory>\n<devices>\n{devices}\n</devices></domain>", "t.xml");

    [Fact]
    public void Two_disks_with_one_target_are_refused_at_the_second_target()
    {
        var result = Load("""
            <disk type='file' device='disk'><source file='/a.img'/><target dev='vda' bus='virtio'/></disk>
            <disk type='file' device='disk'><source file='/b.img'/><target dev='vda' bus='virtio'/></disk>
            """);
        Assert.Null(result.Domain);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.DuplicateTarget, error.Code);
        Assert.Equal(("domain/devices/disk[2]/target", 4), (error.Location.Path, error.Location.Line));
        Assert.Contains("line 3", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public void A_target_repeated_among_many_disks_is_refused_at_each_repeat_naming_the_first_disk(int others)
    {
        // A few disks are compared with each other, many through a table of targets: both find the same clashes.
        var padding = string.Concat(Enumerable.Range(0, others).Select(i =>
            $"<disk type='file' device='disk'><source file='/p{i}.img'/><target dev='sd{(char)('a' + i)}' bus='scsi'/></disk>\n"));
        var result = Load($"""
            <disk type='file' device='disk'><source file='/a.img'/><target dev='vda' bus='virtio'/></disk>
            {padding}<disk type='file' device='disk'><source file='/b.img'/><target dev='vda' bus='virtio'/></disk>
            <disk type='file' device='disk'><source file='/c.img'/><target dev='vda' bus='virtio'/></disk>
            """);
        Assert.Null(result.Domain);
        Assert.Equal(2, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d =>
        {
            Assert.Equal(DiagnosticCatalog.DuplicateTarget, d.Code);
            Assert.Contains("line 3,", d.Message);
        });
        Assert.Equal([others + 4, others + 5], result.Diagnostics.Select(d => d.Location.Line));
    }

    [Fact]
    public void Disks_that_share_a_target_but_each_have_their_own_drive_address_are_accepted_as_libvirt_0_10_2_did()
    {
        var result = Load("""
            <disk type='file' device='cdrom'><source file='/a.iso'/><target dev='sda' bus='scsi'/><address type='drive' controller='0' bus='0' target='1' unit='0'/></disk>
            <disk type='file' device='cdrom'><source file='/b.iso'/><target dev='sda' bus='scsi'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>
            """);
        Assert.True(result.Domain is not null, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
    }

    [Fact]
    public void Shared_target_with_the_same_drive_address_is_refused()
    {
        var result = Load("""
            <disk type='file' device='cdrom'><source file='/a.iso'/><target dev='sda' bus='scsi'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>
            <disk type='file' device='cdrom'><source file='/b.iso'/><target dev='sda' bus='scsi'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>
            """);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCatalog.DuplicateTarget);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCatalog.DuplicateAddress);
    }

    [Fact]
    public void A_scsi_host_device_on_a_drive_address_a_disk_has_is_refused_at_the_host_device()
    {
        var result = Load("""
            <disk type='file' device='disk'><source file='/a.img'/><target dev='sda' bus='scsi'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>
            <hostdev mode='subsystem' type='scsi'><source><adapter name='scsi_host0'/><address bus='0' target='0' unit='1'/></source><address type='drive' controller='0' bus='0' target='0' unit='0'/></hostdev>
            """);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((DiagnosticCatalog.DuplicateAddress, 4), (error.Code, error.Location.Line));
    }

    [Fact]
    public void An_ide_and_a_floppy_unit_0_are_different_places()
    {
        var result = Load("""
            <disk type='file' device='disk'><source file='/a.img'/><target dev='hda'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>
            <disk type='file' device='floppy'><source file='/b.img'/><target dev='fda'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>
            """);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_disk_on_the_ide_bus_with_a_pci_address_is_refused()
    {
        var result = Load("<disk type='file' device='disk'><source file='/a.img'/><target dev='hda' bus='ide'/><address type='pci' domain='0' bus='0' slot='1' function='0'/></disk>");
        Assert.Contains("drive address", Assert.Single(result.Diagnostics).Message);
    }

    [Theory]
    [InlineData("<input type='tablet' bus='usb'><address type='drive' controller='0' bus='0' unit='0'/></input>",
        "domain/devices/input", "a USB tablet takes a USB address, not a 'drive' one")]
    [InlineData("<input type='keyboard' bus='usb'><address type='pci' domain='0' bus='0' slot='9' function='0'/></input>",
        "domain/devices/input", "a USB keyboard takes a USB address, not a 'pci' one")]
    [InlineData("<hub type='usb'><address type='pci' domain='0' bus='0' slot='9' function='0'/></hub>",
        "domain/devices/hub", "a USB hub takes a USB address, not a 'pci' one")]
    public void A_usb_input_or_hub_with_an_address_other_than_a_usb_port_is_refused_at_it(string devices, string path, string message)
    {
        var result = Load(devices);
        Assert.Null(result.Domain);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.AddressTypeMismatch, error.Code);
        Assert.Equal((path, message), (error.Location.Path, error.Message));
    }

    [Fact]
    public void Usb_devices_on_usb_ports_and_without_addresses_are_accepted() =>
        Assert.Empty(Load("""
            <disk type='file' device='disk'><source file='/a.img'/><target dev='sda' bus='usb'/><address type='usb' bus='0' port='1'/></disk>
            <input type='tablet' bus='usb'><address type='usb' bus='0' port='2'/></input>
            <input type='mouse' bus='usb'/>
            <hub type='usb'><address type='usb' bus='0' port='3'/></hub>
            """).Diagnostics);

    [Fact]
    public void Os_boot_devices_and_a_device_boot_order_exclude_each_other()
    {
        var result = DomainLoader.LoadText("""
            <domain type='kvm'><name>v</name><memory>65536</memory><os><type>hvm</type><boot dev='hd'/></os>
            <devices><disk type='file' device='disk'><source file='/a.img'/><target dev='vda' bus='virtio'/><boot order='1'/></disk>
            <interface type='user'><boot order='1'/></interface></devices></domain>
            """, "t.xml");
        Assert.Equal([DiagnosticCatalog.BootOrderConflict, DiagnosticCatalog.BootOrderConflict], result.Diagnostics.Select(d => d.Code));
        Assert.Equal([2, 3], result.Diagnostics.Select(d => d.Location.Line));
    }

    [Fact]
    public void Vendor_and_product_are_refused_off_the_scsi_bus()
    {
        var result = Load("<disk type='file' device='disk'><source file='/a.img'/><target dev='vda' bus='virtio'/><vendor>V</vendor></disk>");
        Assert.Equal(DiagnosticCatalog.InconsistentValue, Assert.Single(result.Diagnostics).Code);
    }
}
