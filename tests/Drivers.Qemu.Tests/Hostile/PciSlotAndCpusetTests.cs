using System.Text;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Tests.Build;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Hostile;

/// <summary>
/// Issue 11, item 12 (QEMU part): a device that finds no PCI slot on bus 0 is refused at its element
/// instead of being emitted without an address, and <c>&lt;vcpu cpuset='zzz-garbage'&gt;</c> is refused at
/// the vcpu element.
/// </summary>
public sealed class PciSlotAndCpusetTests
{
    private static readonly QemuCapability[] Caps = [QemuCapability.Drive, QemuCapability.Device];

    private static string Disks(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
            text.Append($"\n<disk type='file' device='disk'><source file='/tmp/{i}.img'/><target dev='vd{(char)('a' + i / 26)}{(char)('a' + i % 26)}' bus='virtio'/></disk>");
        return text.ToString();
    }

    [Fact]
    public void The_devices_that_fit_in_bus_0_get_addresses()
    {
        // Slots 0-2 are the host bridge, PIIX3 and the video card; the balloon takes one more: 28 disks fit.
        var words = FocusedBuild.Words(Disks(28), caps: Caps);

        Assert.Equal(28, words.Count(w => w.StartsWith("virtio-blk-pci,", StringComparison.Ordinal) && w.Contains(",addr=0x", StringComparison.Ordinal)));
        Assert.DoesNotContain(words, w => w.StartsWith("virtio-blk-pci,", StringComparison.Ordinal) && !w.Contains(",addr=", StringComparison.Ordinal));
    }

    [Fact]
    public void A_device_beyond_the_last_slot_is_refused_at_its_element()
    {
        var result = FocusedBuild.Result(Disks(31), caps: Caps);

        Assert.False(result.Succeeded);
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.All(errors, e => Assert.Equal("DL4105", e.Code.Id));
        // The 30th and 31st disks (lines 33 and 34) and the balloon find no slot; each disk is named at its element.
        Assert.Contains(errors, e => e.Location.Line == 33);
        Assert.Contains(errors, e => e.Location.Line == 34);
        Assert.DoesNotContain(errors, e => e.Location.Line is > 3 and < 33);
    }

    [Theory]
    [InlineData("zzz-garbage")]
    [InlineData("1-")]
    [InlineData("3-1")]
    [InlineData("0,^0")]
    [InlineData("1,,2")]
    public void A_vcpu_cpuset_that_is_not_a_cpu_set_is_refused_at_the_vcpu(string cpuset)
    {
        var result = WithCpuset(cpuset);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("DL4106", error.Code.Id);
        Assert.Equal(2, error.Location.Line);
        Assert.True(error.Location.Column > 0);
    }

    [Fact]
    public void A_vcpu_cpuset_of_numbers_ranges_and_exclusions_is_accepted()
    {
        var result = WithCpuset("0-3,^2,8");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    private static QemuBuildResult WithCpuset(string cpuset)
    {
        var parsed = DomainLoader.LoadText($"""
            <domain type='qemu'><name>g</name><memory>65536</memory>
            <vcpu cpuset='{cpuset}'>2</vcpu><os><type arch='i686' machine='pc'>hvm</type></os>
            <devices><emulator>/usr/bin/qemu</emulator></devices></domain>
            """, "cpuset.xml");
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        var emulator = new EmulatorDescription { Path = "/usr/bin/qemu", Arch = "i686", Capabilities = QemuCapabilitySet.Of(Caps) };
        return QemuCommandBuilder.Build(parsed.Domain!, emulator, FocusedBuild.Host);
    }
}
