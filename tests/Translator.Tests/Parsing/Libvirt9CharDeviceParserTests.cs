using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>libvirt 9's character device sources, source settings, logs and targets.</summary>
public sealed class Libvirt9CharDeviceParserTests
{
    private static Model.Devices Devices(string devices, string type = "kvm")
    {
        var result = DeviceDocument.Parse(devices, type);
        Assert.Empty(result.Diagnostics);
        return result.Domain!.Devices;
    }

    [Fact]
    public void Spiceport_nmdm_dbus_and_qemu_vdagent_sources_are_read()
    {
        var devices = Devices(
            "<serial type='spiceport'><source channel='org.qemu.console.serial.0'/><target port='0'/></serial>" +
            "<serial type='nmdm'><source master='/dev/nmdm0A' slave='/dev/nmdm0B'/></serial>" +
            "<channel type='qemu-vdagent'><source><clipboard copypaste='yes'/><mouse mode='client'/></source>" +
            "<target type='virtio' name='com.redhat.spice.0'/></channel>" +
            "<channel type='dbus'><source channel='org.qemu.test'/><target type='virtio' name='org.qemu.test' state='connected'/></channel>");
        Assert.Equal("org.qemu.console.serial.0", Assert.IsType<SpiceportCharSource>(devices.Serials[0].Source).Channel);
        var nmdm = Assert.IsType<NmdmCharSource>(devices.Serials[1].Source);
        Assert.Equal(("/dev/nmdm0A", "/dev/nmdm0B"), (nmdm.Master, nmdm.Slave));
        var vdagent = Assert.IsType<QemuVdagentCharSource>(devices.Channels[0].Source);
        Assert.Equal((true, VdagentMouseMode.Client), (vdagent.CopyPaste!.Value, vdagent.MouseMode!.Value));
        Assert.Equal("org.qemu.test", Assert.IsType<DbusCharSource>(devices.Channels[1].Source).Channel);
        Assert.Equal(ChannelState.Connected, Assert.IsType<VirtioChannelTarget>(devices.Channels[1].Target).State);
    }

    [Fact]
    public void File_append_tcp_tls_reconnect_and_log_are_read()
    {
        var serials = Devices(
            "<serial type='file'><source path='/tmp/serial.log' append='on'/><log file='/tmp/copy.log' append='off'/><target port='0'/></serial>" +
            "<serial type='tcp'><source mode='connect' host='127.0.0.1' service='9999' tls='yes'><reconnect enabled='yes' timeout='10'/></source>" +
            "<protocol type='raw'/><target port='1'/></serial>").Serials;
        Assert.True(Assert.IsType<FileCharSource>(serials[0].Source).Append);
        Assert.Equal(new CharLog { File = "/tmp/copy.log", Append = false }, serials[0].Log);
        var tcp = Assert.IsType<TcpCharSource>(serials[1].Source);
        Assert.True(tcp.Tls);
        Assert.Equal(new CharReconnect { Enabled = true, Timeout = 10 }, tcp.Reconnect);
    }

    [Fact]
    public void A_unix_channel_without_a_path_is_read_with_the_path_left_to_the_host()
    {
        var channel = Assert.Single(Devices("<channel type='unix'><source mode='bind'/><target type='virtio' name='org.qemu.guest_agent.0'/></channel>").Channels);
        var unix = Assert.IsType<UnixCharSource>(channel.Source);
        Assert.Null(unix.Path);
        Assert.Equal(CharSourceMode.Bind, unix.Mode);
        Assert.Null(Assert.IsType<UnixCharSource>(Assert.Single(Devices("<channel type='unix'><target type='virtio'/></channel>").Channels).Source).Path);
    }

    [Fact]
    public void A_reconnect_needs_enabled() =>
        DeviceDocument.SingleError(
            DeviceDocument.Parse("<serial type='unix'><source mode='connect' path='/s'><reconnect timeout='3'/></source></serial>"),
            DiagnosticCatalog.MissingAttribute);

    [Theory]
    [InlineData("pci-serial", SerialTargetType.PciSerial)]
    [InlineData("spapr-vio-serial", SerialTargetType.SpaprVioSerial)]
    [InlineData("system-serial", SerialTargetType.SystemSerial)]
    [InlineData("sclp-serial", SerialTargetType.SclpSerial)]
    [InlineData("isa-debug", SerialTargetType.IsaDebug)]
    public void The_new_serial_target_types_are_read(string text, SerialTargetType type)
    {
        var serial = Assert.Single(Devices($"<serial type='pty'><target type='{text}' port='0'><model name='16550a'/></target></serial>").Serials);
        var target = Assert.IsType<SerialTarget>(serial.Target);
        Assert.Equal(type, target.Type);
        Assert.Equal(SerialTargetModel.Uart16550a, target.Model);
    }

    [Fact]
    public void An_unknown_serial_target_model_is_refused() =>
        DeviceDocument.SingleError(
            DeviceDocument.Parse("<serial type='pty'><target type='isa-serial'><model name='8250'/></target></serial>"),
            DiagnosticCatalog.UnknownEnumValue);

    [Fact]
    public void A_xen_channel_target_is_read() =>
        Assert.Equal("org.qemu.guest_agent.0", Assert.IsType<XenChannelTarget>(Assert.Single(Devices(
            "<channel type='pty'><target type='xen' name='org.qemu.guest_agent.0'/></channel>", "xen").Channels).Target).Name);

    [Fact]
    public void Per_device_security_labels_of_a_socket_source_are_read()
    {
        var serial = Assert.Single(Devices(
            "<serial type='unix'><source mode='bind' path='/tmp/s'><seclabel model='dac' relabel='no'/>" +
            "<seclabel model='selinux' relabel='yes'><label>system_u:object_r:x_t:s0</label></seclabel></source></serial>").Serials);
        var labels = Assert.IsType<UnixCharSource>(serial.Source).SecurityLabels;
        Assert.Equal(["dac", "selinux"], labels.Select(l => l.Model));
        Assert.False(labels[0].Relabel);
        Assert.Equal("system_u:object_r:x_t:s0", labels[1].Label);
    }
}
