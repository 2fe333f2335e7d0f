using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

public sealed class InterfaceParserTests
{
    // The devices start on line 5 of the document.
    private static DomainParseResult Parse(string devices) => DeviceDocument.Parse(devices, "kvm");

    private static T Single<T>(string devices) where T : NetworkInterface
    {
        var result = Parse(devices);
        Assert.Empty(result.Diagnostics);
        return Assert.IsType<T>(Assert.Single(result.Domain!.Devices.Interfaces));
    }

    private static Diagnostic SingleError(string devices) => Assert.Single(Parse(devices).Diagnostics);

    // ---- types and sources ----

    [Fact]
    public void Network_interface_reads_network_and_portgroup()
    {
        var nic = Single<VirtualNetworkInterface>("<interface type='network'><source network='default' portgroup='engineering'/></interface>");
        Assert.Equal(InterfaceType.Network, nic.Type);
        Assert.Equal("default", nic.Network);
        Assert.Equal("engineering", nic.PortGroup);
        Assert.Equal(5, nic.Location.Line);
    }

    [Fact]
    public void Network_interface_without_portgroup_leaves_it_null() =>
        Assert.Null(Single<VirtualNetworkInterface>("<interface type='network'><source network='default'/></interface>").PortGroup);

    [Fact]
    public void Bridge_interface_reads_bridge() =>
        Assert.Equal("br0", Single<BridgeInterface>("<interface type='bridge'><source bridge='br0'/></interface>").Bridge);

    [Fact]
    public void User_interface_has_no_source()
    {
        var nic = Single<UserInterface>("<interface type='user'/>");
        Assert.Equal(InterfaceType.User, nic.Type);
    }

    [Fact]
    public void Ethernet_interface_reads_target_script_and_optional_source_dev()
    {
        var nic = Single<EthernetInterface>("<interface type='ethernet'><target dev='nic02'/><script path='/etc/qemu-ifup'/></interface>");
        Assert.Equal("nic02", nic.TargetDev);
        Assert.Equal("/etc/qemu-ifup", nic.Script);
        Assert.Null(nic.SourceDev);
        Assert.Equal("eth0", Single<EthernetInterface>("<interface type='ethernet'><source dev='eth0'/></interface>").SourceDev);
    }

    [Theory]
    [InlineData("vepa", DirectMode.Vepa)]
    [InlineData("bridge", DirectMode.Bridge)]
    [InlineData("private", DirectMode.Private)]
    [InlineData("passthrough", DirectMode.Passthrough)]
    public void Direct_interface_reads_dev_and_mode(string xml, DirectMode expected)
    {
        var nic = Single<DirectInterface>($"<interface type='direct'><source dev='eth0' mode='{xml}'/></interface>");
        Assert.Equal("eth0", nic.Dev);
        Assert.Equal(expected, nic.Mode);
    }

    [Fact]
    public void Direct_interface_without_mode_leaves_it_null() =>
        Assert.Null(Single<DirectInterface>("<interface type='direct'><source dev='eth0'/></interface>").Mode);

    [Fact]
    public void Direct_interface_with_unknown_mode_is_an_error_naming_the_allowed_modes()
    {
        var error = SingleError("<interface type='direct'><source dev='eth0' mode='vlan'/></interface>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("vepa, bridge, private, passthrough", error.Message);
        Assert.Equal("domain/devices/interface/source/@mode", error.Location.Path);
    }

    [Fact]
    public void Mcast_server_and_client_interfaces_read_address_and_port()
    {
        var mcast = Single<McastInterface>("<interface type='mcast'><source address='230.0.0.1' port='5558'/></interface>");
        Assert.Equal(("230.0.0.1", (ushort)5558), (mcast.SourceAddress, mcast.SourcePort));
        var server = Single<ServerInterface>("<interface type='server'><source address='192.168.0.1' port='5558'/></interface>");
        Assert.Equal(("192.168.0.1", (ushort)5558), (server.SourceAddress, server.SourcePort));
        var client = Single<ClientInterface>("<interface type='client'><source address='192.168.0.1' port='5558'/></interface>");
        Assert.Equal(InterfaceType.Client, client.Type);
        Assert.Equal(("192.168.0.1", (ushort)5558), (client.SourceAddress, client.SourcePort));
    }

    [Fact]
    public void Server_interface_may_leave_out_the_address() =>
        Assert.Null(Single<ServerInterface>("<interface type='server'><source port='5558'/></interface>").SourceAddress);

    [Fact]
    public void Client_interface_without_address_is_an_error()
    {
        var result = Parse("<interface type='client'><source port='5558'/></interface>");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'address'", error.Message);
        Assert.Null(result.Domain);
    }

    [Fact]
    public void Mcast_interface_without_port_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.MissingAttribute,
            SingleError("<interface type='mcast'><source address='230.0.0.1'/></interface>").Code);

    [Fact]
    public void Socket_interface_port_beyond_65535_is_an_error()
    {
        var error = SingleError("<interface type='server'><source port='65536'/></interface>");
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, error.Code);
        Assert.Contains("65535", error.Message);
    }

    [Fact]
    public void Hostdev_interface_reads_managed_and_the_host_pci_address()
    {
        var nic = Single<HostdevInterface>("""
            <interface type='hostdev' managed='yes'>
              <source><address type='pci' domain='0x0002' bus='0x03' slot='0x07' function='0x1'/></source>
              <address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/>
            </interface>
            """);
        Assert.True(nic.Managed);
        Assert.Equal(new PciAddress { Domain = 2, Bus = 3, Slot = 7, Function = 1 }, nic.Source);
        Assert.Equal(new PciAddress { Domain = 0, Bus = 0, Slot = 3, Function = 0 }, nic.Address);
    }

    [Fact]
    public void Hostdev_interface_without_managed_leaves_it_null() =>
        Assert.Null(Single<HostdevInterface>("<interface type='hostdev'><source><address type='pci' bus='1'/></source></interface>").Managed);

    [Fact]
    public void Hostdev_interface_without_source_address_is_an_error()
    {
        var error = SingleError("<interface type='hostdev'><source/></interface>");
        Assert.Equal(DiagnosticCatalog.MissingElement, error.Code);
        Assert.Contains("type='pci'", error.Message);
    }

    [Fact]
    public void Hostdev_interface_with_a_usb_source_address_is_an_error_naming_pci()
    {
        var error = SingleError("<interface type='hostdev'><source><address type='usb' bus='1' port='2'/></source></interface>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'usb'", error.Message);
        Assert.Contains("allowed: pci", error.Message);
        Assert.Equal("domain/devices/interface/source/address/@type", error.Location.Path);
    }

    [Fact]
    public void Hostdev_managed_that_is_not_yes_or_no_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue,
            SingleError("<interface type='hostdev' managed='on'><source><address type='pci' bus='1'/></source></interface>").Code);

    [Fact]
    public void Internal_interface_reads_name() =>
        Assert.Equal("intnet", Single<InternalInterface>("<interface type='internal'><source name='intnet'/></interface>").Name);

    [Theory]
    [InlineData("network", "network")]
    [InlineData("bridge", "bridge")]
    [InlineData("direct", "dev")]
    [InlineData("internal", "name")]
    public void Interface_source_without_its_required_attribute_is_an_error(string type, string attribute)
    {
        var result = Parse($"<interface type='{type}'><source/></interface>");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains($"'{attribute}'", error.Message);
        Assert.Equal("domain/devices/interface/source", error.Location.Path);
        Assert.Null(result.Domain);
    }

    [Theory]
    [InlineData("network")]
    [InlineData("bridge")]
    [InlineData("direct")]
    [InlineData("mcast")]
    [InlineData("server")]
    [InlineData("client")]
    [InlineData("hostdev")]
    [InlineData("internal")]
    public void Interface_without_the_source_its_type_needs_is_an_error(string type)
    {
        var error = SingleError($"<interface type='{type}'><mac address='52:54:00:00:00:01'/></interface>");
        Assert.Equal(DiagnosticCatalog.MissingElement, error.Code);
        Assert.Contains("<source>", error.Message);
        Assert.Contains($"type='{type}'", error.Message);
        Assert.Equal((5, 2), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Interface_with_unknown_type_is_one_error_naming_the_allowed_types()
    {
        var result = Parse("<interface type='vde'><source switch='/tmp/sw'/><mac address='zz'/></interface>");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'vde'", error.Message);
        Assert.Contains("network, bridge, user, ethernet, direct, mcast, server, client, hostdev, internal", error.Message);
        Assert.Equal((5, 12), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Interface_without_type_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.MissingAttribute, SingleError("<interface><source bridge='br0'/></interface>").Code);

    [Fact]
    public void Null_interface_with_a_source_is_warned_about()
    {
        var result = Parse("<interface type='null'><source bridge='br0'/></interface>");
        var warning = Assert.Single(result.Diagnostics);
        Assert.False(warning.IsError);
        Assert.Equal(DiagnosticCatalog.UnknownElement, warning.Code);
    }

    [Fact]
    public void User_interface_source_takes_only_a_device()
    {
        var result = Parse("<interface type='user'><source bridge='br0'/></interface>");
        var warning = Assert.Single(result.Diagnostics);
        Assert.False(warning.IsError);
        Assert.Equal(DiagnosticCatalog.UnknownAttribute, warning.Code);
    }

    [Fact]
    public void Interface_with_two_sources_is_an_error()
    {
        var error = SingleError("<interface type='bridge'><source bridge='br0'/><source bridge='br1'/></interface>");
        Assert.Equal(DiagnosticCatalog.DuplicateElement, error.Code);
        Assert.Equal("domain/devices/interface/source[2]", error.Location.Path);
    }

    // ---- common settings ----

    [Fact]
    public void Interface_without_common_settings_leaves_them_null()
    {
        var nic = Single<UserInterface>("<interface type='user'/>");
        Assert.Null(nic.Mac);
        Assert.Null(nic.Model);
        Assert.Null(nic.Driver);
        Assert.Null(nic.TargetDev);
        Assert.Null(nic.Script);
        Assert.Null(nic.IpAddress);
        Assert.Null(nic.BootOrder);
        Assert.Null(nic.Rom);
        Assert.Null(nic.Bandwidth);
        Assert.Null(nic.FilterRef);
        Assert.Null(nic.Tune);
        Assert.Null(nic.Link);
        Assert.Null(nic.VirtualPort);
        Assert.Null(nic.Vlan);
        Assert.Null(nic.Address);
        Assert.Null(nic.Alias);
    }

    [Fact]
    public void Interface_common_settings_are_read()
    {
        var nic = Single<BridgeInterface>("""
            <interface type='bridge'>
              <source bridge='xenbr0'/>
              <mac address='00:16:3E:66:92:9c'/>
              <model type='virtio'/>
              <driver name='vhost' txmode='iothread' ioeventfd='on' event_idx='off'/>
              <target dev='vif4.0'/>
              <script path='vif-bridge'/>
              <ip address='172.14.5.6'/>
              <boot order='2'/>
              <rom bar='on' file='/etc/fake/bootrom.bin'/>
              <tune><sndbuf>1600</sndbuf></tune>
              <link state='down'/>
              <alias name='net0'/>
              <address type='pci' domain='0x0000' bus='0x00' slot='0x07' function='0x0'/>
            </interface>
            """);
        Assert.Equal("00:16:3e:66:92:9c", nic.Mac.ToString());
        Assert.Equal("virtio", nic.Model);
        Assert.Equal(new InterfaceDriver
        {
            Name = InterfaceBackend.Vhost,
            TxMode = InterfaceTxMode.Iothread,
            Ioeventfd = true,
            EventIdx = false,
        }, nic.Driver);
        Assert.Equal("vif4.0", nic.TargetDev);
        Assert.Equal("vif-bridge", nic.Script);
        Assert.Equal("172.14.5.6", nic.IpAddress);
        Assert.Equal(2u, nic.BootOrder);
        Assert.Equal(new RomSettings { Bar = true, File = "/etc/fake/bootrom.bin" }, nic.Rom);
        Assert.Equal(1600ul, nic.Tune!.SndBuf);
        Assert.Equal(LinkState.Down, nic.Link);
        Assert.Equal("net0", nic.Alias);
        Assert.Equal(7u, Assert.IsType<PciAddress>(nic.Address).Slot);
    }

    [Fact]
    public void Interface_driver_qemu_with_timer_is_read()
    {
        var driver = Single<UserInterface>("<interface type='user'><driver name='qemu' txmode='timer'/></interface>").Driver!;
        Assert.Equal(InterfaceBackend.Qemu, driver.Name);
        Assert.Equal(InterfaceTxMode.Timer, driver.TxMode);
        Assert.Null(driver.Ioeventfd);
        Assert.Null(driver.EventIdx);
    }

    [Fact]
    public void Interface_driver_with_unknown_name_is_an_error_naming_the_allowed_backends()
    {
        var error = SingleError("<interface type='user'><driver name='vfio'/></interface>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("qemu, vhost", error.Message);
    }

    [Fact]
    public void Interface_driver_with_unknown_txmode_is_an_error_naming_the_allowed_modes()
    {
        var error = SingleError("<interface type='user'><driver txmode='bh'/></interface>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("iothread, timer", error.Message);
    }

    [Fact]
    public void Interface_driver_event_idx_that_is_not_on_or_off_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue,
            SingleError("<interface type='user'><driver event_idx='yes'/></interface>").Code);

    [Fact]
    public void Interface_tune_without_sndbuf_is_present_but_empty() =>
        Assert.Null(Single<UserInterface>("<interface type='user'><tune/></interface>").Tune!.SndBuf);

    [Fact]
    public void Interface_sndbuf_that_is_not_a_number_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.InvalidNumber,
            SingleError("<interface type='user'><tune><sndbuf>big</sndbuf></tune></interface>").Code);

    [Fact]
    public void Interface_link_state_up_is_read() =>
        Assert.Equal(LinkState.Up, Single<UserInterface>("<interface type='user'><link state='up'/></interface>").Link);

    [Fact]
    public void Interface_link_with_unknown_state_is_an_error_naming_the_allowed_states() =>
        Assert.Contains("up, down", SingleError("<interface type='user'><link state='off'/></interface>").Message);

    [Fact]
    public void Interface_boot_order_zero_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange,
            SingleError("<interface type='user'><boot order='0'/></interface>").Code);

    [Fact]
    public void Interface_target_without_dev_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.MissingAttribute, SingleError("<interface type='user'><target/></interface>").Code);

    [Fact]
    public void Interface_with_two_macs_is_an_error()
    {
        var error = SingleError("<interface type='user'><mac address='52:54:00:00:00:01'/><mac address='52:54:00:00:00:02'/></interface>");
        Assert.Equal(DiagnosticCatalog.DuplicateElement, error.Code);
        Assert.Contains("<mac>", error.Message);
    }

    // ---- mac ----

    [Theory]
    [InlineData("52:54:00:4d:4b:19")]
    [InlineData("00:11:22:33:44:55")]
    [InlineData("FE:FF:FF:FF:FF:FF")]
    public void Mac_address_is_read_and_written_in_lower_case(string text)
    {
        var mac = Single<UserInterface>($"<interface type='user'><mac address='{text}'/></interface>").Mac!.Value;
        Assert.Equal(text.ToLowerInvariant(), mac.ToString());
        Assert.False(mac.IsMulticast);
    }

    [Theory]
    [InlineData("52:54:00:4d:4b")]
    [InlineData("52:54:00:4d:4b:19:20")]
    [InlineData("52-54-00-4d-4b-19")]
    [InlineData("5:54:00:4d:4b:19")]
    [InlineData("52:54:00:4d:4b:1g")]
    [InlineData("")]
    public void Malformed_mac_address_is_an_error(string text)
    {
        var error = SingleError($"<interface type='user'><mac address='{text}'/></interface>");
        Assert.Equal(DiagnosticCatalog.InvalidValue, error.Code);
        Assert.Contains($"'{text}'", error.Message);
        Assert.Contains("xx", error.Message.Replace("52:54:00:12:34:56", "xx", StringComparison.Ordinal));
        Assert.Equal((5, 29), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Multicast_mac_address_is_an_error()
    {
        var error = SingleError("<interface type='user'><mac address='01:00:5e:00:00:01'/></interface>");
        Assert.Equal(DiagnosticCatalog.InvalidValue, error.Code);
        Assert.Contains("multicast", error.Message);
    }

    [Fact]
    public void Mac_without_address_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.MissingAttribute, SingleError("<interface type='user'><mac/></interface>").Code);

    [Fact]
    public void Mac_addresses_compare_by_value()
    {
        Assert.True(MacAddress.TryParse("52:54:00:AA:bb:01", out var a));
        Assert.True(MacAddress.TryParse("52:54:00:aa:BB:01", out var b));
        Assert.Equal(a, b);
        Assert.Equal(0xaa, a[3]);
    }

    // ---- model ----

    [Theory]
    [InlineData("e1000")]
    [InlineData("ne2k_pci")]
    [InlineData("virtio-net-pci")]
    [InlineData("netfront")]
    public void Nic_model_is_an_open_name(string model) =>
        Assert.Equal(model, Single<UserInterface>($"<interface type='user'><model type='{model}'/></interface>").Model);

    [Theory]
    [InlineData("e1000,addr=3")]
    [InlineData("virtio net")]
    [InlineData("")]
    public void Nic_model_with_characters_beyond_letters_digits_dash_and_underscore_is_an_error(string model)
    {
        var error = SingleError($"<interface type='user'><model type='{model}'/></interface>");
        Assert.Equal(DiagnosticCatalog.InvalidValue, error.Code);
        Assert.Contains($"'{model}'", error.Message);
        Assert.Equal("domain/devices/interface/model/@type", error.Location.Path);
    }

    // ---- bandwidth ----

    [Fact]
    public void Bandwidth_inbound_and_outbound_are_read()
    {
        var bandwidth = Single<VirtualNetworkInterface>("""
            <interface type='network'>
              <source network='default'/>
              <bandwidth>
                <inbound average='1000' peak='5000' burst='1024'/>
                <outbound average='128'/>
              </bandwidth>
            </interface>
            """).Bandwidth!;
        Assert.Equal(new BandwidthLimit { Average = 1000, Peak = 5000, Burst = 1024 }, bandwidth.Inbound);
        Assert.Equal(new BandwidthLimit { Average = 128 }, bandwidth.Outbound);
    }

    [Fact]
    public void Bandwidth_with_one_direction_leaves_the_other_null()
    {
        var bandwidth = Single<UserInterface>("<interface type='user'><bandwidth><outbound average='5'/></bandwidth></interface>").Bandwidth!;
        Assert.Null(bandwidth.Inbound);
        Assert.NotNull(bandwidth.Outbound);
    }

    [Fact]
    public void Bandwidth_without_average_is_an_error()
    {
        var error = SingleError("<interface type='user'><bandwidth><inbound peak='5000'/></bandwidth></interface>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'average'", error.Message);
        Assert.Equal("domain/devices/interface/bandwidth/inbound", error.Location.Path);
    }

    [Fact]
    public void Bandwidth_peak_that_is_negative_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange,
            SingleError("<interface type='user'><bandwidth><inbound average='1' peak='-5'/></bandwidth></interface>").Code);

    // ---- filterref ----

    [Fact]
    public void Filterref_and_its_parameters_are_read_in_order()
    {
        var filter = Single<BridgeInterface>("""
            <interface type='bridge'>
              <source bridge='br0'/>
              <filterref filter='clean-traffic'>
                <parameter name='IP' value='10.0.0.1'/>
                <parameter name='IP' value='10.0.0.2'/>
              </filterref>
            </interface>
            """).FilterRef!;
        Assert.Equal("clean-traffic", filter.Filter);
        Assert.Equal([new FilterParameter("IP", "10.0.0.1"), new FilterParameter("IP", "10.0.0.2")], filter.Parameters.ToArray());
    }

    [Fact]
    public void Filterref_without_parameters_has_an_empty_list() =>
        Assert.Empty(Single<UserInterface>("<interface type='user'><filterref filter='no-spoofing'/></interface>").FilterRef!.Parameters);

    [Fact]
    public void Filterref_without_filter_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.MissingAttribute, SingleError("<interface type='user'><filterref/></interface>").Code);

    [Fact]
    public void Filterref_parameter_without_value_is_an_error()
    {
        var error = SingleError("<interface type='user'><filterref filter='f'><parameter name='IP'/></filterref></interface>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'value'", error.Message);
    }

    // ---- virtualport ----

    [Fact]
    public void Virtualport_802_1Qbg_parameters_are_read()
    {
        var port = Single<DirectInterface>("""
            <interface type='direct'>
              <source dev='eth0.2' mode='vepa'/>
              <virtualport type='802.1Qbg'>
                <parameters managerid='11' typeid='1193047' typeidversion='2' instanceid='09b11c53-8b5c-4eeb-8f00-d84eaa0aaa4f'/>
              </virtualport>
            </interface>
            """).VirtualPort!;
        Assert.Equal(VirtualPortType.Ieee8021Qbg, port.Type);
        Assert.Equal(11u, port.ManagerId);
        Assert.Equal(1193047u, port.TypeId);
        Assert.Equal(2u, port.TypeIdVersion);
        Assert.Equal(Guid.Parse("09b11c53-8b5c-4eeb-8f00-d84eaa0aaa4f"), port.InstanceId);
        Assert.Null(port.ProfileId);
        Assert.Null(port.InterfaceId);
    }

    [Fact]
    public void Virtualport_802_1Qbh_profile_is_read()
    {
        var port = Single<DirectInterface>("<interface type='direct'><source dev='eth0'/><virtualport type='802.1Qbh'><parameters profileid='finance'/></virtualport></interface>").VirtualPort!;
        Assert.Equal(VirtualPortType.Ieee8021Qbh, port.Type);
        Assert.Equal("finance", port.ProfileId);
    }

    [Fact]
    public void Virtualport_openvswitch_interfaceid_and_profile_are_read()
    {
        var port = Single<BridgeInterface>("""
            <interface type='bridge'>
              <source bridge='ovsbr'/>
              <virtualport type='openvswitch'>
                <parameters interfaceid='09b11c538b5c4eeb8f00d84eaa0aaa4f' profileid='menial'/>
              </virtualport>
            </interface>
            """).VirtualPort!;
        Assert.Equal(VirtualPortType.OpenVSwitch, port.Type);
        Assert.Equal(Guid.Parse("09b11c53-8b5c-4eeb-8f00-d84eaa0aaa4f"), port.InterfaceId);
        Assert.Equal("menial", port.ProfileId);
    }

    [Fact]
    public void Virtualport_without_type_or_parameters_is_kept_empty()
    {
        var port = Single<VirtualNetworkInterface>("<interface type='network'><source network='default'/><virtualport/></interface>").VirtualPort!;
        Assert.Equal(new VirtualPort(), port);
    }

    [Fact]
    public void Virtualport_with_unknown_type_is_an_error_naming_the_allowed_types()
    {
        var error = SingleError("<interface type='bridge'><source bridge='br0'/><virtualport type='midonet'/></interface>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("802.1Qbg, 802.1Qbh, openvswitch", error.Message);
    }

    [Fact]
    public void Virtualport_parameter_of_another_type_is_an_error_naming_the_type_s_parameters()
    {
        var error = SingleError("<interface type='direct'><source dev='eth0'/><virtualport type='802.1Qbh'><parameters managerid='11'/></virtualport></interface>");
        Assert.Equal(DiagnosticCatalog.InconsistentValue, error.Code);
        Assert.Contains("'managerid'", error.Message);
        Assert.Contains("'802.1Qbh'", error.Message);
        Assert.Contains("profileid", error.Message);
        Assert.Equal("domain/devices/interface/virtualport/parameters/@managerid", error.Location.Path);
    }

    [Fact]
    public void Virtualport_managerid_beyond_255_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange,
            SingleError("<interface type='direct'><source dev='eth0'/><virtualport type='802.1Qbg'><parameters managerid='256'/></virtualport></interface>").Code);

    [Fact]
    public void Virtualport_typeid_beyond_24_bits_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange,
            SingleError("<interface type='direct'><source dev='eth0'/><virtualport type='802.1Qbg'><parameters typeid='16777216'/></virtualport></interface>").Code);

    [Fact]
    public void Virtualport_instanceid_that_is_not_a_uuid_is_an_error()
    {
        var error = SingleError("<interface type='direct'><source dev='eth0'/><virtualport type='802.1Qbg'><parameters instanceid='1234'/></virtualport></interface>");
        Assert.Equal(DiagnosticCatalog.InvalidValue, error.Code);
        Assert.Contains("'1234'", error.Message);
        Assert.Contains("UUID", error.Message);
    }

    [Theory]
    [InlineData("user", "<interface type='user'>")]
    [InlineData("ethernet", "<interface type='ethernet'>")]
    [InlineData("server", "<interface type='server'><source port='1'/>")]
    public void Virtualport_on_an_interface_type_that_takes_none_is_an_error(string type, string opening)
    {
        var error = SingleError(opening + "<virtualport type='802.1Qbh'/></interface>");
        Assert.Equal(DiagnosticCatalog.InvalidValue, error.Code);
        Assert.Contains($"type='{type}'", error.Message);
        Assert.Contains("network, bridge, direct and hostdev", error.Message);
    }

    [Fact]
    public void Virtualport_on_a_hostdev_interface_is_read()
    {
        var nic = Single<HostdevInterface>("<interface type='hostdev'><source><address type='pci' bus='1'/></source><virtualport type='802.1Qbh'><parameters profileid='p'/></virtualport></interface>");
        Assert.Equal("p", nic.VirtualPort!.ProfileId);
    }

    // ---- vlan ----

    [Fact]
    public void Vlan_single_tag_is_read()
    {
        var vlan = Single<HostdevInterface>("""
            <interface type='hostdev'>
              <source><address type='pci' bus='3'/></source>
              <vlan><tag id='42'/></vlan>
            </interface>
            """).Vlan!;
        Assert.Null(vlan.Trunk);
        Assert.Equal([42u], vlan.Tags.ToArray());
    }

    [Fact]
    public void Vlan_trunk_with_several_tags_is_read_in_order()
    {
        var vlan = Single<BridgeInterface>("<interface type='bridge'><source bridge='br0'/><vlan trunk='yes'><tag id='42'/><tag id='0'/><tag id='4095'/></vlan></interface>").Vlan!;
        Assert.True(vlan.Trunk);
        Assert.Equal([42u, 0u, 4095u], vlan.Tags.ToArray());
    }

    [Fact]
    public void Vlan_without_tags_is_an_error()
    {
        var error = SingleError("<interface type='user'><vlan/></interface>");
        Assert.Equal(DiagnosticCatalog.MissingElement, error.Code);
        Assert.Contains("<tag", error.Message);
    }

    [Fact]
    public void Vlan_tag_beyond_4095_is_an_error()
    {
        var error = SingleError("<interface type='user'><vlan><tag id='4096'/></vlan></interface>");
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, error.Code);
        Assert.Contains("4095", error.Message);
    }

    [Fact]
    public void Vlan_tag_without_id_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.MissingAttribute, SingleError("<interface type='user'><vlan><tag/></vlan></interface>").Code);

    [Fact]
    public void Vlan_not_trunked_with_several_tags_is_an_error()
    {
        var error = SingleError("<interface type='user'><vlan trunk='no'><tag id='1'/><tag id='2'/></vlan></interface>");
        Assert.Equal(DiagnosticCatalog.InconsistentValue, error.Code);
        Assert.Contains("2 are given", error.Message);
        Assert.Equal("domain/devices/interface/vlan/@trunk", error.Location.Path);
    }

    // ---- several ----

    [Fact]
    public void Several_interfaces_are_kept_in_document_order()
    {
        var result = Parse("<interface type='user'/>\n<interface type='bridge'><source bridge='br0'/></interface>\n<interface type='ethernet'/>");
        Assert.Empty(result.Diagnostics);
        Assert.Equal([InterfaceType.User, InterfaceType.Bridge, InterfaceType.Ethernet],
            result.Domain!.Devices.Interfaces.Select(i => i.Type));
        Assert.Equal([5, 6, 7], result.Domain.Devices.Interfaces.Select(i => i.Location.Line));
    }
}
