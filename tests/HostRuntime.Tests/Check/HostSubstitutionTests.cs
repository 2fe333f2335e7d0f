using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Check;
using CommandLine = DomainLauncher.Drivers.Qemu.Output.QemuCommandLine;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.HostRuntime.Tests.Check;

public sealed class HostSubstitutionTests
{
    private const string Scratch = "/tmp/dlc-test";

    private static readonly EmulatorDescription Emulator = new()
    {
        Path = "/usr/bin/qemu-system-x86_64",
        Arch = "x86_64",
        Machines = [new MachineType("pc", "pc-i440fx-7.2"), new MachineType("pc-i440fx-7.2")],
        DeviceTypes = ["ide-hd", "ide-cd", "piix3-usb-uhci", "e1000", "virtio-net-pci"],
        CpuModels = ["qemu64"],
    };

    private static Domain Parse(string devices, string type = "qemu", string domain = "")
    {
        var parsed = DomainParser.ParseText($"""
            <domain type='{type}'><name>g</name><memory>219100</memory>{domain}
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>{devices}</devices></domain>
            """);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        return parsed.Domain!;
    }

    private static HostSubstitutionResult Apply(string devices, string type = "qemu", string domain = "", bool kvmUsable = false) =>
        HostSubstitution.Apply(Parse(devices, type, domain), Emulator, Scratch, kvmUsable);

    private static Domain Substituted(string devices, string type = "qemu", string domain = "", bool kvmUsable = false)
    {
        var result = Apply(devices, type, domain, kvmUsable);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Domain!;
    }

    [Fact]
    public void A_file_disk_becomes_a_scratch_image_of_the_same_format()
    {
        var result = Apply("<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/var/lib/images/a.qcow2'/><target dev='hda' bus='ide'/></disk>");

        var image = Assert.Single(result.Images);
        Assert.Equal("qcow2", image.Format);
        Assert.StartsWith(Scratch + "/", image.Path);
        var disk = Assert.Single(result.Domain!.Devices.Disks);
        Assert.Equal(image.Path, Assert.IsType<FileDiskSource>(disk.Source).File);
        Assert.Equal(DiskFormat.Qcow2, disk.Driver?.Format);
        var substitution = Assert.Single(result.Substitutions);
        Assert.Equal("disk hda", substitution.Device);
        Assert.Contains("/var/lib/images/a.qcow2", substitution.Original);
    }

    [Fact]
    public void Block_devices_and_network_disks_become_raw_null_devices()
    {
        var domain = Substituted("""
            <disk type='block' device='disk'><source dev='/dev/HostVG/guest'/><target dev='hda' bus='ide'/></disk>
            <disk type='network' device='disk'><driver name='qemu' type='raw'/><source protocol='nbd' name='x'><host name='example.org' port='6000'/></source><target dev='hdb' bus='ide'/></disk>
            """);

        Assert.All(domain.Devices.Disks, disk =>
        {
            Assert.Equal(HostSubstitution.NullDisk, Assert.IsType<FileDiskSource>(disk.Source).File);
            Assert.Equal(DiskFormat.Raw, disk.Driver?.Format);
        });
    }

    [Fact]
    public void A_cdrom_without_media_stays_empty()
    {
        var result = Apply("<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/><readonly/></disk>");

        Assert.Null(Assert.Single(result.Domain!.Devices.Disks).Source);
        Assert.Empty(result.Substitutions);
        Assert.Empty(result.Images);
    }

    [Fact]
    public void A_bridged_interface_becomes_user_networking_with_the_same_model_and_mac()
    {
        var domain = Substituted("<interface type='bridge'><mac address='52:54:00:8c:11:22'/><source bridge='br0'/><model type='e1000'/></interface>");

        var nic = Assert.IsType<UserInterface>(Assert.Single(domain.Devices.Interfaces));
        Assert.Equal("52:54:00:8c:11:22", nic.Mac?.ToString());
        Assert.Equal("e1000", nic.Model);
    }

    [Fact]
    public void Character_device_endpoints_move_to_the_scratch_folder_and_a_pty_stays()
    {
        var domain = Substituted("""
            <serial type='tcp'><source mode='connect' host='10.0.0.1' service='4555'/><protocol type='raw'/><target port='0'/></serial>
            <serial type='file'><source path='/var/log/guest.log'/><target port='1'/></serial>
            <serial type='pty'><target port='2'/></serial>
            """);

        var serials = domain.Devices.Serials;
        var socket = Assert.IsType<UnixCharSource>(serials[0].Source);
        Assert.StartsWith(Scratch + "/", socket.Path);
        Assert.Equal(CharSourceMode.Bind, socket.Mode);
        Assert.StartsWith(Scratch + "/", Assert.IsType<FileCharSource>(serials[1].Source).Path);
        Assert.IsType<PtyCharSource>(serials[2].Source);
    }

    [Fact]
    public void A_kvm_domain_runs_under_tcg_when_this_host_has_no_kvm_and_stays_kvm_when_it_has()
    {
        var without = Apply("", type: "kvm");
        Assert.Equal(DomainType.Qemu, without.Domain!.Type);
        Assert.Contains(without.Substitutions, s => s.Device == "domain" && s.Replacement.Contains("TCG", StringComparison.Ordinal));

        var with = Apply("", type: "kvm", kvmUsable: true);
        Assert.Equal(DomainType.Kvm, with.Domain!.Type);
        Assert.True(with.BuildOptions.KvmUsable);
    }

    [Fact]
    public void Vnc_on_a_tcp_port_listens_on_a_unix_socket_and_spice_goes()
    {
        var vnc = Substituted("<graphics type='vnc' port='5900' listen='0.0.0.0'/>");
        var graphics = Assert.IsType<VncGraphics>(Assert.Single(vnc.Devices.Graphics));
        Assert.StartsWith(Scratch + "/", graphics.Socket);
        Assert.Null(graphics.Port);

        Assert.Empty(Substituted("<graphics type='spice' port='5903'/>").Devices.Graphics);
    }

    [Fact]
    public void Huge_pages_become_ordinary_memory()
    {
        var domain = Substituted("", domain: "<memoryBacking><hugepages/></memoryBacking>");

        Assert.False(domain.MemoryBacking!.Hugepages);
    }

    [Fact]
    public void A_host_pci_device_is_refused_naming_its_address()
    {
        var result = Apply("<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x06' slot='0x12' function='0x5'/></source></hostdev>");

        Assert.Null(result.Domain);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("DL4300", error.Code.Id);
        Assert.Contains("PCI 0000:06:12.5", error.Message);
    }

    [Fact]
    public void A_smartcard_on_host_hardware_is_refused()
    {
        var result = Apply("<controller type='ccid' index='0'/><smartcard mode='host'/>");

        Assert.Equal("DL4301", Assert.Single(result.Diagnostics).Code.Id);
    }

    [Fact]
    public void A_scsi_lun_passed_through_becomes_an_emulated_disk_on_a_null_device_at_the_same_address()
    {
        var domain = Substituted("""
            <disk type='block' device='lun' sgio='unfiltered' rawio='yes'><driver name='qemu' type='raw'/><source dev='/dev/sdfake'/>
              <target dev='sda' bus='scsi'/><address type='drive' controller='0' bus='0' target='1' unit='2'/></disk>
            """);

        var disk = Assert.Single(domain.Devices.Disks);
        Assert.Equal(DiskDevice.Disk, disk.Device);
        Assert.Equal(HostSubstitution.NullDisk, Assert.IsType<FileDiskSource>(disk.Source).File);
        Assert.Null(disk.Sgio);
        Assert.Null(disk.RawIo);
        Assert.Equal(DiskBus.Scsi, disk.Target.Bus);
        var address = Assert.IsType<DriveAddress>(disk.Address);
        Assert.Equal(1u, address.Target);
        Assert.Equal(2u, address.Unit);
    }

    [Fact]
    public void Host_scsi_luns_become_emulated_disks_on_a_null_device_where_the_driver_would_place_them()
    {
        var result = Apply("""
            <disk type='file' device='disk'><source file='/var/lib/images/a.img'/><target dev='sda' bus='scsi'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>
            <hostdev mode='subsystem' type='scsi'><source><adapter name='scsi_host3'/><address bus='0' target='0' unit='5'/></source><readonly/><boot order='2'/><address type='drive' controller='0' bus='0' target='4' unit='8'/></hostdev>
            <hostdev mode='subsystem' type='scsi'><source protocol='iscsi' name='iqn.2000-01.com.example:t/1'><host name='example.org'/></source><alias name='ua-tape'/></hostdev>
            """);

        var domain = result.Domain!;
        Assert.Empty(result.Diagnostics);
        Assert.Empty(domain.Devices.HostDevices);
        var (adapter, iscsi) = (domain.Devices.Disks[1], domain.Devices.Disks[2]);
        Assert.Equal(("sdb", true, 2u, 4u, 8u), (adapter.Target.Dev, adapter.ReadOnly, adapter.BootOrder!.Value, ((DriveAddress)adapter.Address!).Target!.Value, ((DriveAddress)adapter.Address!).Unit!.Value));
        Assert.Equal(("sdc", "ua-tape", 1u), (iscsi.Target.Dev, iscsi.Alias!, ((DriveAddress)iscsi.Address!).Unit!.Value));
        Assert.All([adapter, iscsi], d => Assert.Equal(HostSubstitution.NullDisk, Assert.IsType<FileDiskSource>(d.Source).File));
        Assert.Equal(["host SCSI LUN 3:0:0:5 passed through", "host iSCSI LUN iqn.2000-01.com.example:t/1 passed through"],
            result.Substitutions.Where(s => s.Device.StartsWith("hostdev", StringComparison.Ordinal)).Select(s => s.Original));
    }

    [Fact]
    public void An_iscsi_lun_is_named_in_its_substitution()
    {
        var result = Apply("""
            <disk type='network' device='lun'><driver name='qemu' type='raw'/><source protocol='iscsi' name='iqn.2013-07.com.example:iscsi-nopool/1'><host name='example.com' port='3260'/></source>
              <target dev='sda' bus='scsi'/></disk>
            """);

        var substitution = Assert.Single(result.Substitutions);
        Assert.Contains("iscsi LUN iqn.2013-07.com.example:iscsi-nopool/1", substitution.Original);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Host_audio_back_ends_become_silence_with_their_id_and_a_recording_goes_to_the_scratch_folder()
    {
        var domain = Substituted("""
            <sound model='ich6'><audio id='1'/></sound>
            <audio id='1' type='pulseaudio' serverName='/run/pulse'/>
            <audio id='2' type='file' path='/var/lib/rec.wav'/>
            """);
        var silent = domain.Devices.Audios.Single(a => a.Id == 1);
        Assert.Equal(AudioType.None, silent.Type);
        Assert.Null(silent.ServerName);
        var file = domain.Devices.Audios.Single(a => a.Id == 2);
        Assert.StartsWith(Scratch + "/", file.Path);
    }

    [Fact]
    public void A_vhost_user_card_becomes_QEMUs_own_virtio_gpu_and_3D_acceleration_is_dropped()
    {
        var domain = Substituted("""
            <video><driver name='vhostuser'/><model type='virtio' heads='1'/></video>
            <video><model type='virtio' heads='1'><acceleration accel3d='yes'/></model></video>
            """);
        Assert.Null(domain.Devices.Videos[0].Driver?.Name);
        Assert.Null(domain.Devices.Videos[1].Acceleration?.Accel3d);
    }

    [Fact]
    public void A_vsock_without_the_hosts_vhost_vsock_is_refused_at_its_element()
    {
        const string vsock = "<vsock model='virtio'><cid auto='no' address='4'/></vsock>";
        Assert.Contains(Apply(vsock).Diagnostics, d => d.Code.Id == "DL4300" && d.Message.Contains("/dev/vhost-vsock", StringComparison.Ordinal));
        Assert.True(HostSubstitution.Apply(Parse(vsock), Emulator, Scratch, kvmUsable: false, vsockUsable: true).Succeeded);
    }

    [Fact]
    public void A_host_evdev_input_is_left_out_and_a_passed_through_one_becomes_a_virtio_keyboard_at_its_address()
    {
        var result = Apply("""
            <input type='evdev'><source dev='/dev/input/event3' grab='all'/></input>
            <input type='passthrough' bus='virtio'><source evdev='/dev/input/event4'/><address type='pci' domain='0' bus='0' slot='7' function='0'/></input>
            <input type='tablet' bus='usb'/>
            """);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var inputs = result.Domain!.Devices.Inputs;
        Assert.DoesNotContain(inputs, i => i.Type is InputType.Evdev or InputType.Passthrough);
        var keyboard = Assert.Single(inputs, i => i.Type == InputType.Keyboard);
        Assert.Equal(InputBus.Virtio, keyboard.Bus);
        Assert.Equal(7u, Assert.IsType<PciAddress>(keyboard.Address).Slot);
        Assert.Contains(inputs, i => i.Type == InputType.Tablet);
        Assert.Equal(2, result.Substitutions.Count(s => s.Original.Contains("/dev/input/event", StringComparison.Ordinal)));
    }
}
