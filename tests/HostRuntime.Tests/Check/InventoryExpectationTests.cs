using DomainLauncher.Drivers.Qemu;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Check;
using DomainLauncher.Drivers.Qemu.Host;

namespace DomainLauncher.HostRuntime.Tests.Check;

/// <summary>What the check expects of a domain, from the domain and the builder's plan: no QEMU needed.</summary>
public sealed class InventoryExpectationTests
{
    private static readonly EmulatorDescription Modern = new()
    {
        Path = "/usr/bin/qemu-system-x86_64",
        Arch = "x86_64",
        Machines = [new MachineType("pc", "pc-i440fx-7.2"), new MachineType("pc-i440fx-7.2")],
        Capabilities = QemuCapabilitySet.Of(
            QemuCapability.Device, QemuCapability.Drive, QemuCapability.DriveFormat, QemuCapability.Netdev, QemuCapability.Chardev,
            QemuCapability.MonitorJson, QemuCapability.NoUserConfig, QemuCapability.BootIndex, QemuCapability.IdeCd, QemuCapability.ScsiCd,
            QemuCapability.Piix3UsbUhci, QemuCapability.Ich9UsbEhci1, QemuCapability.UsbHub, QemuCapability.HdaDuplex, QemuCapability.HdaMicro,
            QemuCapability.Qxl, QemuCapability.DeviceQxlVga, QemuCapability.DeviceVideoPrimary, QemuCapability.VgaDevice,
            QemuCapability.PciMultifunction, QemuCapability.Vnc, QemuCapability.VncColon),
    };

    private static IReadOnlyList<ExpectedDevice> Expect(string devices)
    {
        var domain = InventoryScratchHost.Parse($"""
            <domain type='qemu'>
              <name>expect</name>
              <memory unit='KiB'>131072</memory>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices>
                <emulator>/usr/bin/qemu-system-x86_64</emulator>
                {devices}
              </devices>
            </domain>
            """);
        var built = QemuCommandBuilder.Build(domain, Modern, HostSettings.Default);
        Assert.True(built.Succeeded, string.Join("\n", built.Diagnostics.Select(d => d.Format())));
        return ExpectedDevices.For(domain, Modern, HostSettings.Default);
    }

    [Fact]
    public void A_virtio_disk_is_expected_by_alias_type_slot_block_device_and_medium()
    {
        var disk = Assert.Single(Expect(
            "<disk type='file' device='disk'><source file='/images/a.qcow2'/><target dev='vda' bus='virtio'/></disk>"),
            e => e.Kind == DeviceKind.Disk);

        Assert.Equal("disk vda (virtio, /images/a.qcow2)", disk.Name);
        Assert.Equal("virtio-disk0", disk.Id);
        Assert.Equal("virtio-blk-pci", disk.QemuType);
        Assert.NotNull(disk.Pci);
        Assert.Equal("drive-virtio-disk0", disk.Drive);
        Assert.Equal(MediumExpectation.Inserted, disk.Medium);
        Assert.Equal("/images/a.qcow2", disk.MediumFile);
    }

    [Fact]
    public void An_empty_IDE_cdrom_expects_an_ide_cd_with_no_medium()
    {
        var cdrom = Assert.Single(Expect("<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/><readonly/></disk>"),
            e => e.Kind == DeviceKind.Cdrom);

        Assert.Equal(("ide0-1-0", "ide-cd", MediumExpectation.Empty), (cdrom.Id, cdrom.QemuType, cdrom.Medium));
        Assert.Equal("cdrom hdc (ide, empty)", cdrom.Name);
    }

    [Fact]
    public void A_NIC_expects_its_model_s_type_and_its_MAC_in_lower_case()
    {
        var nics = Expect("""
            <interface type='user'><mac address='52:54:00:AB:CD:EF'/><model type='virtio'/></interface>
            <interface type='user'><model type='e1000'/></interface>
            """).Where(e => e.Kind == DeviceKind.Nic).ToList();

        Assert.Equal(("net0", "virtio-net-pci", "52:54:00:ab:cd:ef"), (nics[0].Id, nics[0].QemuType, nics[0].Mac));
        Assert.Equal(("net1", "e1000", (string?)null), (nics[1].Id, nics[1].QemuType, nics[1].Mac));
        Assert.NotEqual(nics[0].Pci, nics[1].Pci);
    }

    [Fact]
    public void A_serial_console_alone_is_expected_as_the_serial_port_the_plan_adds()
    {
        var expected = Expect("<console type='pty'><target type='serial' port='0'/></console>");

        var serial = Assert.Single(expected, e => e.Kind == DeviceKind.Serial);
        var console = Assert.Single(expected, e => e.Kind == DeviceKind.Console);
        Assert.Equal(("serial0", "isa-serial", "charserial0"), (serial.Id, serial.QemuType, serial.Chardev));
        Assert.Equal(serial.Id, console.Id);
    }

    [Fact]
    public void USB_companion_controllers_are_expected_without_ids_on_their_master_s_slot()
    {
        var controllers = Expect("""
            <controller type='usb' index='0' model='ich9-ehci1'/>
            <controller type='usb' index='0' model='ich9-uhci1'/>
            """).Where(e => e.Kind == DeviceKind.Controller).ToList();

        Assert.Equal(2, controllers.Count);
        Assert.Equal(("usb", "ich9-usb-ehci1"), (controllers[0].Id, controllers[0].QemuType));
        Assert.Equal((null, "ich9-usb-uhci1"), (controllers[1].Id, controllers[1].QemuType));
        Assert.Equal(controllers[0].Pci!.Slot, controllers[1].Pci!.Slot);
        Assert.Equal(7u, controllers[0].Pci!.Function);
    }

    [Fact]
    public void An_HDA_card_expects_its_codecs_and_a_secondary_video_card_is_a_qxl()
    {
        var expected = Expect("""
            <graphics type='vnc' port='5900'/>
            <sound model='ich6'><codec type='micro'/></sound>
            <video><model type='vga'/></video>
            <video><model type='qxl'/></video>
            """);

        var codec = Assert.Single(expected, e => e.QemuType == "hda-micro");
        Assert.Equal("sound0-codec0", codec.Id);
        var videos = expected.Where(e => e.Kind == DeviceKind.Video).ToList();
        Assert.Equal(("video0", "VGA", new PciSlot(0, 2, 0)), (videos[0].Id, videos[0].QemuType, videos[0].Pci));
        Assert.Equal(("video1", "qxl"), (videos[1].Id, videos[1].QemuType));
    }

    [Fact]
    public void A_domain_without_a_balloon_element_expects_the_default_balloon_and_model_none_expects_none()
    {
        Assert.Single(Expect(""), e => e.Kind == DeviceKind.Memballoon);
        Assert.DoesNotContain(Expect("<memballoon model='none'/>"), e => e.Kind == DeviceKind.Memballoon);
    }

    [Fact]
    public void The_expectation_line_names_each_facet_that_is_checked()
    {
        var disk = new ExpectedDevice
        {
            Kind = DeviceKind.Disk, Name = "disk", Id = "virtio-disk0", QemuType = "virtio-blk-pci", Pci = new PciSlot(0, 5, 0),
            Drive = "drive-virtio-disk0", Medium = MediumExpectation.Inserted,
        };
        var vga = new ExpectedDevice { Kind = DeviceKind.Video, Name = "video", QemuType = "cirrus-vga", Pci = new PciSlot(0, 2, 0), PciClass = 0x0300 };

        Assert.Equal("virtio-blk-pci id=virtio-disk0 pci=00:05.0 drive=drive-virtio-disk0 medium=any", disk.Expectation);
        Assert.Equal("a cirrus-vga pci=00:02.0 class=0x0300", vga.Expectation);
    }

    [Fact]
    public void Every_device_kind_has_a_name_in_the_table()
    {
        foreach (var kind in Enum.GetValues<DeviceKind>())
            Assert.False(string.IsNullOrEmpty(DeviceKindNames.Name(kind)));
        Assert.Equal("lsi53c895a", QemuTypeAliases.Resolve("lsi"));
        Assert.Equal("virtio-net-pci", QemuTypeAliases.Resolve("virtio-net-pci"));
    }
}
