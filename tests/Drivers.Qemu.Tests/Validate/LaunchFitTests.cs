using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Validate;

/// <summary>
/// Before a launch (<see cref="QemuBuildOptions.RefuseUnfit"/>), the builder refuses what this emulator
/// or the PC cannot have, each at its own element's line; without the option (to-native) it builds
/// what libvirt would.
/// </summary>
public sealed class LaunchFitTests
{
    private static readonly EmulatorDescription Emulator = new()
    {
        Path = "/usr/bin/qemu-system-x86_64",
        Arch = "x86_64",
        Capabilities = QemuCapabilitySet.Of(QemuCapability.Device, QemuCapability.Drive, QemuCapability.IdeCd,
            QemuCapability.Piix3UsbUhci, QemuCapability.BootIndex, QemuCapability.Chardev, QemuCapability.Accel),
        Machines = [new MachineType("pc", "pc-i440fx-7.2"), new MachineType("pc-i440fx-7.2")],
        DeviceTypes = ["ide-hd", "ide-cd", "piix3-usb-uhci", "e1000", "virtio-net-pci", "usb-tablet", "virtio-balloon-pci"],
        CpuModels = ["qemu64"],
    };

    private static readonly QemuBuildOptions ForLaunch = new() { RefuseUnfit = true, RefuseTainted = true };

    /// <summary>Builds a domain whose devices start on line 4 (one element per line), for launch or not.</summary>
    // validated: false hands the driver a domain as parsed, to show that the driver's own checks
    // hold for callers that skip the shared validation.
    private static QemuBuildResult Build(string devices, QemuBuildOptions options, string machine = "pc", string os = "", string extra = "", bool validated = true)
    {
        var load = validated ? (Func<string, string, DomainParseResult>)((xml, name) => DomainLoader.LoadText(xml, name)) : (xml, name) => DomainParser.ParseText(xml, name);
        var parsed = load($"""
            <domain type='qemu' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><name>g</name><memory>219100</memory>
              <os><type arch='x86_64' machine='{machine}'>hvm</type>{os}</os>
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>
            {devices}
              </devices>{extra}
            </domain>
            """, "fit.xml");
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        return QemuCommandBuilder.Build(parsed.Domain!, Emulator, HostSettings.Default, options);
    }

    private static Diagnostic Refusal(QemuBuildResult result, string code)
    {
        Assert.False(result.Succeeded);
        return Assert.Single(result.Diagnostics, d => d.Code.Id == code);
    }

    [Fact]
    public void A_device_type_the_emulator_lacks_is_refused_at_the_device()
    {
        var result = Build("<controller type='usb' index='0'/>\n<interface type='user'><model type='rtl8139'/></interface>", ForLaunch);

        var error = Refusal(result, "DL4302");
        Assert.Contains("'rtl8139'", error.Message);
        Assert.Equal(5, error.Location.Line);
    }

    [Fact]
    public void A_machine_the_emulator_lacks_is_refused_at_the_os_element()
    {
        var error = Refusal(Build("", ForLaunch, machine: "pc-0.13"), "DL4303");

        Assert.Contains("'pc-0.13'", error.Message);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void A_third_ide_bus_a_second_ide_controller_and_a_read_only_ide_hard_disk_are_refused_at_their_disks()
    {
        var result = Build("""
            <disk type='file' device='disk'><source file='/a.img'/><target dev='hdc' bus='ide'/><address type='drive' controller='0' bus='2' unit='0'/></disk>
            <disk type='file' device='disk'><source file='/b.img'/><target dev='hda' bus='ide'/><readonly/></disk>
            <disk type='file' device='disk'><source file='/c.img'/><target dev='hde' bus='ide'/></disk>
            """, ForLaunch);

        Assert.False(result.Succeeded);
        var errors = result.Diagnostics.Where(d => d.Code.Id == "DL4308").OrderBy(d => d.Location.Line).ToList();
        Assert.True(errors.Count == 3, string.Join("\n", result.Diagnostics));
        Assert.Equal(4, errors[0].Location.Line);
        Assert.Contains("controller 0 bus 2 unit 0", errors[0].Message);
        Assert.Equal(5, errors[1].Location.Line);
        Assert.Contains("read-only", errors[1].Message);
        Assert.Equal(6, errors[2].Location.Line);
        Assert.Contains("controller 1 bus 0 unit 0", errors[2].Message);
    }

    [Fact]
    public void Four_bios_boot_devices_on_the_pc_are_refused_at_the_os_element()
    {
        var os = "<boot dev='cdrom'/><boot dev='hd'/><boot dev='network'/><boot dev='fd'/><bootmenu enable='yes'/>";
        var emulator = Emulator with { Capabilities = Emulator.Capabilities.With(QemuCapability.BootMenu) };
        var parsed = DomainLoader.LoadText($"<domain type='qemu'><name>g</name><memory>219100</memory>\n<os><type arch='x86_64' machine='pc'>hvm</type>{os}</os></domain>", "boot.xml");

        var result = QemuCommandBuilder.Build(parsed.Domain!, emulator, HostSettings.Default, ForLaunch);

        var error = Refusal(result, "DL4308");
        Assert.Contains("boots from 4 devices", error.Message);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void A_usb_device_on_a_port_its_controller_lacks_is_refused_at_the_device()
    {
        var result = Build("<controller type='usb' index='0' model='piix3-uhci'/>\n<input type='tablet' bus='usb'><address type='usb' bus='0' port='3'/></input>", ForLaunch);

        var error = Refusal(result, "DL4308");
        Assert.Contains("port 3", error.Message);
        Assert.Equal(5, error.Location.Line);
    }

    [Fact]
    public void Two_disks_with_one_target_are_refused_at_the_second()
    {
        var result = Build("""
            <disk type='file' device='disk'><source file='/a.img'/><target dev='vda' bus='virtio'/></disk>
            <disk type='file' device='disk'><source file='/b.img'/><target dev='vda' bus='virtio'/></disk>
            """, ForLaunch, validated: false);

        var error = Refusal(result, "DL4308");
        Assert.Contains("'virtio-disk0'", error.Message);
        Assert.Equal(5, error.Location.Line);
        Assert.Contains("line 4", error.Message);
    }

    [Fact]
    public void Two_disks_with_one_target_are_refused_even_when_nothing_is_launched()
    {
        var result = Build("""
            <disk type='file' device='disk'><source file='/a.img'/><target dev='vda' bus='virtio'/></disk>
            <disk type='file' device='disk'><source file='/b.img'/><target dev='vda' bus='virtio'/></disk>
            """, QemuBuildOptions.Default, validated: false);

        Assert.Equal(5, Refusal(result, "DL4308").Location.Line);
    }

    [Fact]
    public void Raw_qemu_arguments_are_refused_at_the_commandline_element()
    {
        var error = Refusal(Build("", ForLaunch, extra: "\n<qemu:commandline><qemu:arg value='-S'/></qemu:commandline>"), "DL4307");

        Assert.Equal(6, error.Location.Line);
    }

    [Fact]
    public void Without_the_launch_option_the_same_domains_build_as_libvirt_built_them()
    {
        foreach (var result in new[]
        {
            Build("<interface type='user'><model type='rtl8139'/></interface>", QemuBuildOptions.Default),
            Build("", QemuBuildOptions.Default, machine: "pc-0.13"),
            Build("<disk type='file' device='disk'><source file='/a.img'/><target dev='hde' bus='ide'/></disk>", QemuBuildOptions.Default),
            Build("", QemuBuildOptions.Default, extra: "<qemu:commandline><qemu:arg value='-S'/></qemu:commandline>"),
        })
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }
}
