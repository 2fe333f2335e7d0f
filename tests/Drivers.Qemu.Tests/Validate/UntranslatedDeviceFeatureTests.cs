using DomainLauncher.Drivers.Qemu.Tests.Build;

namespace DomainLauncher.Drivers.Qemu.Tests.Validate;

/// <summary>
/// The libvirt 9 display, audio, input, character device and other device features the driver reads
/// but does not translate: a domain using one is refused at its element (DL4310), never started
/// without it; a domain that does not use them builds as before.
/// </summary>
public sealed class UntranslatedDeviceFeatureTests
{
    [Theory]
    [InlineData("<audio id='1' type='pulseaudio'/>", "domain/devices/audio", "<audio type='pulseaudio'>")]
    [InlineData("<sound model='ich9'/>", "domain/devices/sound", "<sound model='ich9'>")]
    [InlineData("<sound model='ac97'><audio id='1'/></sound><audio id='1' type='none'/>", "domain/devices/sound", "<sound><audio id>")]
    [InlineData("<video><model type='virtio'/></video>", "domain/devices/video", "<video><model type='virtio'>")]
    [InlineData("<video><model type='qxl' vgamem='16384'/></video>", "domain/devices/video", "<video><model vgamem>")]
    [InlineData("<video><driver vgaconf='io'/><model type='vga'/></video>", "domain/devices/video", "<video><driver>")]
    [InlineData("<graphics type='egl-headless'/>", "domain/devices/graphics", "<graphics type='egl-headless'>")]
    [InlineData("<graphics type='vnc' port='5900' websocket='5700'/>", "domain/devices/graphics", "<graphics type='vnc' websocket>")]
    [InlineData("<graphics type='vnc'><listen type='none'/></graphics>", "domain/devices/graphics", "<graphics><listen type='none'>")]
    [InlineData("<input type='evdev'><source dev='/dev/input/event1'/></input>", "domain/devices/input", "<input type='evdev'>")]
    [InlineData("<input type='keyboard' bus='virtio'/>", "domain/devices/input", "<input bus='virtio'>")]
    [InlineData("<serial type='spiceport'><source channel='c'/></serial>", "domain/devices/serial", "<serial> type='spiceport'")]
    [InlineData("<serial type='pty'><target type='isa-debug'/></serial>", "domain/devices/serial", "<serial><target type='isa-debug'>")]
    [InlineData("<serial type='pty'><log file='/tmp/l'/></serial>", "domain/devices/serial", "<serial><log>")]
    [InlineData("<channel type='unix'><source mode='bind'/><target type='virtio' name='org.qemu.guest_agent.0'/></channel>",
        "domain/devices/channel", "<channel> type='unix' without a socket path")]
    [InlineData("<serial type='pipe'><source path='/tmp/p'><seclabel model='dac' relabel='no'/></source></serial>",
        "domain/devices/serial", "<serial> <source><seclabel>")]
    [InlineData("<panic model='hyperv'/>", "domain/devices/panic", "<panic model='hyperv'>")]
    [InlineData("<watchdog model='diag288'/>", "domain/devices/watchdog", "<watchdog model='diag288'>")]
    public void A_feature_the_driver_does_not_translate_is_refused_at_its_element(string devices, string path, string what)
    {
        var result = FocusedBuild.Result(devices);
        Assert.Null(result.CommandLine);
        var error = Assert.Single(result.Diagnostics, d => d.Code.Id == "DL4310" && d.Message.StartsWith(what, StringComparison.Ordinal));
        Assert.Equal(path, error.Location.Path);
        Assert.Contains("not translated for QEMU yet", error.Message);
    }

    [Fact]
    public void Devices_that_use_no_new_feature_still_build()
    {
        var words = FocusedBuild.Words(
            "<serial type='unix'><source mode='bind' path='/tmp/s'/><target port='0'/></serial>" +
            "<video><model type='cirrus'/></video><memballoon model='virtio'/><watchdog model='ib700' action='pause'/>");
        Assert.Contains("-watchdog", words);
    }
}
