using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Build;

/// <summary>
/// The command line for a modern emulator (the capability names QEMU 7.2 has and libvirt 0.10.2 never
/// knew), next to the legacy line of the same domain, which stays as it was.
/// </summary>
public sealed class ModernCommandLineTests
{
    /// <summary>What QEMU 7.2 has, as far as these tests need: the old names it keeps and the modern ones.</summary>
    private static readonly QemuCapabilitySet Modern = QemuCapabilitySet.Of(
        QemuCapability.Drive, QemuCapability.Device, QemuCapability.Netdev, QemuCapability.Chardev, QemuCapability.MonitorJson,
        QemuCapability.NoUserConfig, QemuCapability.Rtc, QemuCapability.MachineOpt, QemuCapability.DriveFormat, QemuCapability.IdeCd,
        QemuCapability.VncColon, QemuCapability.HdaDuplex, QemuCapability.Sga, QemuCapability.IdeDriveWwn,
        QemuCapability.Accel, QemuCapability.Audiodev, QemuCapability.Overcommit, QemuCapability.ExplicitBooleans,
        QemuCapability.DeviceFloppy, QemuCapability.MemoryBackendRam, QemuCapability.DeviceGeometry,
        QemuCapability.GuestfwdChardev, QemuCapability.WwnInteger, QemuCapability.MachineGraphics, QemuCapability.ChardevSerial,
        QemuCapability.TlsCredsX509);

    /// <summary>The same emulator as libvirt 0.10.2 saw a QEMU of its time.</summary>
    private static readonly QemuCapabilitySet Legacy = QemuCapabilitySet.Of(
        QemuCapability.Drive, QemuCapability.Device, QemuCapability.Netdev, QemuCapability.Chardev, QemuCapability.MonitorJson,
        QemuCapability.NoUserConfig, QemuCapability.Rtc, QemuCapability.MachineOpt, QemuCapability.DriveFormat, QemuCapability.IdeCd,
        QemuCapability.VncColon, QemuCapability.HdaDuplex, QemuCapability.Sga, QemuCapability.Kvm, QemuCapability.EnableKvm,
        QemuCapability.Mlock);

    private static QemuBuildResult Build(
        string devices, QemuCapabilitySet caps, string type = "qemu", string domain = "", string os = "", QemuBuildOptions? options = null)
    {
        var xml = $"""
            <domain type='{type}'><name>g</name><memory>219100</memory><vcpu>2</vcpu>{domain}
              <os><type arch='x86_64' machine='pc'>hvm</type>{os}</os>
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>{devices}</devices></domain>
            """;
        var parsed = DomainParser.ParseText(xml);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        var emulator = new EmulatorDescription
        {
            Path = "/usr/bin/qemu-system-x86_64",
            Arch = "x86_64",
            Capabilities = caps,
            Machines = [new MachineType("pc", "pc-i440fx-7.2"), new MachineType("pc-i440fx-7.2")],
        };
        return QemuCommandBuilder.Build(parsed.Domain!, emulator, FocusedBuild.Host, options);
    }

    private static IReadOnlyList<string> Words(
        string devices, QemuCapabilitySet caps, string type = "qemu", string domain = "", string os = "", QemuBuildOptions? options = null)
    {
        var result = Build(devices, caps, type, domain, os, options);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.CommandLine!.Words;
    }

    [Fact]
    public void A_qemu_domain_runs_under_tcg_with_accel_and_no_kvm_flags()
    {
        var words = Words("", Modern);

        ArgvAssert.Contains(words, "-accel", "tcg");
        Assert.DoesNotContain("-no-kvm", words);
        Assert.DoesNotContain("-enable-kvm", words);
    }

    [Fact]
    public void A_legacy_emulator_keeps_no_kvm_for_a_qemu_domain()
    {
        var words = Words("", Legacy);

        Assert.Contains("-no-kvm", words);
        Assert.DoesNotContain("-accel", words);
    }

    [Fact]
    public void A_kvm_domain_runs_under_kvm_when_the_host_has_it()
    {
        var words = Words("", Modern, type: "kvm", options: new QemuBuildOptions { KvmUsable = true });

        ArgvAssert.Contains(words, "-accel", "kvm");
    }

    [Fact]
    public void A_kvm_domain_on_a_host_without_kvm_is_refused_naming_the_way_out()
    {
        var result = Build("", Modern, type: "kvm");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("DL4054", error.Code.Id);
        Assert.Contains("/dev/kvm", error.Message);
        Assert.Contains("--accel tcg", error.Message);
    }

    [Fact]
    public void A_kvm_domain_runs_under_tcg_when_the_user_asks_for_it()
    {
        var words = Words("", Modern, type: "kvm", options: new QemuBuildOptions { Accelerator = QemuAccelerator.Tcg });

        ArgvAssert.Contains(words, "-accel", "tcg");
    }

    [Fact]
    public void Asking_for_kvm_on_a_host_without_it_is_refused()
    {
        var result = Build("", Modern, options: new QemuBuildOptions { Accelerator = QemuAccelerator.Kvm });

        Assert.Equal("DL4054", Assert.Single(result.Diagnostics, d => d.IsError).Code.Id);
    }

    [Fact]
    public void The_machine_alias_resolves_to_the_versioned_machine()
    {
        Assert.Equal("pc-i440fx-7.2", FocusedBuild.ValueOf(Words("", Modern), "-M"));
    }

    [Fact]
    public void The_monitor_and_listening_sockets_use_explicit_booleans()
    {
        var words = Words("<serial type='tcp'><source mode='bind' host='127.0.0.1' service='4555'/><protocol type='telnet'/></serial>", Modern);

        Assert.EndsWith(",server=on,wait=off", FocusedBuild.ValueOf(words, "-chardev", "socket,id=charmonitor"));
        Assert.Equal("socket,id=charserial0,host=127.0.0.1,port=4555,telnet=on,server=on,wait=off",
            FocusedBuild.ValueOf(words, "-chardev", "socket,id=charserial0"));
        Assert.DoesNotContain(words, w => w.Contains("nowait", StringComparison.Ordinal));
    }

    [Fact]
    public void Legacy_sockets_keep_the_short_booleans()
    {
        var words = Words("", Legacy);

        Assert.EndsWith(",server,nowait", FocusedBuild.ValueOf(words, "-chardev", "socket,id=charmonitor"));
    }

    [Fact]
    public void A_vnc_password_is_an_explicit_boolean()
    {
        var words = Words("<graphics type='vnc' port='5903' passwd='secret'/>", Modern);

        Assert.Equal("127.0.0.1:3,password=on", FocusedBuild.ValueOf(words, "-vnc"));
    }

    [Fact]
    public void Vnc_tls_uses_a_credentials_object()
    {
        var xml = "<graphics type='vnc' port='5900'/>";
        var host = FocusedBuild.Host with { Vnc = FocusedBuild.Host.Vnc with { Tls = true, TlsX509Verify = true } };
        var domain = DomainParser.ParseText($"<domain type='qemu'><name>g</name><memory>219100</memory><os><type arch='x86_64' machine='pc'>hvm</type></os><devices>{xml}</devices></domain>").Domain!;
        var emulator = new EmulatorDescription { Path = "/usr/bin/qemu-system-x86_64", Arch = "x86_64", Capabilities = Modern };

        var words = QemuCommandBuilder.Build(domain, emulator, host).CommandLine!.Words;

        Assert.Equal("tls-creds-x509,id=vnc-tls-creds0,dir=/etc/pki/libvirt-vnc,endpoint=server,verify-peer=on", FocusedBuild.ValueOf(words, "-object"));
        Assert.Equal("127.0.0.1:0,tls-creds=vnc-tls-creds0", FocusedBuild.ValueOf(words, "-vnc"));
    }

    [Fact]
    public void Sound_cards_play_through_one_audiodev_and_no_audio_variable_is_set()
    {
        var result = Build("<graphics type='vnc' port='5900'/><sound model='ac97'/><sound model='ich6'/><sound model='pcspk'/>", Modern);
        var words = result.CommandLine!.Words;

        Assert.Equal("driver=none,id=audio1", FocusedBuild.ValueOf(words, "-audiodev"));
        Assert.Contains(",audiodev=audio1", FocusedBuild.ValueOf(words, "-device", "AC97"));
        Assert.DoesNotContain("audiodev", FocusedBuild.ValueOf(words, "-device", "intel-hda"));
        Assert.EndsWith(",audiodev=audio1", FocusedBuild.ValueOf(words, "-device", "hda-duplex"));
        Assert.Equal("pcspk-audiodev=audio1", FocusedBuild.ValueOf(words, "-machine", "pcspk"));
        Assert.DoesNotContain("-soundhw", words);
        Assert.DoesNotContain(result.CommandLine.Environment, e => e.Name == "QEMU_AUDIO_DRV");
    }

    [Fact]
    public void Legacy_sound_keeps_the_audio_variable_and_soundhw_for_the_speaker()
    {
        var result = Build("<graphics type='vnc' port='5900'/><sound model='pcspk'/>", Legacy);

        Assert.Contains("-soundhw", result.CommandLine!.Words);
        Assert.Contains(result.CommandLine.Environment, e => e.Name == "QEMU_AUDIO_DRV" && e.Value == "none");
    }

    [Fact]
    public void Locked_memory_is_an_overcommit_option()
    {
        var words = Words("", Modern, domain: "<memoryBacking><locked/></memoryBacking>");

        Assert.Equal("mem-lock=on", FocusedBuild.ValueOf(words, "-overcommit"));
        Assert.DoesNotContain("-realtime", words);
    }

    [Fact]
    public void Unlocked_memory_says_nothing_on_a_modern_emulator_and_realtime_off_on_a_legacy_one()
    {
        Assert.DoesNotContain("-overcommit", Words("", Modern));
        Assert.Equal("mlock=off", FocusedBuild.ValueOf(Words("", Legacy), "-realtime"));
    }

    [Fact]
    public void A_floppy_is_a_floppy_device_with_its_boot_index_on_the_controller()
    {
        var words = Words("<disk type='file' device='floppy'><source file='/f.img'/><target dev='fda' bus='fdc'/><boot order='1'/></disk>",
            Modern);

        Assert.Equal("floppy,unit=0,drive=drive-fdc0-0-0,id=fdc0-0-0", FocusedBuild.ValueOf(words, "-device", "floppy"));
        Assert.Equal("isa-fdc.bootindexA=1", FocusedBuild.ValueOf(words, "-global"));
    }

    [Fact]
    public void Numa_cells_take_their_memory_from_ram_backends()
    {
        var words = Words("", Modern, domain: "<cpu><numa><cell cpus='0-1' memory='109550'/></numa></cpu>");

        Assert.Equal("memory-backend-ram,id=ram-node0,size=107M", FocusedBuild.ValueOf(words, "-object"));
        Assert.Equal("node,nodeid=0,cpus=0-1,memdev=ram-node0", FocusedBuild.ValueOf(words, "-numa"));
    }

    [Fact]
    public void Disk_geometry_goes_on_the_device_and_the_wwn_is_a_number()
    {
        var words = Words("""
            <disk type='file' device='disk'><source file='/d.img'/><target dev='hda' bus='ide'/>
              <geometry cyls='16383' heads='16' secs='63' trans='lba'/><wwn>5000c50015ea71ad</wwn></disk>
            """, Modern);

        Assert.DoesNotContain("cyls", FocusedBuild.ValueOf(words, "-drive"));
        var device = FocusedBuild.ValueOf(words, "-device", "ide-hd");
        Assert.Contains(",cyls=16383,heads=16,secs=63,bios-chs-trans=lba", device);
        Assert.Contains(",wwn=0x5000c50015ea71ad", device);
    }

    [Fact]
    public void A_guest_forward_names_its_chardev_inside_the_rule()
    {
        var words = Words("""
            <channel type='pipe'><source path='/tmp/guestfwd'/><target type='guestfwd' address='10.0.2.1' port='4600'/></channel>
            """, Modern);

        Assert.Equal("user,guestfwd=tcp:10.0.2.1:4600-chardev:charchannel0,id=user-channel0", FocusedBuild.ValueOf(words, "-netdev"));
    }

    [Fact]
    public void Host_serial_and_parallel_ports_use_the_backend_names_not_the_deprecated_aliases()
    {
        var devices = "<serial type='dev'><source path='/dev/ttyS0'/></serial><parallel type='dev'><source path='/dev/parport0'/></parallel>";

        var modern = Words(devices, Modern);
        var legacy = Words(devices, Legacy);

        Assert.Equal("serial,id=charserial0,path=/dev/ttyS0", FocusedBuild.ValueOf(modern, "-chardev", "serial"));
        Assert.Equal("parallel,id=charparallel0,path=/dev/parport0", FocusedBuild.ValueOf(modern, "-chardev", "parallel"));
        Assert.Equal("tty,id=charserial0,path=/dev/ttyS0", FocusedBuild.ValueOf(legacy, "-chardev", "tty"));
    }

    [Fact]
    public void Serial_firmware_output_is_a_machine_option()
    {
        var words = Words("", Modern, os: "<bios useserial='yes'/>");

        Assert.Equal("graphics=off", FocusedBuild.ValueOf(words, "-machine", "graphics"));
        Assert.DoesNotContain("sga", words);
    }
}
