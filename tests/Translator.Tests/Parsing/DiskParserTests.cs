using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

public sealed class DiskParserTests
{
    // The devices start on line 5 of the document.
    private static DomainParseResult Parse(string devices) => DeviceDocument.Parse(devices);

    private static Disk OnlyDisk(string devices)
    {
        var result = Parse(devices);
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Domain!.Devices.Disks);
    }

    private static Diagnostic OnlyError(string devices)
    {
        var result = Parse(devices);
        return Assert.Single(result.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void File_disk_with_every_common_element_is_read_into_the_model()
    {
        var disk = OnlyDisk("""
            <disk type='file' device='disk' snapshot='external'>
              <driver name='qemu' type='qcow2' cache='writeback' error_policy='enospace' rerror_policy='report' io='native' ioeventfd='on' event_idx='off' copy_on_read='on'/>
              <source file='/images/a.qcow2'/>
              <target dev='vda' bus='virtio'/>
              <readonly/>
              <shareable/>
              <transient/>
              <serial>WD-WMAP9A966149</serial>
              <wwn>5000c50015ea71ad</wwn>
              <boot order='2'/>
              <alias name='virtio-disk0'/>
              <address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/>
            </disk>
            """);
        Assert.Equal(DiskType.File, disk.Type);
        Assert.Equal(DiskDevice.Disk, disk.Device);
        Assert.Equal(DiskSnapshot.External, disk.Snapshot);
        var driver = disk.Driver!;
        Assert.Equal("qemu", driver.Name);
        Assert.Equal(DiskFormat.Qcow2, driver.Format);
        Assert.Equal(DiskCache.Writeback, driver.Cache);
        Assert.Equal(DiskErrorPolicy.Enospace, driver.ErrorPolicy);
        Assert.Equal(DiskErrorPolicy.Report, driver.ReadErrorPolicy);
        Assert.Equal(DiskIo.Native, driver.Io);
        Assert.True(driver.IoEventFd);
        Assert.False(driver.EventIdx);
        Assert.True(driver.CopyOnRead);
        var source = Assert.IsType<FileDiskSource>(disk.Source);
        Assert.Equal("/images/a.qcow2", source.File);
        Assert.Null(source.StartupPolicy);
        Assert.Equal("vda", disk.Target.Dev);
        Assert.Equal(DiskBus.Virtio, disk.Target.Bus);
        Assert.True(disk.ReadOnly);
        Assert.True(disk.Shareable);
        Assert.True(disk.Transient);
        Assert.Equal("WD-WMAP9A966149", disk.Serial);
        Assert.Equal("5000c50015ea71ad", disk.Wwn);
        Assert.Equal(2u, disk.BootOrder);
        Assert.Equal("virtio-disk0", disk.Alias);
        var address = Assert.IsType<PciAddress>(disk.Address);
        Assert.Equal(4u, address.Slot);
        Assert.Equal(5, disk.Location.Line);
    }

    [Fact]
    public void Absent_optional_parts_of_a_disk_stay_null_or_false()
    {
        var disk = OnlyDisk("<disk type='block'><source dev='/dev/sda'/><target dev='hda'/></disk>");
        Assert.Null(disk.Device);
        Assert.Null(disk.RawIo);
        Assert.Null(disk.Sgio);
        Assert.Null(disk.Snapshot);
        Assert.Null(disk.Driver);
        Assert.Null(disk.Target.Bus);
        Assert.Null(disk.Target.Tray);
        Assert.Null(disk.IoTune);
        Assert.False(disk.ReadOnly);
        Assert.False(disk.Shareable);
        Assert.False(disk.Transient);
        Assert.Null(disk.Serial);
        Assert.Null(disk.Wwn);
        Assert.Null(disk.Encryption);
        Assert.Null(disk.Geometry);
        Assert.Null(disk.BlockIo);
        Assert.Null(disk.BootOrder);
        Assert.Null(disk.Auth);
        Assert.Null(disk.Mirror);
        Assert.Null(disk.Address);
        Assert.Null(disk.Alias);
        Assert.Equal("/dev/sda", Assert.IsType<BlockDiskSource>(disk.Source).Dev);
        Assert.Empty(disk.Source!.SecurityLabels);
    }

    [Fact]
    public void Disk_without_type_keeps_type_null_and_reads_its_source_as_a_file()
    {
        var disk = OnlyDisk("<disk><source file='/a.img'/><target dev='hda'/></disk>");
        Assert.Null(disk.Type);
        Assert.Equal("/a.img", Assert.IsType<FileDiskSource>(disk.Source).File);
    }

    [Fact]
    public void Empty_cdrom_without_source_has_a_null_source()
    {
        var disk = OnlyDisk("<disk type='file' device='cdrom'><target dev='hdc' bus='ide' tray='open'/><readonly/></disk>");
        Assert.Null(disk.Source);
        Assert.Equal(DiskDevice.Cdrom, disk.Device);
        Assert.Equal(TrayState.Open, disk.Target.Tray);
    }

    [Fact]
    public void Cdrom_source_may_carry_a_startup_policy_without_a_file()
    {
        var disk = OnlyDisk("<disk type='file' device='cdrom'><source startupPolicy='optional'/><target dev='hdc'/></disk>");
        var source = Assert.IsType<FileDiskSource>(disk.Source);
        Assert.Null(source.File);
        Assert.Equal(StartupPolicy.Optional, source.StartupPolicy);
    }

    [Fact]
    public void Requisite_startup_policy_on_a_hard_disk_is_an_error()
    {
        var error = OnlyError("<disk type='file'><source file='/a.img' startupPolicy='requisite'/><target dev='hda'/></disk>");
        Assert.Equal(DiagnosticCatalog.InconsistentValue, error.Code);
        Assert.Contains("startupPolicy", error.Message);
        Assert.Equal("domain/devices/disk/source/@startupPolicy", error.Location.Path);
    }

    [Fact]
    public void File_disk_source_without_a_file_is_an_error_for_a_hard_disk()
    {
        var error = OnlyError("<disk type='file' device='disk'><source/><target dev='hda'/></disk>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'file'", error.Message);
    }

    [Fact]
    public void Unknown_startup_policy_is_an_error_naming_the_allowed_policies()
    {
        var error = OnlyError("<disk type='file' device='cdrom'><source file='/a.iso' startupPolicy='maybe'/><target dev='hdc'/></disk>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'maybe'", error.Message);
        Assert.Contains("mandatory, requisite, optional", error.Message);
    }

    [Fact]
    public void Dir_disk_reads_its_directory()
    {
        var disk = OnlyDisk("<disk type='dir' device='floppy'><driver name='qemu' type='fat'/><source dir='/var/files'/><target dev='fda'/></disk>");
        Assert.Equal("/var/files", Assert.IsType<DirDiskSource>(disk.Source).Dir);
        Assert.Equal(DiskFormat.Fat, disk.Driver!.Format);
    }

    [Fact]
    public void Block_disk_source_without_dev_is_an_error()
    {
        var error = OnlyError("<disk type='block'><source/><target dev='hda'/></disk>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'dev'", error.Message);
    }

    [Fact]
    public void Network_disk_reads_protocol_name_and_every_host()
    {
        var disk = OnlyDisk("""
            <disk type='network' device='disk'>
              <source protocol='rbd' name='pool/image'>
                <host name='mon1.example.org' port='6321'/>
                <host name='mon2.example.org' port='6322' transport='tcp'/>
              </source>
              <target dev='vda' bus='virtio'/>
            </disk>
            """);
        var source = Assert.IsType<NetworkDiskSource>(disk.Source);
        Assert.Equal(DiskProtocol.Rbd, source.Protocol);
        Assert.Equal("pool/image", source.Name);
        Assert.Equal(2, source.Hosts.Length);
        Assert.Equal("mon1.example.org", source.Hosts[0].Name);
        Assert.Equal(6321u, source.Hosts[0].Port);
        Assert.Null(source.Hosts[0].Transport);
        Assert.Equal(HostTransport.Tcp, source.Hosts[1].Transport);
    }

    [Fact]
    public void Network_host_over_a_unix_socket_has_a_socket_and_no_name()
    {
        var disk = OnlyDisk("""
            <disk type='network'><source protocol='gluster' name='Volume/Image'><host transport='unix' socket='/run/sock'/></source><target dev='vdb'/></disk>
            """);
        var host = Assert.Single(Assert.IsType<NetworkDiskSource>(disk.Source).Hosts);
        Assert.Equal(HostTransport.Unix, host.Transport);
        Assert.Equal("/run/sock", host.Socket);
        Assert.Null(host.Name);
        Assert.Null(host.Port);
    }

    [Fact]
    public void Nbd_source_may_leave_out_the_name()
    {
        var disk = OnlyDisk("<disk type='network'><source protocol='nbd'><host name='example.org' port='6000'/></source><target dev='vda'/></disk>");
        Assert.Null(Assert.IsType<NetworkDiskSource>(disk.Source).Name);
    }

    [Fact]
    public void Rbd_source_without_a_name_is_an_error()
    {
        var error = OnlyError("<disk type='network'><source protocol='rbd'/><target dev='vda'/></disk>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'name'", error.Message);
        Assert.Contains("'rbd'", error.Message);
    }

    [Fact]
    public void Unknown_network_protocol_is_an_error_naming_the_allowed_protocols()
    {
        var error = OnlyError("<disk type='network'><source protocol='smb' name='x'/><target dev='vda'/></disk>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'smb'", error.Message);
        Assert.Contains("nbd, rbd, sheepdog, gluster, iscsi, http, https, ftp, ftps, tftp", error.Message);
    }

    [Fact]
    public void Unix_transport_without_socket_is_an_error()
    {
        var error = OnlyError("<disk type='network'><source protocol='gluster' name='v/i'><host transport='unix'/></source><target dev='vda'/></disk>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'socket'", error.Message);
    }

    [Fact]
    public void Socket_with_tcp_transport_is_an_error()
    {
        var error = OnlyError("<disk type='network'><source protocol='gluster' name='v/i'><host name='h' socket='/s'/></source><target dev='vda'/></disk>");
        Assert.Equal(DiagnosticCatalog.InconsistentValue, error.Code);
        Assert.Equal("domain/devices/disk/source/host/@socket", error.Location.Path);
    }

    [Fact]
    public void Host_port_above_65535_is_out_of_range()
    {
        var error = OnlyError("<disk type='network'><source protocol='nbd'><host name='h' port='70000'/></source><target dev='vda'/></disk>");
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, error.Code);
        Assert.Contains("70000", error.Message);
    }

    [Fact]
    public void Unknown_disk_type_is_an_error_naming_the_allowed_types()
    {
        var error = OnlyError("<disk type='lvm'><source pool='p' volume='v'/><target dev='vda'/></disk>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'lvm'", error.Message);
        Assert.Contains("file, block, dir, network, volume, nvme, vhostuser", error.Message);
    }

    [Fact]
    public void Unknown_disk_device_is_an_error_naming_the_allowed_devices()
    {
        var error = OnlyError("<disk type='file' device='tape'><source file='/a'/><target dev='hda'/></disk>");
        Assert.Contains("'tape'", error.Message);
        Assert.Contains("disk, cdrom, floppy, lun", error.Message);
    }

    [Fact]
    public void Disk_with_unknown_bus_is_an_error_naming_the_allowed_buses()
    {
        var error = OnlyError("<disk type='file'>\n  <source file='/a.img'/>\n  <target dev='hda' bus='pata'/>\n</disk>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'pata'", error.Message);
        Assert.Contains("ide, fdc, scsi, virtio, xen, usb, uml, sata, sd", error.Message);
        Assert.Equal(7, error.Location.Line);
        Assert.Equal(21, error.Location.Column);
        Assert.Equal("domain/devices/disk/target/@bus", error.Location.Path);
    }

    [Fact]
    public void Disk_without_target_is_an_error_and_yields_no_disk()
    {
        var result = Parse("<disk type='file'><source file='/a.img'/></disk>");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.MissingElement, error.Code);
        Assert.Contains("<target>", error.Message);
        Assert.Null(result.Domain);
    }

    [Fact]
    public void Target_without_dev_is_an_error()
    {
        var error = OnlyError("<disk type='file'><source file='/a.img'/><target bus='ide'/></disk>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'dev'", error.Message);
    }

    [Fact]
    public void Xen_target_with_ioemu_prefix_is_kept_as_written()
    {
        var disk = OnlyDisk("<disk type='file'><driver name='file'/><source file='/a.img'/><target dev='ioemu:hda'/></disk>");
        Assert.Equal("ioemu:hda", disk.Target.Dev);
        Assert.Equal("file", disk.Driver!.Name);
    }

    [Fact]
    public void Xen_blktap_driver_keeps_its_name_and_aio_type()
    {
        var disk = OnlyDisk("<disk type='file'><driver name='tap' type='aio'/><source file='/a.img'/><target dev='xvda' bus='xen'/></disk>");
        Assert.Equal("tap", disk.Driver!.Name);
        Assert.Equal(DiskFormat.Aio, disk.Driver.Format);
        Assert.Equal(DiskBus.Xen, disk.Target.Bus);
    }

    [Fact]
    public void Unknown_driver_type_is_an_error_naming_the_allowed_formats()
    {
        var error = OnlyError("<disk type='file'><driver name='qemu' type='vdi2'/><source file='/a'/><target dev='hda'/></disk>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'vdi2'", error.Message);
        Assert.Contains("raw, dir, bochs, cloop, cow, dmg, iso, qcow, qcow2, qed, vmdk, vpc, fat, vhd, aio", error.Message);
    }

    [Fact]
    public void Unknown_cache_mode_is_an_error_naming_the_allowed_modes()
    {
        var error = OnlyError("<disk type='file'><driver cache='fast'/><source file='/a'/><target dev='hda'/></disk>");
        Assert.Contains("'fast'", error.Message);
        Assert.Contains("default, none, writethrough, writeback, directsync, unsafe", error.Message);
    }

    [Fact]
    public void Read_error_policy_enospace_is_an_error_naming_the_read_policies()
    {
        var error = OnlyError("<disk type='file'><driver rerror_policy='enospace'/><source file='/a'/><target dev='hda'/></disk>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("allowed: stop, report, ignore", error.Message);
        Assert.DoesNotContain("allowed: stop, report, ignore, enospace", error.Message);
    }

    [Fact]
    public void Driver_on_off_switch_with_another_word_is_an_error()
    {
        var error = OnlyError("<disk type='file'><driver ioeventfd='yes'/><source file='/a'/><target dev='hda'/></disk>");
        Assert.Contains("on, off", error.Message);
    }

    [Fact]
    public void Iotune_reads_all_six_limits()
    {
        var disk = OnlyDisk("""
            <disk type='block'><source dev='/dev/b'/><target dev='vda'/>
              <iotune><read_bytes_sec>1</read_bytes_sec><write_bytes_sec>2</write_bytes_sec>
                <read_iops_sec>3</read_iops_sec><write_iops_sec>4</write_iops_sec></iotune></disk>
            """);
        var tune = disk.IoTune!;
        Assert.Equal(1ul, tune.ReadBytesSec);
        Assert.Equal(2ul, tune.WriteBytesSec);
        Assert.Equal(3ul, tune.ReadIopsSec);
        Assert.Equal(4ul, tune.WriteIopsSec);
        Assert.Null(tune.TotalBytesSec);
        Assert.Null(tune.TotalIopsSec);

        var totals = OnlyDisk("<disk type='block'><source dev='/dev/b'/><target dev='vda'/><iotune><total_bytes_sec>5000</total_bytes_sec><total_iops_sec>6000</total_iops_sec></iotune></disk>").IoTune!;
        Assert.Equal(5000ul, totals.TotalBytesSec);
        Assert.Equal(6000ul, totals.TotalIopsSec);
    }

    [Fact]
    public void Total_bytes_with_read_bytes_is_inconsistent()
    {
        var error = OnlyError("<disk type='block'><source dev='/dev/b'/><target dev='vda'/><iotune><total_bytes_sec>5</total_bytes_sec><read_bytes_sec>5</read_bytes_sec></iotune></disk>");
        Assert.Equal(DiagnosticCatalog.InconsistentValue, error.Code);
        Assert.Contains("total_bytes_sec", error.Message);
        Assert.Equal("domain/devices/disk/iotune", error.Location.Path);
    }

    [Fact]
    public void Total_iops_with_write_iops_is_inconsistent()
    {
        var error = OnlyError("<disk type='block'><source dev='/dev/b'/><target dev='vda'/><iotune><total_iops_sec>5</total_iops_sec><write_iops_sec>5</write_iops_sec></iotune></disk>");
        Assert.Equal(DiagnosticCatalog.InconsistentValue, error.Code);
        Assert.Contains("total_iops_sec", error.Message);
    }

    [Fact]
    public void Total_bytes_with_read_iops_is_allowed()
    {
        var tune = OnlyDisk("<disk type='block'><source dev='/dev/b'/><target dev='vda'/><iotune><total_bytes_sec>5</total_bytes_sec><read_iops_sec>5</read_iops_sec></iotune></disk>").IoTune!;
        Assert.Equal(5ul, tune.TotalBytesSec);
        Assert.Equal(5ul, tune.ReadIopsSec);
    }

    [Fact]
    public void Negative_iotune_value_is_an_error()
    {
        var error = OnlyError("<disk type='block'><source dev='/dev/b'/><target dev='vda'/><iotune><total_iops_sec>-1</total_iops_sec></iotune></disk>");
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, error.Code);
    }

    [Theory]
    [InlineData("5000c50015ea71a")]
    [InlineData("5000c50015ea71adx")]
    [InlineData("zz00c50015ea71ad")]
    public void Wwn_that_is_not_16_hex_digits_is_an_error(string wwn)
    {
        var error = OnlyError($"<disk type='block'><source dev='/dev/b'/><target dev='sda' bus='scsi'/><wwn>{wwn}</wwn></disk>");
        Assert.Equal(DiagnosticCatalog.InvalidValue, error.Code);
        Assert.Contains(wwn, error.Message);
    }

    [Fact]
    public void Wwn_may_carry_a_0x_prefix()
    {
        Assert.Equal("0x5000c50015ea71ad",
            OnlyDisk("<disk type='block'><source dev='/dev/b'/><target dev='sda'/><wwn>0x5000c50015ea71ad</wwn></disk>").Wwn);
    }

    [Fact]
    public void Encryption_reads_format_and_secrets()
    {
        var disk = OnlyDisk("""
            <disk type='file'><source file='/a.qcow'/><target dev='vda'/>
              <encryption format='qcow'><secret type='passphrase' uuid='c1f11a6d-8c5d-4a3e-ac7a-4e171c5e0d4a'/></encryption></disk>
            """);
        var encryption = disk.Encryption!;
        Assert.Equal(DiskEncryptionFormat.Qcow, encryption.Format);
        var secret = Assert.Single(encryption.Secrets);
        Assert.Equal(EncryptionSecretType.Passphrase, secret.Type);
        Assert.Equal(Guid.Parse("c1f11a6d-8c5d-4a3e-ac7a-4e171c5e0d4a"), secret.Uuid);
    }

    [Fact]
    public void Encryption_secret_with_a_bad_uuid_is_an_error()
    {
        var error = OnlyError("<disk type='file'><source file='/a'/><target dev='vda'/><encryption format='qcow'><secret type='passphrase' uuid='nope'/></encryption></disk>");
        Assert.Equal(DiagnosticCatalog.InvalidValue, error.Code);
        Assert.Contains("'nope'", error.Message);
    }

    [Fact]
    public void Geometry_reads_cylinders_heads_sectors_and_translation()
    {
        var geometry = OnlyDisk("<disk type='file'><source file='/a'/><target dev='hda'/><geometry cyls='16383' heads='16' secs='63' trans='lba'/></disk>").Geometry!;
        Assert.Equal(16383u, geometry.Cylinders);
        Assert.Equal(16u, geometry.Heads);
        Assert.Equal(63u, geometry.Sectors);
        Assert.Equal(GeometryTranslation.Lba, geometry.Translation);
    }

    [Fact]
    public void Geometry_without_heads_is_an_error()
    {
        var error = OnlyError("<disk type='file'><source file='/a'/><target dev='hda'/><geometry cyls='1' secs='63'/></disk>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'heads'", error.Message);
    }

    [Fact]
    public void Unknown_geometry_translation_is_an_error_naming_the_allowed_ones()
    {
        var error = OnlyError("<disk type='file'><source file='/a'/><target dev='hda'/><geometry cyls='1' heads='1' secs='1' trans='chs'/></disk>");
        Assert.Contains("none, auto, lba", error.Message);
    }

    [Fact]
    public void Blockio_reads_both_block_sizes()
    {
        var blockIo = OnlyDisk("<disk type='file'><source file='/a'/><target dev='hda'/><blockio logical_block_size='512' physical_block_size='4096'/></disk>").BlockIo!;
        Assert.Equal(512u, blockIo.LogicalBlockSize);
        Assert.Equal(4096u, blockIo.PhysicalBlockSize);
    }

    [Fact]
    public void Auth_reads_username_and_secret_by_usage()
    {
        var auth = OnlyDisk("""
            <disk type='network'><source protocol='rbd' name='pool/image'/><target dev='vda'/>
              <auth username='myname'><secret type='ceph' usage='mycluster_myname'/></auth></disk>
            """).Auth!;
        Assert.Equal("myname", auth.Username);
        Assert.Equal(AuthSecretType.Ceph, auth.Secret.Type);
        Assert.Equal("mycluster_myname", auth.Secret.Usage);
        Assert.Null(auth.Secret.Uuid);
    }

    [Fact]
    public void Auth_secret_by_uuid_is_read()
    {
        var auth = OnlyDisk("""
            <disk type='network'><source protocol='iscsi' name='iqn.2013-07.com.example:iscsi/1'/><target dev='vda'/>
              <auth username='u'><secret type='iscsi' uuid='c1f11a6d8c5d4a3eac7a4e171c5e0d4a'/></auth></disk>
            """).Auth!;
        Assert.Equal(AuthSecretType.Iscsi, auth.Secret.Type);
        Assert.Equal(Guid.Parse("c1f11a6d-8c5d-4a3e-ac7a-4e171c5e0d4a"), auth.Secret.Uuid);
    }

    [Fact]
    public void Auth_secret_with_both_uuid_and_usage_is_inconsistent()
    {
        var error = OnlyError("<disk type='network'><source protocol='rbd' name='p/i'/><target dev='vda'/><auth username='u'><secret type='ceph' usage='x' uuid='c1f11a6d8c5d4a3eac7a4e171c5e0d4a'/></auth></disk>");
        Assert.Equal(DiagnosticCatalog.InconsistentValue, error.Code);
    }

    [Fact]
    public void Auth_secret_with_neither_uuid_nor_usage_is_an_error()
    {
        var error = OnlyError("<disk type='network'><source protocol='rbd' name='p/i'/><target dev='vda'/><auth username='u'><secret type='ceph'/></auth></disk>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
    }

    [Fact]
    public void Auth_without_secret_is_an_error()
    {
        var error = OnlyError("<disk type='network'><source protocol='rbd' name='p/i'/><target dev='vda'/><auth username='u'/></disk>");
        Assert.Equal(DiagnosticCatalog.MissingElement, error.Code);
        Assert.Contains("<secret>", error.Message);
    }

    [Fact]
    public void Mirror_reads_file_format_and_ready()
    {
        var mirror = OnlyDisk("<disk type='file'><source file='/a'/><mirror file='/b.copy' format='qcow2' ready='yes'/><target dev='vda'/></disk>").Mirror!;
        Assert.Equal("/b.copy", mirror.File);
        Assert.Equal(DiskFormat.Qcow2, mirror.Format);
        Assert.Equal(MirrorReady.Yes, mirror.Ready);
    }

    [Fact]
    public void Mirror_without_file_is_an_error()
    {
        var error = OnlyError("<disk type='file'><source file='/a'/><mirror format='raw'/><target dev='vda'/></disk>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
    }

    [Fact]
    public void Source_security_labels_are_read()
    {
        var disk = OnlyDisk("""
            <disk type='file'><source file='/a'>
                <seclabel model='selinux' relabel='no'/>
                <seclabel model='dac' relabel='yes'><label>system_u:system_r:public_content_t:s0</label></seclabel>
              </source><target dev='hda'/></disk>
            """);
        var labels = disk.Source!.SecurityLabels;
        Assert.Equal(2, labels.Length);
        Assert.Equal("selinux", labels[0].Model);
        Assert.False(labels[0].Relabel);
        Assert.True(labels[1].Relabel);
        Assert.Equal("system_u:system_r:public_content_t:s0", labels[1].Label);
    }

    [Fact]
    public void Lun_on_a_block_device_reads_rawio_and_sgio()
    {
        var disk = OnlyDisk("<disk type='block' device='lun' rawio='yes' sgio='unfiltered'><source dev='/dev/sdb'/><target dev='sda' bus='scsi'/></disk>");
        Assert.Equal(DiskDevice.Lun, disk.Device);
        Assert.True(disk.RawIo);
        Assert.Equal(DiskSgio.Unfiltered, disk.Sgio);
    }

    [Fact]
    public void Lun_on_a_file_is_inconsistent()
    {
        var error = OnlyError("<disk type='file' device='lun'><source file='/a'/><target dev='sda' bus='scsi'/></disk>");
        Assert.Equal(DiagnosticCatalog.InconsistentValue, error.Code);
        Assert.Contains("'lun'", error.Message);
    }

    [Fact]
    public void Rawio_on_a_plain_disk_is_inconsistent()
    {
        var error = OnlyError("<disk type='block' rawio='yes'><source dev='/dev/sdb'/><target dev='sda'/></disk>");
        Assert.Equal(DiagnosticCatalog.InconsistentValue, error.Code);
        Assert.Equal("domain/devices/disk/@rawio", error.Location.Path);
    }

    [Fact]
    public void Sgio_on_a_plain_disk_is_inconsistent()
    {
        var error = OnlyError("<disk type='block' sgio='filtered'><source dev='/dev/sdb'/><target dev='sda'/></disk>");
        Assert.Equal(DiagnosticCatalog.InconsistentValue, error.Code);
    }

    [Fact]
    public void Tray_on_a_hard_disk_is_inconsistent()
    {
        var error = OnlyError("<disk type='file'><source file='/a'/><target dev='hda' tray='closed'/></disk>");
        Assert.Equal(DiagnosticCatalog.InconsistentValue, error.Code);
        Assert.Equal("domain/devices/disk/target/@tray", error.Location.Path);
    }

    [Fact]
    public void Drive_address_is_read()
    {
        var address = Assert.IsType<DriveAddress>(OnlyDisk("<disk type='file'><source file='/a'/><target dev='sdb' bus='scsi'/><address type='drive' controller='0' bus='0' target='3' unit='1'/></disk>").Address);
        Assert.Equal(3u, address.Target);
        Assert.Equal(1u, address.Unit);
    }

    [Fact]
    public void Unknown_element_inside_a_disk_is_a_warning()
    {
        var result = Parse("<disk type='file'><source file='/a'/><target dev='hda'/><frobnicate/></disk>");
        var warning = Assert.Single(result.Diagnostics);
        Assert.False(warning.IsError);
        Assert.Equal(DiagnosticCatalog.UnknownElement, warning.Code);
        Assert.Equal("domain/devices/disk/frobnicate", warning.Location.Path);
    }

    [Fact]
    public void Disks_keep_document_order_and_locations()
    {
        var result = Parse("<disk type='file'><source file='/a'/><target dev='hda'/></disk>\n<disk type='file'><source file='/b'/><target dev='hdb'/></disk>");
        Assert.Empty(result.Diagnostics);
        var disks = result.Domain!.Devices.Disks;
        Assert.Equal(["hda", "hdb"], disks.Select(d => d.Target.Dev));
        Assert.Equal(6, disks[1].Location.Line);
        Assert.Equal("domain/devices/disk[2]", disks[1].Location.Path);
    }
}
