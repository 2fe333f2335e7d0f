using DomainLauncher.HostRuntime.Inputs;
using System.Net;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

public sealed class CharDeviceParserTests
{
    // The devices start on line 4 of the document; an element's column is that of its name.
    private static DomainParseResult Parse(string devices) => DeviceDocument.ParseWithoutMemory(devices);

    private static Devices ParseClean(string devices)
    {
        var result = Parse(devices);
        Assert.Empty(result.Diagnostics);
        return result.Domain!.Devices;
    }

    private static CharDevice Serial(string xml) => Assert.Single(ParseClean(xml).Serials);

    private static Diagnostic SingleError(string devices, DiagnosticCode code) => DeviceDocument.SingleError(Parse(devices), code);

    private static Diagnostic SingleWarning(string devices, DiagnosticCode code) => DeviceDocument.SingleWarning(Parse(devices), code);

    // ---- the four device kinds ----

    [Fact]
    public void Each_element_lands_in_its_own_list_with_its_kind()
    {
        var devices = ParseClean("""
            <parallel type='null'><target port='0'/></parallel>
            <serial type='null'><target port='0'/></serial>
            <console type='null'><target port='0'/></console>
            <channel type='null'><target type='virtio'/></channel>
            """);
        Assert.Equal(CharDeviceKind.Parallel, Assert.Single(devices.Parallels).Kind);
        Assert.Equal(CharDeviceKind.Serial, Assert.Single(devices.Serials).Kind);
        Assert.Equal(CharDeviceKind.Console, Assert.Single(devices.Consoles).Kind);
        Assert.Equal(CharDeviceKind.Channel, Assert.Single(devices.Channels).Kind);
    }

    [Fact]
    public void Serial_pty_with_port_reads_source_and_target_and_leaves_the_rest_absent()
    {
        var serial = Serial("<serial type='pty'><target port='0'/></serial>");
        var pty = Assert.IsType<PtyCharSource>(serial.Source);
        Assert.Null(pty.Path);
        Assert.Equal(CharSourceType.Pty, pty.Type);
        var target = Assert.IsType<SerialTarget>(serial.Target);
        Assert.Equal(0u, target.Port);
        Assert.Null(target.Type);
        Assert.Null(serial.Tty);
        Assert.Null(serial.Address);
        Assert.Null(serial.Alias);
        Assert.Equal(4, serial.Location.Line);
        Assert.Equal("domain/devices/serial", serial.Location.Path);
    }

    [Fact]
    public void Device_without_target_has_no_target()
    {
        var serial = Serial("<serial type='pty'/>");
        Assert.Null(serial.Target);
    }

    [Fact]
    public void Pty_source_path_is_kept_when_given()
    {
        var serial = Serial("<serial type='pty'><source path='/dev/pts/3'/><target port='1'/></serial>");
        Assert.Equal("/dev/pts/3", Assert.IsType<PtyCharSource>(serial.Source).Path);
    }

    // ---- host side: every source type ----

    [Theory]
    [InlineData("dev", typeof(DevCharSource), "/dev/ttyS0")]
    [InlineData("file", typeof(FileCharSource), "/var/log/vm/serial.log")]
    [InlineData("pipe", typeof(PipeCharSource), "/tmp/mypipe")]
    public void Path_source_types_keep_their_path(string type, Type recordType, string path)
    {
        var serial = Serial($"<serial type='{type}'><source path='{path}'/><target port='1'/></serial>");
        Assert.IsType(recordType, serial.Source);
        var actual = serial.Source switch
        {
            DevCharSource dev => dev.Path,
            FileCharSource file => file.Path,
            PipeCharSource pipe => pipe.Path,
            _ => null,
        };
        Assert.Equal(path, actual);
        Assert.Equal(type, CharSourceXml.Type.ToXml(serial.Source!.Type));
    }

    [Theory]
    [InlineData("null", typeof(NullCharSource))]
    [InlineData("vc", typeof(VcCharSource))]
    [InlineData("stdio", typeof(StdioCharSource))]
    public void Source_types_without_data_need_no_source_element(string type, Type recordType)
    {
        var serial = Serial($"<serial type='{type}'><target port='1'/></serial>");
        Assert.IsType(recordType, serial.Source);
    }

    [Fact]
    public void File_source_without_source_element_is_an_error_at_the_device()
    {
        var error = SingleError("<serial type='file'><target port='0'/></serial>", DiagnosticCatalog.MissingElement);
        Assert.Contains("type 'file' needs a <source path='...'/>", error.Message);
        Assert.Equal((4, 2), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Dev_source_without_path_is_a_missing_attribute_error()
    {
        var error = SingleError("<serial type='dev'>\n<source/>\n</serial>", DiagnosticCatalog.MissingAttribute);
        Assert.Contains("'path'", error.Message);
        Assert.Equal((5, 2), (error.Location.Line, error.Location.Column));
        Assert.Equal("domain/devices/serial/source", error.Location.Path);
    }

    [Fact]
    public void Unknown_source_type_is_an_error_naming_the_allowed_types()
    {
        var error = SingleError("<serial type='socket'/>", DiagnosticCatalog.UnknownEnumValue);
        Assert.Contains("'socket'", error.Message);
        Assert.Contains("null, vc, pty, dev, file, pipe, stdio, udp, tcp, unix, spicevmc", error.Message);
        Assert.Equal((4, 9), (error.Location.Line, error.Location.Column));
        Assert.Equal("domain/devices/serial/@type", error.Location.Path);
    }

    [Fact]
    public void Second_source_element_is_an_error()
    {
        var result = Parse("<serial type='file'>\n<source path='/a'/>\n<source path='/b'/>\n</serial>");
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCatalog.DuplicateElement, error.Code);
        Assert.Equal(6, error.Location.Line);
    }

    [Fact]
    public void Source_element_on_a_type_without_one_is_reported_as_unknown()
    {
        var warning = SingleWarning("<serial type='null'><source path='/x'/></serial>", DiagnosticCatalog.UnknownElement);
        Assert.Contains("<source>", warning.Message);
    }

    [Fact]
    public void Tcp_client_reads_mode_host_service_and_protocol()
    {
        var serial = Serial("""
            <serial type='tcp'>
              <source mode='connect' host='0.0.0.0' service='2445'/>
              <protocol type='telnet'/>
              <target port='1'/>
            </serial>
            """);
        var tcp = Assert.IsType<TcpCharSource>(serial.Source);
        Assert.Equal(CharSourceMode.Connect, tcp.Mode);
        Assert.Equal("0.0.0.0", tcp.Host);
        Assert.Equal("2445", tcp.Service);
        Assert.Equal(TcpProtocol.Telnet, tcp.Protocol);
        Assert.Null(tcp.WireMode);
    }

    [Theory]
    [InlineData("raw", TcpProtocol.Raw)]
    [InlineData("telnet", TcpProtocol.Telnet)]
    [InlineData("telnets", TcpProtocol.Telnets)]
    [InlineData("tls", TcpProtocol.Tls)]
    public void Tcp_protocols_are_all_read(string name, TcpProtocol protocol)
    {
        var serial = Serial($"<serial type='tcp'><source mode='bind' host='h' service='1'/><protocol type='{name}'/></serial>");
        var tcp = Assert.IsType<TcpCharSource>(serial.Source);
        Assert.Equal(CharSourceMode.Bind, tcp.Mode);
        Assert.Equal(protocol, tcp.Protocol);
    }

    [Fact]
    public void Tcp_without_mode_or_protocol_leaves_both_absent_and_keeps_the_xen_era_wiremode()
    {
        var serial = Serial("<serial type='tcp'><source host='localhost' service='9999' wiremode='raw'/></serial>");
        var tcp = Assert.IsType<TcpCharSource>(serial.Source);
        Assert.Null(tcp.Mode);
        Assert.Null(tcp.Protocol);
        Assert.Equal("raw", tcp.WireMode);
    }

    [Fact]
    public void Protocol_element_without_type_leaves_the_protocol_absent()
    {
        var serial = Serial("<serial type='tcp'><source host='h' service='1'/><protocol/></serial>");
        Assert.Null(Assert.IsType<TcpCharSource>(serial.Source).Protocol);
    }

    [Fact]
    public void Tcp_without_host_is_a_missing_attribute_error()
    {
        var error = SingleError("<serial type='tcp'><source mode='bind' service='1'/></serial>", DiagnosticCatalog.MissingAttribute);
        Assert.Contains("'host'", error.Message);
    }

    [Fact]
    public void Tcp_without_service_is_a_missing_attribute_error()
    {
        var error = SingleError("<serial type='tcp'><source host='h'/></serial>", DiagnosticCatalog.MissingAttribute);
        Assert.Contains("'service'", error.Message);
    }

    [Fact]
    public void Tcp_without_source_is_an_error()
    {
        var error = SingleError("<serial type='tcp'><protocol type='raw'/></serial>", DiagnosticCatalog.MissingElement);
        Assert.Contains("type 'tcp' needs a <source", error.Message);
    }

    [Fact]
    public void Unknown_tcp_protocol_is_an_error_naming_the_allowed_protocols()
    {
        var error = SingleError("<serial type='tcp'><source host='h' service='1'/><protocol type='ssh'/></serial>",
            DiagnosticCatalog.UnknownEnumValue);
        Assert.Contains("'ssh'", error.Message);
        Assert.Contains("raw, telnet, telnets, tls", error.Message);
        Assert.Equal("domain/devices/serial/protocol/@type", error.Location.Path);
    }

    [Fact]
    public void Unknown_source_mode_is_an_error_naming_connect_and_bind()
    {
        var error = SingleError("<serial type='tcp'><source mode='listen' host='h' service='1'/></serial>",
            DiagnosticCatalog.UnknownEnumValue);
        Assert.Contains("'listen'", error.Message);
        Assert.Contains("connect, bind", error.Message);
    }

    [Fact]
    public void Udp_reads_the_connect_and_bind_sides_in_either_order()
    {
        var serial = Serial("""
            <serial type='udp'>
              <source mode='connect' host='192.168.1.1' service='2445'/>
              <source mode='bind' host='0.0.0.0' service='2446'/>
            </serial>
            """);
        var udp = Assert.IsType<UdpCharSource>(serial.Source);
        Assert.Equal(("192.168.1.1", "2445", "0.0.0.0", "2446"), (udp.ConnectHost, udp.ConnectService, udp.BindHost, udp.BindService));

        var reversed = Serial("""
            <serial type='udp'>
              <source mode='bind' host='0.0.0.0' service='2446'/>
              <source mode='connect' host='192.168.1.1' service='2445'/>
            </serial>
            """);
        Assert.Equal(udp, reversed.Source);
    }

    [Fact]
    public void Udp_source_without_mode_is_the_connect_side_and_host_and_bind_are_optional()
    {
        var udp = Assert.IsType<UdpCharSource>(Serial("<serial type='udp'><source service='2445'/></serial>").Source);
        Assert.Equal("2445", udp.ConnectService);
        Assert.Null(udp.ConnectHost);
        Assert.Null(udp.BindHost);
        Assert.Null(udp.BindService);
    }

    [Fact]
    public void Udp_without_connect_side_is_an_error()
    {
        var error = SingleError("<serial type='udp'><source mode='bind' host='h' service='1'/></serial>",
            DiagnosticCatalog.MissingElement);
        Assert.Contains("<source mode='connect' service='...'/>", error.Message);
    }

    [Fact]
    public void Udp_connect_side_without_service_is_an_error()
    {
        var error = SingleError("<serial type='udp'><source mode='connect' host='h'/></serial>", DiagnosticCatalog.MissingAttribute);
        Assert.Contains("'service'", error.Message);
    }

    [Fact]
    public void Udp_with_two_bind_sides_is_an_error()
    {
        var result = Parse("<serial type='udp'>\n<source service='1'/>\n<source mode='bind' service='2'/>\n<source mode='bind' service='3'/>\n</serial>");
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCatalog.DuplicateElement, error.Code);
        Assert.Contains("mode='bind'", error.Message);
        Assert.Equal(7, error.Location.Line);
    }

    [Theory]
    [InlineData("bind", CharSourceMode.Bind)]
    [InlineData("connect", CharSourceMode.Connect)]
    public void Unix_socket_reads_mode_and_path(string mode, CharSourceMode expected)
    {
        var serial = Serial($"<serial type='unix'><source mode='{mode}' path='/tmp/foo'/></serial>");
        var unix = Assert.IsType<UnixCharSource>(serial.Source);
        Assert.Equal(expected, unix.Mode);
        Assert.Equal("/tmp/foo", unix.Path);
    }

    [Fact]
    public void Unix_socket_without_mode_leaves_it_absent()
    {
        Assert.Null(Assert.IsType<UnixCharSource>(Serial("<serial type='unix'><source path='/s'/></serial>").Source).Mode);
    }

    [Fact]
    public void Unix_socket_without_path_leaves_the_path_to_the_host()
    {
        var unix = Assert.IsType<UnixCharSource>(Serial("<serial type='unix'><source mode='bind'/></serial>").Source);
        Assert.Null(unix.Path);
        Assert.Equal(CharSourceMode.Bind, unix.Mode);
    }

    [Fact]
    public void Attribute_a_source_type_does_not_use_is_reported_as_unknown()
    {
        var warning = SingleWarning("<serial type='file'><source path='/a' host='h'/></serial>", DiagnosticCatalog.UnknownAttribute);
        Assert.Contains("'host'", warning.Message);
    }

    // ---- the Xen-era console ----

    [Fact]
    public void Console_without_type_keeps_its_tty_and_no_source()
    {
        var console = Assert.Single(ParseClean("<console tty='/dev/pts/4'/>").Consoles);
        Assert.Null(console.Source);
        Assert.Equal("/dev/pts/4", console.Tty);
        Assert.Null(console.Target);
    }

    [Fact]
    public void Pty_console_keeps_both_tty_and_source_path()
    {
        var console = Assert.Single(ParseClean("<console type='pty' tty='/dev/pts/4'><source path='/dev/pts/4'/></console>").Consoles);
        Assert.Equal("/dev/pts/4", console.Tty);
        Assert.Equal("/dev/pts/4", Assert.IsType<PtyCharSource>(console.Source).Path);
    }

    [Fact]
    public void Source_element_on_a_device_without_type_is_an_error()
    {
        var error = SingleError("<console>\n<source path='/dev/pts/1'/>\n</console>", DiagnosticCatalog.MissingAttribute);
        Assert.Contains("'type'", error.Message);
        Assert.Equal(5, error.Location.Line);
    }

    [Fact]
    public void Channel_has_no_tty_attribute()
    {
        var warning = SingleWarning("<channel type='pty' tty='/dev/pts/1'><target type='virtio'/></channel>", DiagnosticCatalog.UnknownAttribute);
        Assert.Contains("'tty'", warning.Message);
    }

    // ---- guest side: targets per kind ----

    [Fact]
    public void Parallel_target_has_a_port()
    {
        var parallel = Assert.Single(ParseClean("<parallel type='dev'><source path='/dev/parport0'/><target port='2'/></parallel>").Parallels);
        Assert.Equal(2u, Assert.IsType<ParallelTarget>(parallel.Target).Port);
    }

    [Fact]
    public void Parallel_target_type_is_reported_as_unknown()
    {
        SingleWarning("<parallel type='null'><target type='isa-serial' port='0'/></parallel>", DiagnosticCatalog.UnknownAttribute);
    }

    [Theory]
    [InlineData("isa-serial", SerialTargetType.IsaSerial)]
    [InlineData("usb-serial", SerialTargetType.UsbSerial)]
    public void Serial_target_type_is_read(string name, SerialTargetType type)
    {
        var serial = Serial($"<serial type='pty'><target type='{name}' port='0'/></serial>");
        Assert.Equal(type, Assert.IsType<SerialTarget>(serial.Target).Type);
    }

    [Fact]
    public void Unknown_serial_target_type_is_an_error_naming_the_allowed_types()
    {
        var error = SingleError("<serial type='pty'><target type='virtio-serial'/></serial>", DiagnosticCatalog.UnknownEnumValue);
        Assert.Contains("'virtio-serial'", error.Message);
        Assert.Contains("isa-serial, usb-serial, pci-serial", error.Message);
    }

    [Theory]
    [InlineData("serial", ConsoleTargetType.Serial)]
    [InlineData("virtio", ConsoleTargetType.Virtio)]
    [InlineData("xen", ConsoleTargetType.Xen)]
    [InlineData("uml", ConsoleTargetType.Uml)]
    [InlineData("lxc", ConsoleTargetType.Lxc)]
    [InlineData("openvz", ConsoleTargetType.Openvz)]
    [InlineData("sclp", ConsoleTargetType.Sclp)]
    [InlineData("sclplm", ConsoleTargetType.Sclplm)]
    public void Console_target_types_are_all_read(string name, ConsoleTargetType type)
    {
        var console = Assert.Single(ParseClean($"<console type='pty'><target type='{name}' port='0'/></console>").Consoles);
        var target = Assert.IsType<ConsoleTarget>(console.Target);
        Assert.Equal(type, target.Type);
        Assert.Equal(0u, target.Port);
    }

    [Fact]
    public void Console_target_without_type_or_port_leaves_both_absent()
    {
        var console = Assert.Single(ParseClean("<console type='pty'><target/></console>").Consoles);
        var target = Assert.IsType<ConsoleTarget>(console.Target);
        Assert.Null(target.Type);
        Assert.Null(target.Port);
    }

    [Fact]
    public void Unknown_console_target_type_is_an_error_naming_the_allowed_types()
    {
        var error = SingleError("<console type='pty'><target type='hvc'/></console>", DiagnosticCatalog.UnknownEnumValue);
        Assert.Contains("'hvc'", error.Message);
        Assert.Contains("serial, virtio, xen, uml, lxc, openvz, sclp, sclplm", error.Message);
    }

    [Fact]
    public void Target_port_that_is_not_a_number_is_an_error()
    {
        var error = SingleError("<serial type='pty'><target port='first'/></serial>", DiagnosticCatalog.InvalidNumber);
        Assert.Contains("'first'", error.Message);
        Assert.Equal("domain/devices/serial/target/@port", error.Location.Path);
    }

    [Fact]
    public void Second_target_is_an_error()
    {
        var error = SingleError("<serial type='pty'>\n<target port='0'/>\n<target port='1'/>\n</serial>", DiagnosticCatalog.DuplicateElement);
        Assert.Contains("<target>", error.Message);
        Assert.Equal(6, error.Location.Line);
    }

    [Fact]
    public void Guestfwd_channel_reads_ipv4_address_and_port()
    {
        var channel = Assert.Single(ParseClean("""
            <channel type='unix'>
              <source mode='bind' path='/tmp/guestfwd'/>
              <target type='guestfwd' address='10.0.2.1' port='4600'/>
            </channel>
            """).Channels);
        var target = Assert.IsType<GuestfwdChannelTarget>(channel.Target);
        Assert.Equal(IPAddress.Parse("10.0.2.1"), target.Address);
        Assert.Equal((ushort)4600, target.Port);
    }

    [Theory]
    [InlineData("::1")]
    [InlineData("10.1")]
    [InlineData("gateway")]
    public void Guestfwd_address_that_is_not_dotted_ipv4_is_an_error(string address)
    {
        var error = SingleError($"<channel type='pty'><target type='guestfwd' address='{address}' port='1'/></channel>",
            DiagnosticCatalog.InvalidValue);
        Assert.Contains($"'{address}' is not an IPv4 address", error.Message);
        Assert.Equal("domain/devices/channel/target/@address", error.Location.Path);
    }

    [Fact]
    public void Guestfwd_without_address_or_port_reports_both()
    {
        var result = Parse("<channel type='pty'><target type='guestfwd'/></channel>");
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(DiagnosticCatalog.MissingAttribute, e.Code));
        Assert.Contains(errors, e => e.Message.Contains("'address'"));
        Assert.Contains(errors, e => e.Message.Contains("'port'"));
    }

    [Fact]
    public void Guestfwd_port_above_65535_is_out_of_range()
    {
        var error = SingleError("<channel type='pty'><target type='guestfwd' address='10.0.2.1' port='65536'/></channel>",
            DiagnosticCatalog.NumberOutOfRange);
        Assert.Contains("65535", error.Message);
    }

    [Fact]
    public void Virtio_channel_keeps_its_name_and_virtio_serial_address()
    {
        var channel = Assert.Single(ParseClean("""
            <channel type='pty'>
              <target type='virtio' name='org.example.agent.0'/>
              <alias name='channel0'/>
              <address type='virtio-serial' controller='0' bus='0' port='3'/>
            </channel>
            """).Channels);
        Assert.Equal("org.example.agent.0", Assert.IsType<VirtioChannelTarget>(channel.Target).Name);
        var address = Assert.IsType<VirtioSerialAddress>(channel.Address);
        Assert.Equal((0u, 0u, 3u), (address.Controller!.Value, address.Bus!.Value, address.Port!.Value));
        Assert.Equal("channel0", channel.Alias);
    }

    [Fact]
    public void Virtio_channel_without_name_leaves_it_absent()
    {
        var channel = Assert.Single(ParseClean("<channel type='pty'><target type='virtio'/></channel>").Channels);
        Assert.Null(Assert.IsType<VirtioChannelTarget>(channel.Target).Name);
    }

    [Fact]
    public void Channel_without_target_is_an_error_naming_the_target_types()
    {
        var error = SingleError("<channel type='pty'/>", DiagnosticCatalog.MissingElement);
        Assert.Contains("guestfwd, virtio", error.Message);
        Assert.Equal((4, 2), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Channel_target_without_type_is_an_error()
    {
        var error = SingleError("<channel type='pty'><target name='x'/></channel>", DiagnosticCatalog.MissingAttribute);
        Assert.Contains("'type'", error.Message);
    }

    [Fact]
    public void Unknown_channel_target_type_is_an_error_naming_the_allowed_types()
    {
        var error = SingleError("<channel type='pty'><target type='serial'/></channel>", DiagnosticCatalog.UnknownEnumValue);
        Assert.Contains("guestfwd, virtio", error.Message);
    }

    [Fact]
    public void Spicevmc_channel_with_virtio_target_is_read()
    {
        var channel = Assert.Single(ParseClean("<channel type='spicevmc'><target type='virtio' name='com.redhat.spice.0'/></channel>").Channels);
        Assert.IsType<SpicevmcCharSource>(channel.Source);
        Assert.Equal("com.redhat.spice.0", Assert.IsType<VirtioChannelTarget>(channel.Target).Name);
    }

    [Fact]
    public void Spicevmc_on_a_serial_port_is_an_error()
    {
        var error = SingleError("<serial type='spicevmc'><target port='0'/></serial>", DiagnosticCatalog.InvalidValue);
        Assert.Contains("'spicevmc' is only valid for a <channel> with <target type='virtio'>", error.Message);
        Assert.Equal("domain/devices/serial/@type", error.Location.Path);
    }

    [Fact]
    public void Spicevmc_on_a_guestfwd_channel_is_an_error()
    {
        SingleError("<channel type='spicevmc'><target type='guestfwd' address='10.0.2.1' port='1'/></channel>",
            DiagnosticCatalog.InvalidValue);
    }

    [Fact]
    public void Console_on_spapr_vio_keeps_its_address()
    {
        var console = Assert.Single(ParseClean("<console type='pty'><address type='spapr-vio' reg='0x30000000'/></console>").Consoles);
        Assert.Equal(0x30000000ul, Assert.IsType<SpaprVioAddress>(console.Address).Reg);
    }

    // ---- the shared corpus ----

    [SharedCorpusFact]
    public void Every_corpus_character_device_has_a_source_and_a_target_of_its_kind()
    {
        var checkedCount = 0;
        foreach (var suite in new[] { "qemuxml2argv", "xml2sexpr", "xmconfig" })
        {
            foreach (var file in Directory.EnumerateFiles(SharedCorpus.Suite(suite), "*.xml"))
            {
                var devices = DomainParser.ParseFile(InputFiles.Disk, file).Domain?.Devices;
                if (devices is null) continue;
                foreach (var device in devices.Parallels.Concat(devices.Serials).Concat(devices.Consoles).Concat(devices.Channels))
                {
                    checkedCount++;
                    var where = $"{suite}/{Path.GetFileName(file)}:{device.Location.Line}";
                    Assert.True(device.Source is not null || device.Tty is not null, $"{where}: no source");
                    var targetFits = device.Target switch
                    {
                        null => device.Kind != CharDeviceKind.Channel,
                        ParallelTarget => device.Kind == CharDeviceKind.Parallel,
                        SerialTarget => device.Kind == CharDeviceKind.Serial,
                        ConsoleTarget => device.Kind == CharDeviceKind.Console,
                        _ => device.Kind == CharDeviceKind.Channel,
                    };
                    Assert.True(targetFits, $"{where}: {device.Target} on a {device.Kind}");
                }
            }
        }
        Assert.True(checkedCount > 100, $"only {checkedCount} character devices found");
    }

    [Fact]
    public void Legacy_wiremode_element_gives_the_tcp_protocol()
    {
        var result = DomainLoader.LoadText("""
            <domain type='xen'><name>v</name><memory>65536</memory><devices><serial type='tcp'>
            <source mode='connect' host='0.0.0.0' service='2445'/><wiremode type='telnet'/><target port='1'/>
            </serial></devices></domain>
            """, "t.xml");
        Assert.Empty(result.Diagnostics);
        var tcp = Assert.IsType<TcpCharSource>(Assert.Single(result.Domain!.Devices.Serials).Source);
        Assert.Equal(TcpProtocol.Telnet, tcp.Protocol);
    }
}
