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
    [InlineData("<video><driver vgaconf='io'/><model type='vga'/></video>", "domain/devices/video", "<video><driver>")]
    [InlineData("<serial type='pipe'><source path='/tmp/p'><seclabel model='dac' relabel='no'/></source></serial>",
        "domain/devices/serial", "<serial> <source><seclabel>")]
    [InlineData("<panic model='hyperv'/>", "domain/devices/panic", "<panic model='hyperv'>")]
    [InlineData("<watchdog model='diag288'/>", "domain/devices/watchdog", "<watchdog model='diag288'>")]
    [InlineData("<video><model type='gop'/></video>", "domain/devices/video", "<video><model type='gop'>")]
    [InlineData("<video><model type='virtio'><acceleration rendernode='/dev/dri/r'/></model></video>", "domain/devices/video", "<video><acceleration rendernode>")]
    [InlineData("<graphics type='dbus'/>", "domain/devices/graphics", "<graphics type='dbus'>")]
    [InlineData("<input type='keyboard' bus='virtio' model='virtio-transitional'/>", "domain/devices/input", "<input model>")]
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
