using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Validate;

/// <summary>
/// libvirt 9's storage, filesystem, host device and interface parts the driver does not translate
/// are refused (DL4310) at the element that asks for them; libvirt 0.10.2's forms still build.
/// </summary>
public sealed class Libvirt9UntranslatedDeviceTests
{
    private static readonly EmulatorDescription Emulator = new()
    {
        Path = "/usr/bin/qemu-system-x86_64",
        Arch = "x86_64",
        Capabilities = QemuCapabilitySet.Of(QemuCapability.Device, QemuCapability.Drive, QemuCapability.DriveFormat,
            QemuCapability.DriveAio, QemuCapability.BootIndex, QemuCapability.Chardev),
        Machines = [new MachineType("pc", "pc-i440fx-7.2")],
        DeviceTypes = ["virtio-blk-pci", "virtio-net-pci", "e1000"],
        CpuModels = ["qemu64"],
    };

    /// <summary>Builds a domain whose devices start on line 4.</summary>
    private static QemuBuildResult Build(string devices)
    {
        var parsed = DomainLoader.LoadText($"""
            <domain type='qemu'><name>g</name><memory>219100</memory>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>
            {devices}
              </devices>
            </domain>
            """, "v9.xml");
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        return QemuCommandBuilder.Build(parsed.Domain!, Emulator, HostSettings.Default, new QemuBuildOptions());
    }

    private static Diagnostic Refusal(string devices)
    {
        var result = Build(devices);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Diagnostics, d => d.Code == QemuDiagnostics.NotTranslated);
    }

    [Fact]
    public void Io_uring_is_refused_at_the_disk_driver()
    {
        var error = Refusal("<disk type='file'><driver name='qemu' type='raw' io='io_uring'/><source file='/a.img'/><target dev='vda' bus='virtio'/></disk>");
        Assert.Contains("io='io_uring'", error.Message);
        Assert.Equal("domain/devices/disk/driver", error.Location.Path);
    }

    [Fact]
    public void A_backing_chain_is_refused_at_its_first_image()
    {
        var error = Refusal("<disk type='file'><source file='/a.img'/><backingStore type='file'><format type='raw'/><source file='/b.img'/></backingStore>" +
            "<target dev='vda' bus='virtio'/></disk>");
        Assert.Equal("domain/devices/disk/backingStore", error.Location.Path);
    }

    [Fact]
    public void Encryption_inside_the_source_is_refused_at_the_encryption()
    {
        var error = Refusal("<disk type='file'><source file='/a.img'><encryption format='luks'><secret type='passphrase' usage='v'/></encryption></source>" +
            "<target dev='vda' bus='virtio'/></disk>");
        Assert.Equal("domain/devices/disk/source/encryption", error.Location.Path);
    }

    [Fact]
    public void A_second_interface_address_is_refused_at_it()
    {
        var error = Refusal("<interface type='user'><ip address='10.0.2.15' family='ipv4' prefix='24'/><model type='e1000'/></interface>");
        Assert.Equal("domain/devices/interface/ip", error.Location.Path);
    }

    [Theory]
    [InlineData("<disk type='volume'><source pool='p' volume='v'/><target dev='vda' bus='virtio'/></disk>")]
    [InlineData("<disk type='nvme'><source type='pci' namespace='1'><address domain='0' bus='1' slot='0' function='0'/></source><target dev='vda' bus='virtio'/></disk>")]
    [InlineData("<disk type='vhostuser'><source type='unix' path='/s'/><target dev='vda' bus='virtio'/></disk>")]
    [InlineData("<disk type='network'><source protocol='nfs' name='/i'><host name='h'/></source><target dev='vda' bus='virtio'/></disk>")]
    [InlineData("<interface type='null'/>")]
    [InlineData("<interface type='vds'><source switchid='12345678-1234-1234-1234-123456789abc' portid='1' portgroupid='g' connectionid='2'/></interface>")]
    [InlineData("<filesystem type='mount'><source socket='/s'/><target dir='t'/></filesystem>")]
    public void Every_new_variant_is_refused_without_reaching_the_command_line(string device)
    {
        var error = Refusal(device);
        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public void Libvirt_0_10_2_storage_and_interfaces_are_not_refused()
    {
        var result = Build("<disk type='file'><driver name='qemu' type='raw' io='native'/><source file='/a.img'/><target dev='vda' bus='virtio'/></disk>\n" +
            "<interface type='user'><ip address='10.0.2.15'/><model type='e1000'/></interface>");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == QemuDiagnostics.NotTranslated);
    }
}
