using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Tests.Build;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Hostile;

/// <summary>
/// Issue 11, item 11 (QEMU part): a disk's <c>&lt;serial&gt;</c> is not dropped on the QEMU 7.2 path, whose
/// probe (profiles/qemu-7.2-x86_64.json) has no <c>drive-serial</c>: it goes on the <c>-device</c>; where no
/// front end takes it, it is refused at the disk.
/// </summary>
public sealed class DiskSerialTests
{
    // What the probe of the 7.2 profile says about disks: -device and -blockdev, no -drive serial=.
    private static readonly EmulatorDescription Qemu72 = new()
    {
        Path = "/usr/bin/qemu-system-x86_64",
        Arch = "x86_64",
        Capabilities = QemuCapabilitySet.Parse("drive,device,drive-format,drive-readonly,ide-cd,scsi-cd,chardev,blockdev,explicit-booleans,floppy,accel").Set,
    };

    private static QemuBuildResult Build(string disk, EmulatorDescription emulator)
    {
        var parsed = DomainLoader.LoadText($"""
            <domain type='qemu'><name>g</name><memory>65536</memory><os><type arch='x86_64' machine='pc'>hvm</type></os>
            <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>
            {disk}</devices></domain>
            """, "serial.xml");
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        return QemuCommandBuilder.Build(parsed.Domain!, emulator, FocusedBuild.Host);
    }

    [Theory]
    [InlineData("vda", "virtio", "disk", "virtio-blk-pci")]
    [InlineData("hda", "ide", "disk", "ide-hd")]
    [InlineData("hdc", "ide", "cdrom", "ide-cd")]
    [InlineData("sda", "scsi", "disk", "scsi-hd")]
    [InlineData("sdb", "usb", "disk", "usb-storage")]
    public void On_qemu_7_2_the_serial_goes_on_the_device(string dev, string bus, string device, string type)
    {
        var result = Build($"<disk type='file' device='{device}'><source file='/tmp/a.img'/><target dev='{dev}' bus='{bus}'/><serial>WD-1,x=y</serial></disk>", Qemu72);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var words = result.CommandLine!.Words;
        var deviceOptions = HostileReaders.QemuOptions(FocusedBuild.ValueOf(words, "-device", type));
        Assert.Contains(("serial", "WD-1,x=y"), deviceOptions);
        // The disk is a -blockdev graph: there is no -drive that could hold the serial as well.
        Assert.DoesNotContain("-drive", words);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.Id == "DL4104");
    }

    [Fact]
    public void With_drive_serial_the_serial_stays_on_the_drive()
    {
        // An emulator with -drive serial= but no -blockdev (the disk is a -drive).
        var emulator = Qemu72 with { Capabilities = Qemu72.Capabilities.With([QemuCapability.DriveSerial]).Without([QemuCapability.Blockdev]) };
        var result = Build("<disk type='file' device='disk'><source file='/tmp/a.img'/><target dev='vda' bus='virtio'/><serial>S1</serial></disk>", emulator);

        Assert.Contains(("serial", "S1"), HostileReaders.QemuOptions(FocusedBuild.ValueOf(result.CommandLine!.Words, "-drive")));
    }

    [Fact]
    public void A_floppy_serial_has_no_place_and_is_refused_at_the_disk()
    {
        var result = Build("<disk type='file' device='floppy'><source file='/tmp/f.img'/><target dev='fda' bus='fdc'/><serial>S1</serial></disk>", Qemu72);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("DL4104", error.Code.Id);
        Assert.Equal(3, error.Location.Line);
        Assert.True(error.Location.Column > 0);
    }

    [Fact]
    public void A_reference_era_emulator_leaves_the_serial_out_as_the_reference_does_but_says_so()
    {
        var emulator = Qemu72 with { Capabilities = QemuCapabilitySet.Of(QemuCapability.Drive, QemuCapability.Device) };
        var result = Build("<disk type='file' device='disk'><source file='/tmp/a.img'/><target dev='vda' bus='virtio'/><serial>S1</serial></disk>", emulator);

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics, d => d.Code.Id == "DL4104");
        Assert.False(warning.IsError);
        Assert.DoesNotContain(result.CommandLine!.Args, a => a.Contains("serial=", StringComparison.Ordinal));
    }
}
