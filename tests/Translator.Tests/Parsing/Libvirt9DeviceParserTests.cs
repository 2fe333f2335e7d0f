using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>libvirt 9's host device, interface and filesystem grammar: new types, values and refusals.</summary>
public sealed class Libvirt9DeviceParserTests
{
    private static DomainParseResult Parse(string devices) => DeviceDocument.Parse(devices);

    private static Devices Accepted(string devices)
    {
        var result = Parse(devices);
        Assert.Empty(result.Diagnostics);
        return result.Domain!.Devices;
    }

    private static Diagnostic OnlyError(string devices) => Assert.Single(Parse(devices).Diagnostics, d => d.IsError);

    [Fact]
    public void Scsi_host_device_through_an_adapter_reads_its_address_and_flags()
    {
        var hostdev = Assert.Single(Accepted("<hostdev mode='subsystem' type='scsi' sgio='filtered' rawio='no'><source><adapter name='scsi_host2'/>" +
            "<address bus='0' target='3' unit='5'/></source><readonly/></hostdev>").HostDevices);
        var scsi = Assert.IsType<ScsiHostDeviceSource>(hostdev.Source);
        Assert.Equal((DiskSgio.Filtered, false), (scsi.Sgio!.Value, scsi.RawIo!.Value));
        var adapter = Assert.IsType<ScsiAdapterLocation>(scsi.Where);
        Assert.Equal(("scsi_host2", 0u, 3u, 5ul, false), (adapter.AdapterName, adapter.Bus, adapter.Target, adapter.Unit, adapter.ProtocolGiven));
        Assert.True(hostdev.ReadOnly);
    }

    [Fact]
    public void Scsi_host_device_with_an_unknown_protocol_is_an_error()
    {
        var error = OnlyError("<hostdev mode='subsystem' type='scsi'><source protocol='fc'/></hostdev>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("adapter, iscsi", error.Message);
    }

    [Fact]
    public void Vhost_scsi_wwpn_must_be_naa_and_sixteen_hex_digits()
    {
        var error = OnlyError("<hostdev mode='subsystem' type='scsi_host'><source protocol='vhost' wwpn='naa.123'/></hostdev>");
        Assert.Equal(DiagnosticCatalog.InvalidValue, error.Code);
        Assert.Equal("domain/devices/hostdev/source/@wwpn", error.Location.Path);
    }

    [Fact]
    public void Mediated_device_reads_model_display_ramfb_and_uuid()
    {
        var hostdev = Assert.Single(Accepted("<hostdev mode='subsystem' type='mdev' model='vfio-ap' display='off' ramfb='on'>" +
            "<source><address uuid='53764d0e-85a0-42b4-af5c-2046b460b1dc'/></source></hostdev>").HostDevices);
        var mdev = Assert.IsType<MdevHostDeviceSource>(hostdev.Source);
        Assert.Equal((MdevModel.VfioAp, false, true), (mdev.Model, mdev.Display!.Value, mdev.Ramfb!.Value));
        Assert.Equal(Guid.Parse("53764d0e-85a0-42b4-af5c-2046b460b1dc"), mdev.Uuid);
    }

    [Fact]
    public void Mediated_device_without_model_is_an_error()
    {
        var error = OnlyError("<hostdev mode='subsystem' type='mdev'><source><address uuid='53764d0e-85a0-42b4-af5c-2046b460b1dc'/></source></hostdev>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
    }

    [Fact]
    public void Pci_host_device_reads_driver_name_and_teaming()
    {
        var hostdev = Assert.Single(Accepted("<hostdev mode='subsystem' type='pci'><driver name='xen'/><source writeFiltering='yes'>" +
            "<address domain='0' bus='1' slot='2' function='3'/></source><teaming type='transient' persistent='net0'/></hostdev>").HostDevices);
        var pci = Assert.IsType<PciHostDeviceSource>(hostdev.Source);
        Assert.Equal((PciBackend.Xen, true), (pci.Backend!.Value, pci.WriteFiltering!.Value));
        Assert.Equal(new InterfaceTeaming { Type = TeamingType.Transient, Persistent = "net0" }, pci.Teaming);
    }

    [Fact]
    public void Transient_teaming_without_its_persistent_partner_is_an_error()
    {
        var error = OnlyError("<interface type='bridge'><source bridge='br0'/><teaming type='transient'/></interface>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("persistent", error.Message);
    }

    [Fact]
    public void Interface_takes_several_addresses_with_family_and_prefix()
    {
        var nic = Assert.Single(Accepted("<interface type='ethernet'><ip address='192.0.2.1' family='ipv4' prefix='24'/>" +
            "<ip address='2001:db8::1' family='ipv6' prefix='64' peer='2001:db8::2'/></interface>").Interfaces);
        Assert.Equal(2, nic.Ips.Length);
        Assert.Equal("192.0.2.1", nic.IpAddress);
        Assert.Equal((IpFamily.Ipv6, 64u, "2001:db8::2"), (nic.Ips[1].Family!.Value, nic.Ips[1].Prefix!.Value, nic.Ips[1].Peer));
    }

    [Fact]
    public void Ipv4_prefix_above_32_is_out_of_range()
    {
        var error = OnlyError("<interface type='ethernet'><ip address='192.0.2.1' family='ipv4' prefix='33'/></interface>");
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, error.Code);
    }

    [Fact]
    public void Port_forward_range_ending_before_it_starts_is_an_error()
    {
        var error = OnlyError("<interface type='user'><portForward proto='tcp'><range start='100' end='50'/></portForward><backend type='passt'/></interface>");
        Assert.Equal(DiagnosticCatalog.InconsistentValue, error.Code);
        Assert.Equal("domain/devices/interface/portForward/range/@end", error.Location.Path);
    }

    [Fact]
    public void Vhostuser_interface_reads_its_socket()
    {
        var nic = Assert.Single(Accepted("<interface type='vhostuser'><source type='unix' path='/s' mode='client'/></interface>").Interfaces);
        var vhost = Assert.IsType<VhostUserInterface>(nic);
        Assert.Equal(("/s", SocketMode.Client), (vhost.Socket.Path, vhost.Socket.Mode));
    }

    [Fact]
    public void Udp_interface_without_local_end_is_an_error()
    {
        var error = OnlyError("<interface type='udp'><source address='192.0.2.1' port='1'/></interface>");
        Assert.Equal(DiagnosticCatalog.MissingElement, error.Code);
        Assert.Contains("<local", error.Message);
    }

    [Fact]
    public void Interface_driver_reads_queues_virtio_options_and_offloads()
    {
        var nic = Assert.Single(Accepted("<interface type='user'><model type='virtio'/><driver queues='2' rx_queue_size='256' ats='on' rss='on'>" +
            "<host mrg_rxbuf='off'/><guest ufo='off'/></driver></interface>").Interfaces);
        var driver = nic.Driver!;
        Assert.Equal((2u, 256u), (driver.Queues!.Value, driver.RxQueueSize!.Value));
        Assert.True(driver.Virtio!.Ats);
        Assert.True(driver.Rss);
        Assert.False(driver.Host!.MrgRxBuf);
        Assert.False(driver.Guest!.Ufo);
    }

    [Fact]
    public void Guest_offloads_take_no_mrg_rxbuf()
    {
        var result = Parse("<interface type='user'><driver><guest mrg_rxbuf='off'/></driver></interface>");
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.UnknownAttribute, warning.Code);
    }

    [Fact]
    public void Virtiofs_filesystem_reads_driver_binary_and_modes()
    {
        var fs = Assert.Single(Accepted("<filesystem type='mount' fmode='644' dmode='0755'><driver type='virtiofs' queue='1024'/>" +
            "<binary path='/v' xattr='on'><cache mode='none'/><lock posix='off'/></binary><source dir='/e'/><target dir='t'/></filesystem>").Filesystems);
        Assert.Equal((FilesystemDriverType.Virtiofs, 1024u), (fs.Driver!.Type!.Value, fs.Driver.Queue!.Value));
        Assert.Equal((420u, 493u), (fs.FileMode!.Value, fs.DirectoryMode!.Value));
        Assert.Equal(("/v", VirtiofsCacheMode.None, false), (fs.Binary!.Path, fs.Binary.CacheMode!.Value, fs.Binary.LockPosix!.Value));
    }

    [Fact]
    public void Creation_mode_with_a_non_octal_digit_is_an_error()
    {
        var error = OnlyError("<filesystem type='mount' fmode='0648'><source dir='/e'/><target dir='t'/></filesystem>");
        Assert.Equal(DiagnosticCatalog.InvalidValue, error.Code);
        Assert.Equal("domain/devices/filesystem/@fmode", error.Location.Path);
    }

    [Fact]
    public void Mount_source_with_dir_and_socket_is_an_error()
    {
        var error = OnlyError("<filesystem type='mount'><source dir='/e' socket='/s'/><target dir='t'/></filesystem>");
        Assert.Equal(DiagnosticCatalog.InconsistentValue, error.Code);
    }
}
