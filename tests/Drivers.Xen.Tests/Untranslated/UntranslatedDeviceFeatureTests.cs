using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Xen.Tests.Untranslated;

/// <summary>
/// The libvirt 9 device features the Xen writers read but do not write: a domain using one is
/// refused at its element (DL5041) by both the S-expression and the xm config writer.
/// </summary>
public sealed class UntranslatedDeviceFeatureTests
{
    private static string Hvm(string devices) => $"""
        <domain type='xen'>
          <name>g</name>
          <memory>1048576</memory>
          <os><type>hvm</type><loader>/usr/lib/xen/boot/hvmloader</loader></os>
          <devices>{devices}</devices>
        </domain>
        """;

    [Theory]
    [InlineData("<channel type='pty'><target type='xen' name='org.qemu.guest_agent.0'/></channel>", "domain/devices/channel", "<channel><target type='xen'>")]
    [InlineData("<audio id='1' type='none'/>", "domain/devices/audio", "<audio type='none'>")]
    [InlineData("<sound model='ich7'/>", "domain/devices/sound", "<sound model='ich7'>")]
    [InlineData("<video><model type='bochs'/></video>", "domain/devices/video", "<video><model type='bochs'>")]
    [InlineData("<graphics type='vnc' port='5900' powerControl='yes'/>", "domain/devices/graphics", "<graphics type='vnc' powerControl>")]
    [InlineData("<input type='passthrough' bus='virtio'><source evdev='/dev/input/event1'/></input>", "domain/devices/input", "<input type='passthrough'>")]
    [InlineData("<serial type='file'><source path='/tmp/s' append='on'/></serial>", "domain/devices/serial", "<serial> <source append>")]
    [InlineData("<tpm model='tpm-tis'><backend type='emulator' version='2.0'/></tpm>", "domain/devices/tpm", "<tpm>")]
    [InlineData("<memballoon model='xen'><stats period='5'/></memballoon>", "domain/devices/memballoon", "<memballoon><stats period>")]
    public void Both_writers_refuse_a_feature_they_do_not_write(string devices, string path, string what)
    {
        var parsed = DomainParser.ParseText(Hvm(devices));
        Assert.True(parsed.Domain is not null, string.Join("\n", parsed.Diagnostics));
        var sexpr = XenSexprBuilder.Build(parsed.Domain!, new XenTarget { ConfigVersion = (XendConfigVersion)2 });
        var xm = XmConfigBuilder.Build(parsed.Domain!, XenTarget.For((XendConfigVersion)2));
        Assert.Null(sexpr.Text);
        Assert.Null(xm.Text);
        foreach (var diagnostics in new[] { sexpr.Diagnostics, xm.Diagnostics })
        {
            var error = Assert.Single(diagnostics, d => d.Code.Id == "DL5041" && d.Message.StartsWith(what, StringComparison.Ordinal));
            Assert.Equal(path, error.Location.Path);
        }
    }
}
