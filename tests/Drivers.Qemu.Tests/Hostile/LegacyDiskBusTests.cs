using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Tests.Build;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Hostile;

/// <summary>
/// Documents validate accepts never reach an emitter that cannot write them: with <c>-drive</c> but no
/// <c>-device</c> (an emulator described as <c>--caps drive</c>) a USB disk is <c>-usbdevice disk:</c> and a
/// SATA disk is refused at its target; neither is an internal error.
/// </summary>
public sealed class LegacyDiskBusTests
{
    private static QemuBuildResult Build(string bus)
    {
        var parsed = DomainLoader.LoadText($"""
            <domain type='qemu'><name>g</name><memory>65536</memory><os><type arch='x86_64' machine='pc'>hvm</type></os>
            <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>
            <disk type='file' device='disk'><source file='/tmp/a.img'/><target dev='sdb' bus='{bus}'/></disk></devices></domain>
            """, "legacy.xml");
        var emulator = new EmulatorDescription { Path = "/usr/bin/qemu-system-x86_64", Arch = "x86_64", Capabilities = QemuCapabilitySet.Of(QemuCapability.Drive) };
        return QemuCommandBuilder.Build(parsed.Domain!, emulator, HostSettings.Default);
    }

    [Fact]
    public void A_usb_disk_without_device_syntax_is_a_usbdevice_disk()
    {
        var result = Build("usb");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        ArgvAssert.Contains(result.CommandLine!.Args, "-usbdevice", "disk:/tmp/a.img");
        Assert.DoesNotContain("-drive", result.CommandLine.Args);
    }

    [Fact]
    public void A_sata_disk_without_device_syntax_is_refused_at_its_target()
    {
        var result = Build("sata");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("DL4052", error.Code.Id);
        Assert.Equal((3, 61), (error.Location.Line, error.Location.Column));
        Assert.Contains("'device'", error.Message);
    }
}
