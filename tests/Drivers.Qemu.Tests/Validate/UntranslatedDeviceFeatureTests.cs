using DomainLauncher.Drivers.Qemu.Tests.Build;
using DomainLauncher.Translator.Diagnostics;

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
    public void A_feature_the_driver_does_not_translate_is_refused_at_its_element(string devices, string path, string what) =>
        Assert.Contains("not translated for QEMU yet", RefusedAt(devices, path, what).Message);

    /// <summary>The one DL4310 refusal of <paramref name="what"/>, at <paramref name="path"/>; nothing is built.</summary>
    private static Diagnostic RefusedAt(string devices, string path, string what)
    {
        var result = FocusedBuild.Result(devices);
        Assert.Null(result.CommandLine);
        var error = Assert.Single(result.Diagnostics, d => d.Code.Id == "DL4310" && d.Message.StartsWith(what, StringComparison.Ordinal));
        Assert.Equal(path, error.Location.Path);
        return error;
    }

    /// <summary>
    /// An address type the driver places no device at, on each device family that carries an address besides the
    /// disks, controllers and other families the check first covered: the device is refused, not placed elsewhere.
    /// </summary>
    [Theory]
    [InlineData("<rng model='virtio'><backend model='random'>/dev/urandom</backend><address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0007'/></rng>",
        "domain/devices/rng", "<address type='ccw'>")]
    [InlineData("<tpm model='tpm-tis'><backend type='emulator'/><address type='unassigned'/></tpm>", "domain/devices/tpm", "<address type='unassigned'>")]
    [InlineData("<shmem name='m'><model type='ivshmem-plain'/><size unit='M'>4</size><address type='virtio-mmio'/></shmem>",
        "domain/devices/shmem", "<address type='virtio-mmio'>")]
    [InlineData("<panic model='isa'><address type='dimm' slot='0'/></panic>", "domain/devices/panic", "<address type='dimm'>")]
    [InlineData("<memory model='virtio-mem'><target><size unit='KiB'>524288</size><node>0</node><block unit='KiB'>2048</block></target><address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0001'/></memory>",
        "domain/devices/memory", "<address type='ccw'>")]
    [InlineData("<iommu model='virtio'><address type='pci' domain='0' bus='0' slot='9' function='0'><zpci uid='0x1' fid='0x1'/></address></iommu>",
        "domain/devices/iommu", "<zpci> in a PCI address")]
    [InlineData("<vsock model='virtio'><cid auto='no' address='3'/><address type='virtio-mmio'/></vsock>", "domain/devices/vsock", "<address type='virtio-mmio'>")]
    [InlineData("<nvram><address type='unassigned'/></nvram>", "domain/devices/nvram", "<address type='unassigned'>")]
    public void An_address_type_the_driver_places_no_device_at_is_refused_on_every_device_that_carries_one(string devices, string path, string what) =>
        RefusedAt(devices, path, what);

    [Fact]
    public void Devices_that_use_no_new_feature_still_build()
    {
        var words = FocusedBuild.Words(
            "<serial type='unix'><source mode='bind' path='/tmp/s'/><target port='0'/></serial>" +
            "<video><model type='cirrus'/></video><memballoon model='virtio'/><watchdog model='ib700' action='pause'/>");
        Assert.Contains("-watchdog", words);
    }
}
