using DomainLauncher.Drivers.Qemu.Capabilities;
using static DomainLauncher.Drivers.Qemu.Tests.Build.FocusedBuild;

namespace DomainLauncher.Drivers.Qemu.Tests.Build;

public sealed class DiskFeatureTests
{
    private const string IdeDisk = "<disk type='file' device='disk'><source file='/d.img'/><target dev='hda' bus='ide'/>{0}</disk>";
    private const string IdeCdrom = "<disk type='file' device='cdrom'><source file='/c.iso'/><target dev='hdb' bus='ide'/></disk>";
    private static readonly QemuCapability[] DeviceCaps = [QemuCapability.Drive, QemuCapability.Device];

    private static string Disk(string extra) => string.Format(System.Globalization.CultureInfo.InvariantCulture, IdeDisk, extra);

    [Fact]
    public void Geometry_goes_on_the_drive_after_the_unit()
    {
        var words = Words(Disk("<geometry cyls='16383' heads='16' secs='63' trans='lba'/>"), caps: [QemuCapability.Drive]);
        Assert.Equal("file=/d.img,if=ide,bus=0,unit=0,cyls=16383,heads=16,secs=63,trans=lba", ValueOf(words, "-drive"));
    }

    [Fact]
    public void Geometry_without_translation_leaves_trans_out()
    {
        var words = Words(Disk("<geometry cyls='100' heads='4' secs='32'/>"), caps: [QemuCapability.Drive]);
        Assert.EndsWith("cyls=100,heads=4,secs=32", ValueOf(words, "-drive"));
    }

    [Fact]
    public void With_ide_cd_a_cdrom_is_an_ide_cd_device_and_the_drive_has_no_media()
    {
        var words = Words(IdeCdrom + Disk(""), caps: [.. DeviceCaps, QemuCapability.IdeCd]);
        Assert.Equal("file=/c.iso,if=none,id=drive-ide0-0-1", ValueOf(words, "-drive", "file=/c.iso"));
        Assert.StartsWith("ide-cd,bus=ide.0,unit=1,", ValueOf(words, "-device", "ide-cd"));
        Assert.StartsWith("ide-hd,bus=ide.0,unit=0,", ValueOf(words, "-device", "ide-hd"));
    }

    [Fact]
    public void A_given_drive_address_names_the_alias()
    {
        var given = Words(Disk("<address type='drive' controller='0' bus='1' unit='1'/>"), caps: DeviceCaps);
        Assert.Contains("id=drive-ide0-1-1", ValueOf(given, "-drive"));
        var noBus = Words(Disk("<address type='drive' controller='0' unit='1'/>"), caps: DeviceCaps);
        Assert.Contains("id=drive-ide0-0-1", ValueOf(noBus, "-drive"));
    }

    [Fact]
    public void Without_ide_cd_a_cdrom_is_an_ide_drive_with_media_cdrom()
    {
        var words = Words(IdeCdrom, caps: DeviceCaps);
        Assert.Equal("file=/c.iso,if=none,media=cdrom,id=drive-ide0-0-1", ValueOf(words, "-drive"));
        Assert.StartsWith("ide-drive,bus=ide.0,unit=1,", ValueOf(words, "-device", "ide-drive"));
    }

    [Fact]
    public void A_wwn_written_with_or_without_0x_is_the_integer_property_with_one_0x()
    {
        foreach (var given in new[] { "5000c50015ea71ad", "0x5000c50015ea71ad" })
        {
            var words = Words(Disk($"<wwn>{given}</wwn>"), caps: [.. DeviceCaps, QemuCapability.IdeCd, QemuCapability.IdeDriveWwn, QemuCapability.WwnInteger]);
            Assert.EndsWith(",wwn=0x5000c50015ea71ad", ValueOf(words, "-device", "ide-hd"));
        }
    }

    [Fact]
    public void Wwn_follows_the_device_id()
    {
        var words = Words(Disk("<wwn>5000c50015ea71ad</wwn>"), caps: [.. DeviceCaps, QemuCapability.IdeCd, QemuCapability.IdeDriveWwn]);
        Assert.Equal("ide-hd,bus=ide.0,unit=0,drive=drive-ide0-0-0,id=ide0-0-0,wwn=5000c50015ea71ad", ValueOf(words, "-device", "ide-hd"));
    }

    [Fact]
    public void Wwn_without_the_capability_is_refused_naming_it()
    {
        var result = Result(Disk("<wwn>5000c50015ea71ad</wwn>"), caps: DeviceCaps);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("DL4050", error.Code.Id);
        Assert.Contains("'ide-drive.wwn'", error.Message);
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void Wwn_on_a_virtio_disk_is_refused()
    {
        var result = Result("<disk type='file'><source file='/v.img'/><target dev='vda' bus='virtio'/><wwn>5000c50015ea71ad</wwn></disk>",
            caps: [.. DeviceCaps, QemuCapability.IdeDriveWwn, QemuCapability.ScsiDiskWwn]);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("DL4052", error.Code.Id);
        Assert.Contains("'virtio'", error.Message);
    }

    [Fact]
    public void Block_sizes_follow_the_device_id()
    {
        var words = Words(Disk("<blockio logical_block_size='512' physical_block_size='4096'/>"),
            caps: [.. DeviceCaps, QemuCapability.IdeCd, QemuCapability.Blockio]);
        Assert.EndsWith("id=ide0-0-0,logical_block_size=512,physical_block_size=4096", ValueOf(words, "-device", "ide-hd"));
    }

    [Fact]
    public void Block_sizes_without_the_capability_are_refused()
    {
        var error = Assert.Single(Result(Disk("<blockio logical_block_size='512'/>"), caps: DeviceCaps).Diagnostics);
        Assert.Contains("'blockio'", error.Message);
    }

    [Fact]
    public void A_second_ide_controller_takes_a_pci_slot_though_it_has_no_option()
    {
        var words = Words("<controller type='ide' index='0'/><controller type='ide' index='1'/><memballoon model='virtio'/>", caps: DeviceCaps);
        Assert.Equal("virtio-balloon-pci,id=balloon0,bus=pci.0,addr=0x4", ValueOf(words, "-device", "virtio-balloon"));
    }

    private const string Rbd = """
        <disk type='network' device='disk'>{0}
          <source protocol='rbd' name='pool/image'><host name='mon1' port='6321'/><host name='mon2'/></source>
          <target dev='vda' bus='virtio'/></disk>
        """;

    private static string RbdDisk(string auth) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Rbd, auth);

    [Fact]
    public void Rbd_without_auth_says_no_authentication_and_lists_the_monitors()
    {
        var words = Words(RbdDisk(""), caps: [QemuCapability.Drive]);
        Assert.Equal(@"file=rbd:pool/image:auth_supported=none:mon_host=mon1\:6321\;mon2,if=virtio", ValueOf(words, "-drive"));
    }

    [Fact]
    public void Rbd_with_auth_carries_the_user_and_the_base64_of_the_host_secret()
    {
        var words = Words(RbdDisk("<auth username='user'><secret type='ceph' usage='cluster_user'/></auth>"), caps: [QemuCapability.Drive]);
        Assert.StartsWith(@"file=rbd:pool/image:id=user:key=QVFDVm41aE82SHpGQWhBQXEwTkN2OGp0SmNJY0UrSE9CbE1RMUE=:auth_supported=cephx\;none:mon_host=",
            ValueOf(words, "-drive"));
    }

    [Fact]
    public void Rbd_auth_naming_a_secret_the_host_lacks_is_refused_with_the_auth_location()
    {
        var result = Result(RbdDisk("<auth username='user'><secret type='ceph' usage='other'/></auth>"), caps: [QemuCapability.Drive]);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("DL4100", error.Code.Id);
        Assert.Contains("usage 'other'", error.Message);
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void Geometry_without_drive_is_refused_since_the_legacy_options_cannot_carry_it()
    {
        var error = Assert.Single(Result(Disk("<geometry cyls='1' heads='1' secs='1'/>")).Diagnostics);
        Assert.Contains("'drive'", error.Message);
    }

    [Fact]
    public void Wwn_without_device_is_refused()
    {
        var error = Assert.Single(Result(Disk("<wwn>5000c50015ea71ad</wwn>"), caps: QemuCapability.Drive).Diagnostics);
        Assert.Contains("'device'", error.Message);
    }
}
