using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Build;

/// <summary>
/// Settings of today's schema written on a modern emulator: ACPI indexes, virtio models of disks and shared folders,
/// cards a vhost-user-gpu process emulates, the boot menu's wait, the Hyper-V crash notifier, restrictive NUMA placement
/// and hotplug on the PC's root bus; each refused where the emulator lacks what it needs.
/// </summary>
public sealed class TodaySettingsTests
{
    private static readonly QemuCapabilitySet Modern = QemuCapabilitySet.Of(
        QemuCapability.Drive, QemuCapability.Device, QemuCapability.Netdev, QemuCapability.Chardev, QemuCapability.MonitorJson,
        QemuCapability.NoUserConfig, QemuCapability.Rtc, QemuCapability.MachineOpt, QemuCapability.DriveFormat, QemuCapability.IdeCd,
        QemuCapability.Fsdev, QemuCapability.Accel, QemuCapability.ExplicitBooleans, QemuCapability.MemoryBackendRam, QemuCapability.Blockdev,
        QemuCapability.BootIndex, QemuCapability.BootMenu, QemuCapability.VideoMaxOutputs, QemuCapability.CpuModelExpansion,
        QemuCapability.DeviceVideoPrimary, QemuCapability.PcieRootPort, QemuCapability.PciePciBridge,
        QemuCapability.AcpiIndex, QemuCapability.SplashTimeout, QemuCapability.PiixAcpiRootPciHotplug);

    private static QemuBuildResult Build(string devices, QemuCapabilitySet? caps = null, string machine = "pc", string domain = "", string os = "")
    {
        var xml = $"""
            <domain type='qemu'><name>g</name><memory>219100</memory><vcpu>2</vcpu>{domain}
              <os><type arch='x86_64' machine='{machine}'>hvm</type>{os}</os>
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>{devices}</devices></domain>
            """;
        var parsed = DomainParser.ParseText(xml);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        var emulator = new EmulatorDescription
        {
            Path = "/usr/bin/qemu-system-x86_64",
            Arch = "x86_64",
            Capabilities = caps ?? Modern,
            Machines = [new MachineType("pc", "pc-i440fx-7.2"), new MachineType("pc-i440fx-7.2"), new MachineType("q35", "pc-q35-7.2"), new MachineType("pc-q35-7.2")],
        };
        return QemuCommandBuilder.Build(parsed.Domain!, emulator, FocusedBuild.Host);
    }

    private static IReadOnlyList<string> Words(string devices, string machine = "pc", string domain = "", string os = "")
    {
        var result = Build(devices, machine: machine, domain: domain, os: os);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.CommandLine!.Words;
    }

    private static string Device(IReadOnlyList<string> words, string type) =>
        words.Where((w, i) => i > 0 && words[i - 1] == "-device" && w.StartsWith(type + ",", StringComparison.Ordinal)).Single();

    private static IEnumerable<string> Errors(QemuBuildResult result) => result.Diagnostics.Where(d => d.IsError).Select(d => d.Code.Id);

    [Fact]
    public void An_acpi_index_is_the_pci_devices_acpi_index_property_and_needs_the_emulator_to_have_it()
    {
        const string devices = """
            <disk type='file' device='disk'><source file='/i.img'/><target dev='vda' bus='virtio'/><acpi index='7'/></disk>
            <interface type='user'><model type='virtio'/><acpi index='9'/></interface>
            """;
        var words = Words(devices);
        Assert.Contains("acpi-index=7", Device(words, "virtio-blk-pci").Split(','));
        Assert.Contains("acpi-index=9", Device(words, "virtio-net-pci").Split(','));
        Assert.Contains("DL4050", Errors(Build(devices, Modern.Without(QemuCapability.AcpiIndex))));
        Assert.Contains("DL4308", Errors(Build(devices.Replace("'9'", "'7'", StringComparison.Ordinal))));
    }

    [Fact]
    public void A_transitional_disk_or_share_is_the_transitional_device_on_a_conventional_slot_of_q35()
    {
        var words = Words("""
            <disk type='file' device='disk' model='virtio-transitional'><source file='/i.img'/><target dev='vda' bus='virtio'/></disk>
            <filesystem type='mount' accessmode='passthrough' model='virtio-non-transitional'><source dir='/export'/><target dir='fs1'/></filesystem>
            """, machine: "q35");
        var disk = Device(words, "virtio-blk-pci-transitional");
        var bridge = Device(words, "pcie-pci-bridge");
        Assert.Contains($"bus={bridge.Split(',').Single(p => p.StartsWith("id=", StringComparison.Ordinal))[3..]}", disk.Split(','));
        Assert.StartsWith("virtio-9p-pci-non-transitional,", Device(words, "virtio-9p-pci-non-transitional"));
    }

    [Fact]
    public void A_card_a_vhost_user_gpu_process_emulates_is_a_vhost_user_device_on_its_socket()
    {
        var words = Words("""
            <video><driver name='vhostuser'/><model type='virtio' heads='1'/><acceleration accel3d='yes' rendernode='/dev/dri/renderD128'/></video>
            <video><driver name='vhostuser' iommu='on'/><model type='virtio' heads='1'/></video>
            """);
        var primary = Device(words, "vhost-user-vga");
        Assert.Contains("chardev=chr-vu-video0", primary.Split(','));
        Assert.Contains("iommu_platform=on", Device(words, "vhost-user-gpu-pci").Split(','));
        Assert.Contains($"socket,id=chr-vu-video0,path={FocusedBuild.Host.StateDirectory}/vhost-user-gpu/g-video0.sock", words);
        // The render node is the process's, not QEMU's.
        Assert.DoesNotContain(words, w => w.Contains("renderD128", StringComparison.Ordinal));
    }

    [Fact]
    public void With_a_boot_menu_the_boot_order_still_goes_per_device_so_four_boot_devices_fit()
    {
        var words = Words("""
            <disk type='file' device='cdrom'><target dev='hdc' bus='ide'/><readonly/></disk>
            <disk type='file' device='disk'><source file='/a.img'/><target dev='hda' bus='ide'/></disk>
            """, os: "<boot dev='cdrom'/><boot dev='hd'/><boot dev='network'/><boot dev='fd'/><bootmenu enable='yes'/>");

        ArgvAssert.Contains(words, "-boot", "menu=on");
        Assert.Contains("bootindex=1", Device(words, "ide-cd").Split(','));
        Assert.Contains("bootindex=2", Device(words, "ide-hd").Split(','));
    }

    [Fact]
    public void An_emulator_with_strict_boot_boots_only_from_the_devices_named()
    {
        var strict = Build("", Modern.With(QemuCapability.BootStrict), os: "<boot dev='hd'/><bootmenu enable='yes'/>");
        Assert.True(strict.Succeeded, string.Join("\n", strict.Diagnostics));
        ArgvAssert.Contains(strict.CommandLine!.Words, "-boot", "menu=on,strict=on");

        var words = Words("", os: "<boot dev='hd'/><bootmenu enable='yes'/>");
        ArgvAssert.Contains(words, "-boot", "menu=on");
    }

    [Fact]
    public void The_boot_menus_wait_is_its_splash_time()
    {
        var words = Words("", os: "<boot dev='hd'/><bootmenu enable='yes' timeout='3000'/>");
        Assert.Contains(words, w => w.Split(',').Contains("splash-time=3000") && w.Split(',').Contains("menu=on"));
        Assert.Contains("DL4050", Errors(Build("", Modern.Without(QemuCapability.SplashTimeout), os: "<bootmenu enable='yes' timeout='3000'/>")));
    }

    [Fact]
    public void A_Hyper_V_panic_notifier_is_the_cpus_hv_crash_property()
    {
        var result = Build("<panic model='hyperv'/>");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var words = result.CommandLine!.Words;
        Assert.Contains("hv-crash=on", words[words.ToList().IndexOf("-cpu") + 1].Split(','));
        // Under TCG QEMU has no Hyper-V: said at the panic element.
        Assert.Contains(result.Diagnostics, d => d.Code.Id == "DL4466" && d.Severity == Severity.Warning && d.Location.Line == 3);
    }

    [Fact]
    public void Restrictive_placement_gives_QEMU_no_host_nodes_or_policy_and_says_the_launcher_does_not_enforce_it()
    {
        var result = Build("", domain: """
            <numatune><memory mode='restrictive' nodeset='0'/><memnode cellid='0' mode='restrictive' nodeset='0'/></numatune>
            <cpu><numa><cell id='0' cpus='0-1' memory='219100' unit='KiB'/></numa></cpu>
            """);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.CommandLine!.Words, w => w.Contains("host-nodes", StringComparison.Ordinal) || w.Contains("policy", StringComparison.Ordinal));
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code.Id == "DL4504" && d.Severity == Severity.Warning));
    }

    [Fact]
    public void Hotplug_off_on_the_PCs_root_bus_is_a_switch_of_its_ACPI_device_and_refused_on_q35()
    {
        const string root = "<controller type='pci' index='0' model='pci-root'><target hotplug='off'/></controller>";
        var words = Words(root);
        Assert.Contains("PIIX4_PM.acpi-root-pci-hotplug=off", words);
        Assert.Contains("DL4308", Errors(Build(root.Replace("pci-root", "pcie-root", StringComparison.Ordinal), machine: "q35")));
        Assert.Contains("DL4310", Errors(Build(root, Modern.Without(QemuCapability.PiixAcpiRootPciHotplug))));
    }

    [Fact]
    public void Under_TCG_a_memory_map_beyond_40_address_bits_widens_the_guest_cpus_phys_bits_with_a_note()
    {
        var result = Build("", domain: "<maxMemory slots='16' unit='KiB'>1099511627776</maxMemory><cpu><numa><cell id='0' cpus='0-1' memory='219100' unit='KiB'/></numa></cpu>");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var words = result.CommandLine!.Words.ToList();
        Assert.Contains("phys-bits=51", words[words.IndexOf("-cpu") + 1].Split(','));
        Assert.Contains(result.Diagnostics, d => d.Code.Id == "DL4469" && d.Severity == Severity.Warning);
        var small = Build("", domain: "<maxMemory slots='4' unit='KiB'>4194304</maxMemory><cpu><numa><cell id='0' cpus='0-1' memory='219100' unit='KiB'/></numa></cpu>");
        Assert.DoesNotContain(small.Diagnostics, d => d.Code.Id == "DL4469");
    }

    [Fact]
    public void A_dimm_on_a_machine_without_ACPI_is_refused_before_a_launch_and_a_warning_in_a_dry_run()
    {
        const string dimm = "<memory model='dimm'><target><size unit='KiB'>131072</size><node>0</node></target></memory>";
        const string domain = "<maxMemory slots='4' unit='KiB'>4194304</maxMemory><cpu><numa><cell id='0' cpus='0-1' memory='219100' unit='KiB'/></numa></cpu>";
        var caps = Modern.With(QemuCapability.NoAcpi);
        var dryRun = Build(dimm, caps, domain: domain);
        Assert.Contains(dryRun.Diagnostics, d => d.Code.Id == "DL4308" && d.Severity == Severity.Warning);
        var withAcpi = Build(dimm, caps, domain: domain + "<features><acpi/></features>");
        Assert.DoesNotContain(withAcpi.Diagnostics, d => d.Code.Id == "DL4308");
    }

    [Fact]
    public void The_virtio_IOMMU_sits_on_the_root_bus_and_virtio_mem_devices_come_after_the_buses_they_sit_on()
    {
        var words = Words("<iommu model='virtio'/>", machine: "q35");
        Assert.Contains("bus=pcie.0", Device(words, "virtio-iommu-pci").Split(','));
        var mem = Words("""
            <controller type='pci' index='1' model='pci-bridge'/>
            <memory model='virtio-mem'><target><size unit='KiB'>1048576</size><node>0</node><block unit='KiB'>2048</block><requested unit='KiB'>0</requested></target>
              <address type='pci' domain='0x0000' bus='0x01' slot='0x01' function='0x0'/></memory>
            """, domain: "<maxMemory slots='4' unit='KiB'>4194304</maxMemory><cpu><numa><cell id='0' cpus='0-1' memory='219100' unit='KiB'/></numa></cpu>").ToList();
        Assert.True(mem.IndexOf(Device(mem, "pci-bridge")) < mem.IndexOf(Device(mem, "virtio-mem-pci")));
    }
}
