using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Drivers.Qemu.Tests.Build;

namespace DomainLauncher.Drivers.Qemu.Tests.Hostile;

/// <summary>
/// Issue 11, item 4: values of colon-separated disk strings stay data. An rbd image name
/// <c>pool/img:log_file=/some/path</c> is escaped (<c>\:</c>) and read back as the name, never as a
/// librados option; an nbd host <c>a:inj=1</c>, which the nbd: string cannot escape, is refused at its host.
/// </summary>
public sealed class ColonProtocolTests
{
    private static readonly QemuCapability[] Caps = [QemuCapability.Drive, QemuCapability.Device, QemuCapability.DriveFormat];

    private static string DriveFile(string source)
    {
        var words = FocusedBuild.Words($"<disk type='network' device='disk'><driver name='qemu' type='raw'/>{source}<target dev='vda' bus='virtio'/></disk>", caps: Caps);
        var drive = FocusedBuild.ValueOf(words, "-drive", "file=");
        return HostileReaders.QemuOptions(drive).Single(o => o.Name == "file").Value!;
    }

    [Fact]
    public void An_rbd_image_name_with_a_colon_stays_the_image_name()
    {
        var file = DriveFile("<source protocol='rbd' name='pool/img:log_file=/some/path'><host name='mon1.example.net' port='6789'/></source>");

        Assert.Equal(@"rbd:pool/img\:log_file=/some/path:auth_supported=none:mon_host=mon1.example.net\:6789", file);
        var fields = HostileReaders.ColonFields(file);
        Assert.Equal(["rbd", "pool/img:log_file=/some/path", "auth_supported=none", "mon_host=mon1.example.net:6789"], fields);
        Assert.DoesNotContain(fields, f => f.StartsWith("log_file", StringComparison.Ordinal));
    }

    [Fact]
    public void An_rbd_image_name_with_a_backslash_is_read_back_exactly()
    {
        var file = DriveFile(@"<source protocol='rbd' name='pool/a\:b\'/>");

        Assert.Equal(@"pool/a\:b\", HostileReaders.ColonFields(file)[1]);
    }

    [Theory]
    [InlineData("nbd", "a:inj=1")]
    [InlineData("nbd", "::1")]
    [InlineData("sheepdog", "h:7000:x")]
    [InlineData("rbd", "mon1;evil")]
    [InlineData("rbd", "mon1,evil")]
    [InlineData("gluster", "g/x?y")]
    public void A_host_that_is_not_a_name_or_address_the_protocol_can_hold_is_refused_at_the_host(string protocol, string host)
    {
        var name = protocol == "nbd" ? "" : " name='vol/img'";
        var result = FocusedBuild.Result($"""
            <disk type='network' device='disk'><source protocol='{protocol}'{name}>
            <host name='{host}' port='1234'/></source><target dev='vda' bus='virtio'/></disk>
            """, caps: Caps);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("DL4103", error.Code.Id);
        Assert.Equal(4, error.Location.Line);
        Assert.True(error.Location.Column > 0);
    }

    [Fact]
    public void A_sheepdog_name_with_a_colon_is_refused_at_the_source()
    {
        var result = FocusedBuild.Result("<disk type='network' device='disk'><source protocol='sheepdog' name='img:snap'/><target dev='vda' bus='virtio'/></disk>", caps: Caps);

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("DL4103", error.Code.Id);
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void An_ipv6_rbd_monitor_is_escaped_and_a_gluster_name_is_percent_encoded()
    {
        Assert.EndsWith(@"mon_host=fe80\:\:1\:6789", DriveFile("<source protocol='rbd' name='p/i'><host name='fe80::1' port='6789'/></source>"));
        Assert.Equal("gluster+tcp://g.example/vol/a%3Fb%23c%25", DriveFile("<source protocol='gluster' name='vol/a?b#c%'><host name='g.example'/></source>"));
    }

    [Fact]
    public void Colon_quoting_round_trips_through_the_rbd_field_reader()
    {
        var random = new Random(20261102);
        for (var i = 0; i < 5000; i++)
        {
            var a = HostileReaders.HostileString(random);
            var b = HostileReaders.HostileString(random);
            var text = "rbd:" + ColonProtocol.Escape(a) + ":id=" + ColonProtocol.Escape(b);
            Assert.Equal(["rbd", a, "id=" + b], HostileReaders.ColonFields(text));
        }
    }
}
