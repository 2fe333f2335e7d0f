using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Build;

public sealed class QemuCommandBuilderTests
{
    private static readonly HostSettings Host = HostSettings.Default with
    {
        Monitor = new MonitorSettings { Path = "/run/mon" },
        Environment = new ProcessEnvironment { Set = [new("PATH", "/bin")] },
    };

    private static IReadOnlyList<string> Build(string devices, string extra = "", params QemuCapability[] caps) =>
        Build(devices, extra, QemuBuildOptions.Default, caps);

    private static IReadOnlyList<string> Build(string devices, string extra, QemuBuildOptions options, params QemuCapability[] caps)
    {
        var xml = $"""
            <domain type='qemu'><name>g</name><memory>219100</memory><vcpu>1</vcpu>
              <os><type arch='i686' machine='pc'>hvm</type>{extra}</os>
              <devices><emulator>/usr/bin/qemu</emulator>{devices}</devices></domain>
            """;
        var parsed = DomainParser.ParseText(xml);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        var emulator = new EmulatorDescription { Path = "/usr/bin/qemu", Arch = "i686", Capabilities = QemuCapabilitySet.Of(caps) };
        var result = QemuCommandBuilder.Build(parsed.Domain!, emulator, Host, options);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.CommandLine!.Words;
    }

    [Fact]
    public void A_bare_domain_reads_like_libvirts_legacy_command_line()
    {
        Assert.Equal(
            [
                "LC_ALL=C", "PATH=/bin", "/usr/bin/qemu", "-S", "-M", "pc", "-m", "214", "-smp", "1", "-nographic",
                "-monitor", "unix:/run/mon,server,nowait", "-boot", "c", "-net", "none", "-serial", "none", "-parallel", "none", "-usb",
            ],
            Build(""));
    }

    [Fact]
    public void A_start_that_is_not_paused_leaves_out_only_the_S()
    {
        var paused = Build("");
        var running = Build("", "", new QemuBuildOptions { StartPaused = false });
        Assert.Equal(paused.Where(word => word != "-S"), running);
        Assert.Equal(paused.Count - 1, running.Count);
    }

    [Fact]
    public void Memory_is_rounded_up_to_whole_mebibytes()
    {
        ArgvAssert.Contains(Build(""), "-m", "214");
    }

    [Fact]
    public void Chardev_capability_puts_the_monitor_on_a_chardev_and_json_makes_it_control()
    {
        var argv = Build("", "", QemuCapability.Chardev, QemuCapability.MonitorJson);
        ArgvAssert.Contains(argv,
            "-chardev", "socket,id=charmonitor,path=/run/mon,server,nowait",
            "-mon", "chardev=charmonitor,id=monitor,mode=control");
    }

    [Fact]
    public void Boot_menu_with_the_capability_makes_an_order_list()
    {
        ArgvAssert.Contains(Build("", "<boot dev='cdrom'/><boot dev='hd'/><bootmenu enable='yes'/>", QemuCapability.BootMenu), "-boot", "order=dc,menu=on");
    }

    [Fact]
    public void Bootindex_capability_moves_boot_order_onto_the_devices()
    {
        var argv = Build("<disk type='file' device='disk'><source file='/a'/><target dev='vda' bus='virtio'/></disk>", "",
            QemuCapability.Drive, QemuCapability.Device, QemuCapability.BootIndex);
        ArgvAssert.DoesNotContain(argv, "-boot");
        ArgvAssert.Contains(argv, "-device", "virtio-blk-pci,bus=pci.0,addr=0x3,drive=drive-virtio-disk0,id=virtio-disk0,bootindex=1");
    }

    [Fact]
    public void Disks_are_ordered_by_name_within_their_bus()
    {
        var argv = Build("""
            <disk type='file'><source file='/b'/><target dev='hdb'/></disk>
            <disk type='file'><source file='/a'/><target dev='hda'/></disk>
            """);
        ArgvAssert.Contains(argv, "-hda", "/a", "-hdb", "/b");
    }

    [Fact]
    public void Comma_in_a_drive_path_is_doubled()
    {
        var argv = Build("<disk type='file'><source file='/x,y'/><target dev='hda'/></disk>", "", QemuCapability.Drive);
        ArgvAssert.Contains(argv, "-drive", "file=/x,,y,if=ide,bus=0,unit=0");
    }

    [Fact]
    public void A_cdrom_with_an_open_tray_has_no_medium()
    {
        var argv = Build("<disk type='file' device='cdrom'><source file='/iso'/><target dev='hdc' tray='open'/></disk>");
        ArgvAssert.DoesNotContain(argv, "-cdrom");
    }

    [Fact]
    public void Serial_ports_use_legacy_words_without_chardev()
    {
        var argv = Build("<serial type='tcp'><source mode='bind' host='127.0.0.1' service='9999'/><protocol type='telnet'/></serial>");
        ArgvAssert.Contains(argv, "-serial", "telnet:127.0.0.1:9999,server,nowait");
    }

    [Fact]
    public void Dump_guest_core_without_the_capability_is_refused_with_a_coded_diagnostic()
    {
        var parsed = DomainParser.ParseText("""
            <domain type='qemu'><name>g</name><memory dumpCore='on'>1024</memory><vcpu>1</vcpu>
              <os><type>hvm</type></os><devices><emulator>/usr/bin/qemu</emulator></devices></domain>
            """);
        var emulator = new EmulatorDescription { Path = "/usr/bin/qemu", Arch = "i686" };
        var result = QemuCommandBuilder.Build(parsed.Domain!, emulator, Host);
        Assert.Null(result.CommandLine);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("DL4050", error.Code.Id);
        Assert.Contains("dump-guest-core", error.Message);
    }
}
