using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

public sealed class HostDeviceParserTests
{
    // The devices start on line 5 of the document.
    private static DomainParseResult Parse(string devices) => DeviceDocument.Parse(devices);

    private static HostDevice OnlyHostDevice(string devices)
    {
        var result = Parse(devices);
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Domain!.Devices.HostDevices);
    }

    private static Diagnostic OnlyError(string devices)
    {
        var result = Parse(devices);
        return Assert.Single(result.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void Usb_host_device_by_vendor_and_product_reads_hex_ids()
    {
        var hostdev = OnlyHostDevice("""
            <hostdev mode='subsystem' type='usb' managed='yes'>
              <source startupPolicy='optional'>
                <vendor id='0x1234'/>
                <product id='0xbeef'/>
              </source>
              <boot order='2'/>
              <alias name='hostdev0'/>
              <address type='usb' bus='0' port='1'/>
            </hostdev>
            """);
        var source = Assert.IsType<UsbHostDeviceSource>(hostdev.Source);
        Assert.Equal(HostDeviceMode.Subsystem, source.Mode);
        Assert.Equal(HostDeviceType.Usb, source.Type);
        Assert.Equal(0x1234u, source.VendorId);
        Assert.Equal(0xBEEFu, source.ProductId);
        Assert.Null(source.HostBus);
        Assert.Null(source.HostDevice);
        Assert.Equal(StartupPolicy.Optional, source.StartupPolicy);
        Assert.True(hostdev.Managed);
        Assert.Equal(2u, hostdev.BootOrder);
        Assert.Equal("hostdev0", hostdev.Alias);
        Assert.Equal("1", Assert.IsType<UsbAddress>(hostdev.Address).Port);
        Assert.Equal(5, hostdev.Location.Line);
    }

    [Fact]
    public void Usb_host_device_by_host_address_reads_bus_and_device()
    {
        var hostdev = OnlyHostDevice("<hostdev mode='subsystem' type='usb'><source><address bus='14' device='6'/></source></hostdev>");
        var source = Assert.IsType<UsbHostDeviceSource>(hostdev.Source);
        Assert.Equal(14u, source.HostBus);
        Assert.Equal(6u, source.HostDevice);
        Assert.Null(source.VendorId);
        Assert.Null(hostdev.Managed);
        Assert.Null(hostdev.BootOrder);
        Assert.Null(hostdev.Rom);
        Assert.Null(hostdev.Address);
        Assert.Null(hostdev.Alias);
    }

    [Fact]
    public void Usb_ids_with_a_leading_zero_are_octal()
    {
        var source = Assert.IsType<UsbHostDeviceSource>(OnlyHostDevice(
            "<hostdev mode='subsystem' type='usb'><source><vendor id='010'/><product id='17'/><address bus='010' device='0x10'/></source></hostdev>").Source);
        Assert.Equal(8u, source.VendorId);
        Assert.Equal(17u, source.ProductId);
        Assert.Equal(8u, source.HostBus);
        Assert.Equal(16u, source.HostDevice);
    }

    [Fact]
    public void Octal_id_with_a_digit_eight_is_an_error()
    {
        var error = OnlyError("<hostdev mode='subsystem' type='usb'><source><vendor id='018'/><product id='1'/></source></hostdev>");
        Assert.Equal(DiagnosticCatalog.InvalidNumber, error.Code);
        Assert.Contains("'018'", error.Message);
    }

    [Fact]
    public void Usb_id_above_ffff_is_out_of_range()
    {
        var error = OnlyError("<hostdev mode='subsystem' type='usb'><source><vendor id='0x10000'/><product id='1'/></source></hostdev>");
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, error.Code);
        Assert.Equal("domain/devices/hostdev/source/vendor/@id", error.Location.Path);
    }

    [Fact]
    public void Usb_vendor_without_product_is_an_error()
    {
        var error = OnlyError("<hostdev mode='subsystem' type='usb'><source><vendor id='0x1234'/></source></hostdev>");
        Assert.Equal(DiagnosticCatalog.MissingElement, error.Code);
        Assert.Contains("<product>", error.Message);
    }

    [Fact]
    public void Usb_product_without_vendor_is_an_error()
    {
        var error = OnlyError("<hostdev mode='subsystem' type='usb'><source><product id='0x1234'/></source></hostdev>");
        Assert.Contains("<vendor>", error.Message);
    }

    [Fact]
    public void Usb_source_with_neither_ids_nor_address_is_an_error()
    {
        var error = OnlyError("<hostdev mode='subsystem' type='usb'><source/></hostdev>");
        Assert.Equal(DiagnosticCatalog.MissingElement, error.Code);
        Assert.Equal("domain/devices/hostdev/source", error.Location.Path);
    }

    [Fact]
    public void Usb_host_address_without_device_is_an_error()
    {
        var error = OnlyError("<hostdev mode='subsystem' type='usb'><source><address bus='1'/></source></hostdev>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'device'", error.Message);
    }

    [Fact]
    public void Pci_host_device_reads_its_host_address_rom_and_managed()
    {
        var hostdev = OnlyHostDevice("""
            <hostdev mode='subsystem' type='pci' managed='no'>
              <source><address domain='0x0001' bus='0x06' slot='0x12' function='0x5'/></source>
              <rom bar='off' file='/etc/bootrom.bin'/>
              <address type='pci' domain='0' bus='0' slot='6' function='0'/>
            </hostdev>
            """);
        var source = Assert.IsType<PciHostDeviceSource>(hostdev.Source);
        Assert.Equal(HostDeviceType.Pci, source.Type);
        Assert.Equal(1u, source.Domain);
        Assert.Equal(6u, source.Bus);
        Assert.Equal(0x12u, source.Slot);
        Assert.Equal(5u, source.Function);
        Assert.False(hostdev.Managed);
        Assert.False(hostdev.Rom!.Bar);
        Assert.Equal("/etc/bootrom.bin", hostdev.Rom.File);
        Assert.Equal(6u, Assert.IsType<PciAddress>(hostdev.Address).Slot);
    }

    [Fact]
    public void Pci_host_slot_above_1f_is_out_of_range()
    {
        var error = OnlyError("<hostdev mode='subsystem' type='pci'><source><address bus='0' slot='0x20' function='0'/></source></hostdev>");
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, error.Code);
        Assert.Contains("31", error.Message);
    }

    [Fact]
    public void Pci_host_device_without_source_address_is_an_error()
    {
        var error = OnlyError("<hostdev mode='subsystem' type='pci'><source/></hostdev>");
        Assert.Equal(DiagnosticCatalog.MissingElement, error.Code);
        Assert.Contains("<address>", error.Message);
    }

    [Fact]
    public void Host_device_without_source_is_an_error()
    {
        var error = OnlyError("<hostdev mode='subsystem' type='pci'/>");
        Assert.Equal(DiagnosticCatalog.MissingElement, error.Code);
        Assert.Contains("<source>", error.Message);
    }

    [Fact]
    public void Unknown_subsystem_type_is_an_error_naming_usb_and_pci()
    {
        var error = OnlyError("<hostdev mode='subsystem' type='ccw'><source/></hostdev>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'ccw'", error.Message);
        Assert.Contains("allowed: usb, pci, scsi, scsi_host, mdev", error.Message);
        Assert.Equal(5, error.Location.Line);
        Assert.Equal(27, error.Location.Column);
    }

    [Fact]
    public void Unknown_mode_is_an_error_naming_the_modes()
    {
        var error = OnlyError("<hostdev mode='passthrough' type='usb'><source/></hostdev>");
        Assert.Contains("subsystem, capabilities", error.Message);
    }

    [Fact]
    public void Host_device_without_mode_is_an_error()
    {
        var error = OnlyError("<hostdev type='usb'><source><address bus='1' device='2'/></source></hostdev>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'mode'", error.Message);
    }

    [Fact]
    public void Capabilities_storage_device_reads_its_block_path()
    {
        var hostdev = OnlyHostDevice("<hostdev mode='capabilities' type='storage'><source><block>/dev/sdf1</block></source></hostdev>");
        var source = Assert.IsType<StorageHostDeviceSource>(hostdev.Source);
        Assert.Equal(HostDeviceMode.Capabilities, source.Mode);
        Assert.Equal("/dev/sdf1", source.Block);
    }

    [Fact]
    public void Capabilities_misc_and_net_devices_read_their_source()
    {
        Assert.Equal("/dev/input3", Assert.IsType<MiscHostDeviceSource>(OnlyHostDevice(
            "<hostdev mode='capabilities' type='misc'><source><char>/dev/input3</char></source></hostdev>").Source).Char);
        Assert.Equal("eth0", Assert.IsType<NetHostDeviceSource>(OnlyHostDevice(
            "<hostdev mode='capabilities' type='net'><source><interface>eth0</interface></source></hostdev>").Source).Interface);
    }

    [Fact]
    public void Capabilities_mode_with_a_subsystem_type_is_an_error_naming_the_capability_types()
    {
        var error = OnlyError("<hostdev mode='capabilities' type='usb'><source/></hostdev>");
        Assert.Contains("allowed: storage, misc, net", error.Message);
    }

    [Fact]
    public void Capabilities_storage_without_block_is_an_error()
    {
        var error = OnlyError("<hostdev mode='capabilities' type='storage'><source/></hostdev>");
        Assert.Equal(DiagnosticCatalog.MissingElement, error.Code);
        Assert.Contains("<block>", error.Message);
    }
}
