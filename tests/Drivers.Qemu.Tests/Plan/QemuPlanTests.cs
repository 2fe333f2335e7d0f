using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Plan;

/// <summary>The plan decides what the command line says; these read the decisions from the build result.</summary>
public sealed class QemuPlanTests
{
    private static readonly HostSettings Host = HostSettings.Default with
    {
        Monitor = new MonitorSettings { Path = "/run/mon" },
        Environment = new ProcessEnvironment { Set = [new("PATH", "/bin")] },
    };

    private static QemuBuildResult Build(string devices, string machine = "pc", QemuBuildOptions? options = null, params QemuCapability[] caps)
    {
        var xml = $"""
            <domain type='qemu'><name>g</name><memory>219100</memory><vcpu>1</vcpu>
              <os><type arch='i686' machine='{machine}'>hvm</type></os>
              <devices><emulator>/usr/bin/qemu</emulator>{devices}</devices></domain>
            """;
        var parsed = DomainParser.ParseText(xml);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        var emulator = new EmulatorDescription { Path = "/usr/bin/qemu", Arch = "i686", Capabilities = QemuCapabilitySet.Of(caps) };
        var result = QemuCommandBuilder.Build(parsed.Domain!, emulator, Host, options);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    private static string Line(QemuBuildResult result) => string.Join(" ", result.CommandLine!.Args);

    [Fact]
    public void The_boot_index_table_has_a_place_for_every_boot_device()
    {
        var values = Enum.GetValues<BootDevice>();
        Assert.Equal(QemuPlanner.BootDeviceCount, values.Length);
        Assert.All(values, value => Assert.InRange((int)value, 0, QemuPlanner.BootDeviceCount - 1));
    }

    [Fact]
    public void Declared_controllers_are_not_implicit_and_the_ones_the_planner_adds_are()
    {
        var result = Build("""
            <disk type='file' device='disk'><source file='/d.img'/><target dev='sda' bus='scsi'/></disk>
            <controller type='usb' index='0' model='piix3-uhci'/>
            """, caps: [QemuCapability.Device, QemuCapability.Drive, QemuCapability.Piix3UsbUhci]);
        var controllers = result.Plan!.Controllers;
        Assert.False(controllers.Single(c => c.Controller is UsbController).Implicit);
        Assert.True(controllers.Single(c => c.Controller is ScsiController).Implicit);
    }

    [Fact]
    public void A_daemonized_guest_without_graphics_gets_display_none_beside_nodefaults()
    {
        var daemonized = Build("", options: new QemuBuildOptions { Daemonized = true }, caps: QemuCapability.Device);
        Assert.Equal(QemuDisplayMode.DisplayNone, daemonized.Plan!.Display);
        Assert.Contains(" -display none -nodefaults ", Line(daemonized));
        Assert.DoesNotContain("-nographic", Line(daemonized));

        var foreground = Build("", caps: QemuCapability.Device);
        Assert.Equal(QemuDisplayMode.NoGraphic, foreground.Plan!.Display);
        Assert.Equal(Line(daemonized).Replace("-display none", "-nographic", StringComparison.Ordinal), Line(foreground));
    }

    [Fact]
    public void Without_nodefaults_a_daemonized_guest_keeps_nographic_which_means_more_there()
    {
        var result = Build("", options: new QemuBuildOptions { Daemonized = true });
        Assert.Equal(QemuDisplayMode.NoGraphic, result.Plan!.Display);
        Assert.Contains(" -nographic ", Line(result));
    }

    [Fact]
    public void Each_device_carries_the_type_the_command_line_writes()
    {
        var result = Build("""
            <disk type='file' device='cdrom'><source file='/i.iso'/><target dev='hdc' bus='ide'/></disk>
            <disk type='file' device='disk'><source file='/d.img'/><target dev='sda' bus='scsi'/></disk>
            <controller type='usb' index='0' model='ich9-ehci1'/>
            <interface type='user'><model type='virtio'/></interface>
            <sound model='ich6'/>
            <watchdog model='i6300esb'/>
            """, caps: [QemuCapability.Device, QemuCapability.Drive, QemuCapability.IdeCd, QemuCapability.ScsiCd, QemuCapability.HdaDuplex, QemuCapability.Ich9UsbEhci1]);
        var plan = result.Plan!;
        var line = Line(result);
        Assert.Equal(["ide-cd", "scsi-hd"], plan.Disks.Select(d => d.QemuType));
        Assert.Equal("virtio-net-pci", plan.Interfaces[0].QemuType);
        Assert.Equal("intel-hda", plan.Sounds[0].QemuType);
        Assert.Equal(["hda-duplex"], plan.Sounds[0].Codecs.Select(c => c.QemuType));
        Assert.Equal("i6300esb", plan.Watchdog!.QemuType);
        Assert.Equal("virtio-balloon-pci", plan.Balloon!.QemuType);
        var usb = plan.Controllers.Single(c => c.Controller is UsbController);
        Assert.Equal("ich9-usb-ehci1", usb.QemuType);
        var scsi = plan.Controllers.Single(c => c.Controller is ScsiController);
        Assert.Equal(ScsiControllerModel.Lsilogic, scsi.ScsiModel);
        Assert.False(plan.Disks[1].ScsiByTarget);
        Assert.False(plan.Usb);
        foreach (var type in plan.Disks.Select(d => d.QemuType!)
                     .Concat(plan.Controllers.Select(c => c.QemuType).OfType<string>())
                     .Append(plan.Interfaces[0].QemuType).Append(plan.Sounds[0].QemuType!).Append(plan.Watchdog.QemuType))
            Assert.Contains($"-device {type},", line);
    }

    [Fact]
    public void An_s390_machine_carries_virtio_on_its_own_bus()
    {
        var result = Build("""
            <disk type='file' device='disk'><source file='/d.img'/><target dev='vda' bus='virtio'/></disk>
            <interface type='user'><model type='virtio'/></interface>
            """, machine: "s390-virtio", caps: [QemuCapability.Device, QemuCapability.Drive, QemuCapability.VirtioS390]);
        var plan = result.Plan!;
        Assert.Equal(VirtioTransport.S390, plan.VirtioTransport);
        Assert.Equal("virtio-blk-s390", plan.Disks[0].QemuType);
        Assert.Equal("virtio-net-s390", plan.Interfaces[0].QemuType);
        Assert.Null(plan.Disks[0].Pci);
        Assert.Null(plan.Balloon);
    }

    [Fact]
    public void The_accelerator_is_decided_in_the_plan_only_for_emulators_with_accel()
    {
        Assert.Equal(QemuAccelerator.Tcg, Build("", caps: QemuCapability.Accel).Plan!.Accelerator);
        Assert.Null(Build("").Plan!.Accelerator);
    }

    [Fact]
    public void The_graphics_ports_and_listen_address_are_settled_in_the_plan()
    {
        var plan = Build("<graphics type='vnc' port='5903' listen='::1'/>", caps: QemuCapability.VncColon).Plan!;
        Assert.Equal(5903, plan.Graphics!.Port);
        Assert.Equal("::1", plan.Graphics.Listen);
        Assert.Equal("[::1]:3", plan.Graphics.VncDisplay);
        Assert.Equal(QemuDisplayMode.Graphics, plan.Display);
    }
}
