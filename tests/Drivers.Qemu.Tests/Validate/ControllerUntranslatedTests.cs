using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Defaults;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Validate;

/// <summary>
/// libvirt 9's controllers and addresses: the machine's root PCI bus changes nothing on the command
/// line; everything the driver does not translate yet is refused at its element.
/// </summary>
public sealed class ControllerUntranslatedTests
{
    private static readonly HostSettings Host = HostSettings.Default with
    {
        Monitor = new MonitorSettings { Path = "/run/mon" },
        Environment = new ProcessEnvironment { Set = [new("PATH", "/bin")] },
    };

    private static QemuBuildResult Build(string devices, string machine = "pc")
    {
        var xml = $"""
            <domain type='qemu'><name>g</name><memory>219100</memory><vcpu>1</vcpu>
              <os><type arch='x86_64' machine='{machine}'>hvm</type></os>
              <devices><emulator>/usr/bin/qemu</emulator>{devices}<memballoon model='none'/></devices></domain>
            """;
        var loaded = DomainLoader.LoadText(xml);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var emulator = new EmulatorDescription
        {
            Path = "/usr/bin/qemu", Arch = "x86_64",
            Capabilities = QemuCapabilitySet.Of([QemuCapability.Device, QemuCapability.Drive, QemuCapability.Chardev]),
        };
        return QemuCommandBuilder.Build(loaded.Domain!, emulator, Host);
    }

    private static void AssertRefusedAt(QemuBuildResult result, int line, string what)
    {
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == QemuDiagnostics.NotTranslated && d.Message.Contains(what, StringComparison.Ordinal));
        Assert.Equal(line, error.Location.Line);
    }

    [Fact]
    public void The_implicit_or_declared_root_bus_builds_the_same_command_line_as_none()
    {
        const string disk = "<disk type='file' device='disk'><source file='/a.img'/><target dev='hda' bus='ide'/></disk>";
        var implicitRoot = Build(disk);
        var declaredRoot = Build(disk + "<controller type='pci' index='0' model='pci-root'/>");
        Assert.True(implicitRoot.Succeeded, string.Join("\n", implicitRoot.Diagnostics));
        Assert.True(declaredRoot.Succeeded, string.Join("\n", declaredRoot.Diagnostics));
        Assert.Equal(string.Join(" ", implicitRoot.CommandLine!.Words), string.Join(" ", declaredRoot.CommandLine!.Words));
        Assert.DoesNotContain(implicitRoot.CommandLine.Words, w => w.Contains("pci-root", StringComparison.Ordinal));
    }

    [Fact]
    public void A_root_bus_of_the_other_chipset_is_refused() =>
        AssertRefusedAt(Build("\n<controller type='pci' index='0' model='pcie-root'/>"), 4, "pcie-root root bus on machine 'pc'");

    [Fact]
    public void A_pci_bridge_on_an_emulator_without_the_modern_topology_is_refused_naming_the_capability()
    {
        var result = Build("\n<controller type='pci' index='1' model='pci-bridge'/>");
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == QemuDiagnostics.UnsupportedByEmulator);
        Assert.Contains("'pcie-root-port'", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public void Root_bus_settings_are_refused() =>
        AssertRefusedAt(Build("\n<controller type='pci' index='0' model='pci-root'><pcihole64>1024</pcihole64></controller>"), 4, "<pcihole64>");

    [Theory]
    [InlineData("<controller type='ide' index='0' model='piix4'/>", "'piix4'")]
    [InlineData("<controller type='isa' index='0'/>", "type='isa'")]
    [InlineData("<controller type='xenbus' index='0'/>", "type='xenbus'")]
    [InlineData("<controller type='scsi' index='0'><acpi index='1'/></controller>", "<acpi index>")]
    [InlineData("<controller type='sata' index='0'><address type='dimm' slot='0'/></controller>", "type='dimm'")]
    public void New_controller_parts_are_refused_at_the_controller(string controller, string what) =>
        AssertRefusedAt(Build("\n" + controller), 4, what);

    [Fact]
    public void A_controller_drivers_io_thread_is_refused_at_the_driver() =>
        AssertRefusedAt(Build("\n<controller type='scsi' index='0' model='virtio-scsi'>\n<driver iothread='1'/></controller>"), 5, "<driver iothread>");

    [Theory]
    [InlineData("<controller type='usb' index='0' model='qemu-xhci'/>", "'qemu-xhci'")]
    [InlineData("<controller type='scsi' index='0' model='virtio-transitional'/>", "'virtio-scsi-pci-transitional'")]
    [InlineData("<controller type='scsi' index='0' model='lsisas1078'/>", "'megasas'")]
    public void A_model_of_todays_schema_is_refused_naming_the_device_an_emulator_without_device_types_cannot_confirm(string controller, string device)
    {
        var result = Build("\n" + controller);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == QemuDiagnostics.DeviceTypeMissing);
        Assert.Contains(device, error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public void A_virtio_unix_channel_without_a_socket_path_gets_one_in_the_run_directory_and_a_serial_port_is_refused()
    {
        var loaded = DomainLoader.LoadText("""
            <domain type='qemu'><name>g</name><memory>219100</memory>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices><emulator>/usr/bin/qemu</emulator>
            <channel type='unix'><source mode='bind' path='/x'/><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
            <serial type='unix'><source mode='bind' path='/y'/><target port='0'/></serial>
            </devices></domain>
            """);
        var domain = loaded.Domain!;
        UnixCharSource Pathless(CharDevice device) => ((UnixCharSource)device.Source!) with { Path = null };
        var channel = domain.Devices.Channels[0];
        var serial = domain.Devices.Serials[0];
        var emulator = new EmulatorDescription
        {
            Path = "/usr/bin/qemu", Arch = "x86_64",
            Capabilities = QemuCapabilitySet.Of([QemuCapability.Device, QemuCapability.Drive, QemuCapability.Chardev]),
        };

        var channelOnly = domain with { Devices = domain.Devices with { Channels = [channel with { Source = Pathless(channel) }], Serials = [] } };
        var built = QemuCommandBuilder.Build(DomainDefaults.Apply(channelOnly), emulator, Host);
        Assert.True(built.Succeeded, string.Join("\n", built.Diagnostics));
        Assert.Contains(built.CommandLine!.Words, w => w.StartsWith($"socket,id=charchannel0,path={Host.LibDirectory}/g.org.qemu.guest_agent.0,", StringComparison.Ordinal));

        var serialOnly = domain with { Devices = domain.Devices with { Serials = [serial with { Source = Pathless(serial) }], Channels = [] } };
        var result = QemuCommandBuilder.Build(DomainDefaults.Apply(serialOnly), emulator, Host);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == QemuDiagnostics.UnsupportedByHost);
        Assert.Equal(5, error.Location.Line);
    }
}
