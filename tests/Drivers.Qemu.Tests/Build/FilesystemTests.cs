using DomainLauncher.Drivers.Qemu.Capabilities;
using static DomainLauncher.Drivers.Qemu.Tests.Build.FocusedBuild;

namespace DomainLauncher.Drivers.Qemu.Tests.Build;

public sealed class FilesystemTests
{
    private static readonly QemuCapability[] Caps = [QemuCapability.Device, QemuCapability.Fsdev];

    [Fact]
    public void A_mount_is_a_local_fsdev_with_passthrough_by_default_and_a_9p_device_with_its_tag()
    {
        var argv = Words("<filesystem type='mount'><source dir='/src'/><target dir='tag'/></filesystem>", caps: Caps);
        ArgvAssert.Contains(argv,
            "-fsdev", "local,security_model=passthrough,id=fsdev-fs0,path=/src",
            "-device", "virtio-9p-pci,id=fs0,fsdev=fsdev-fs0,mount_tag=tag,bus=pci.0,addr=0x3");
    }

    [Fact]
    public void Mapped_squash_writeout_and_readonly_are_spelled_as_qemu_wants()
    {
        var argv = Words("""
            <filesystem accessmode='mapped'><driver type='path' wrpolicy='immediate'/><source dir='/a'/><target dir='a'/></filesystem>
            <filesystem accessmode='squash'><source dir='/b'/><target dir='b'/><readonly/></filesystem>
            """, caps: [.. Caps, QemuCapability.FsdevWriteout, QemuCapability.FsdevReadonly]);
        ArgvAssert.Contains(argv, "-fsdev", "local,security_model=mapped,writeout=immediate,id=fsdev-fs0,path=/a");
        ArgvAssert.Contains(argv, "-fsdev", "local,security_model=none,id=fsdev-fs1,path=/b,readonly");
    }

    [Fact]
    public void The_handle_driver_has_no_security_model()
    {
        var words = Words("<filesystem><driver type='handle'/><source dir='/h'/><target dir='h'/></filesystem>", caps: Caps);
        Assert.Equal("handle,id=fsdev-fs0,path=/h", ValueOf(words, "-fsdev"));
    }

    [Fact]
    public void Filesystems_take_pci_slots_before_network_interfaces()
    {
        var words = Words("<interface type='user'/><filesystem><source dir='/s'/><target dir='t'/></filesystem>",
            caps: [.. Caps, QemuCapability.Netdev]);
        Assert.EndsWith("mount_tag=t,bus=pci.0,addr=0x3", ValueOf(words, "-device", "virtio-9p-pci"));
        Assert.Contains("bus=pci.0,addr=0x4", ValueOf(words, "-device", "rtl8139"));
    }

    [Fact]
    public void Without_fsdev_a_filesystem_is_refused_naming_the_capability()
    {
        var error = Assert.Single(Result("<filesystem><source dir='/s'/><target dir='t'/></filesystem>", caps: QemuCapability.Device).Diagnostics);
        Assert.Equal("DL4050", error.Code.Id);
        Assert.Contains("'fsdev'", error.Message);
    }

    [Fact]
    public void Handle_with_mapped_access_is_refused()
    {
        var error = Assert.Single(Result("<filesystem accessmode='mapped'><driver type='handle'/><source dir='/s'/><target dir='t'/></filesystem>", caps: Caps).Diagnostics);
        Assert.Contains("'mapped'", error.Message);
    }

    [Fact]
    public void Writeout_without_its_capability_is_refused()
    {
        var error = Assert.Single(Result("<filesystem><driver wrpolicy='immediate'/><source dir='/s'/><target dir='t'/></filesystem>", caps: Caps).Diagnostics);
        Assert.Contains("'fsdev-writeout'", error.Message);
    }
}
