using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Tests.Build;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Plan;

/// <summary>
/// libvirt 9's PCI topology on an emulator with PCI Express root ports: q35's pcie.0 with a root port per
/// PCI Express device, bridges for conventional devices, user-given addresses, and the refusals of what
/// cannot be placed. A legacy capability set keeps libvirt 0.10.2's single bus.
/// </summary>
public sealed class PciTopologyTests
{
    private static readonly QemuCapability[] Base =
    [
        QemuCapability.Drive, QemuCapability.Device, QemuCapability.Netdev, QemuCapability.Chardev, QemuCapability.MonitorJson,
        QemuCapability.NoUserConfig, QemuCapability.Rtc, QemuCapability.MachineOpt, QemuCapability.DriveFormat, QemuCapability.IdeCd,
        QemuCapability.Piix3UsbUhci, QemuCapability.NecUsbXhci, QemuCapability.VirtioScsiPci, QemuCapability.Ich9Ahci,
        QemuCapability.DeviceVideoPrimary, QemuCapability.Vga, QemuCapability.VgaDevice,
    ];

    private static readonly QemuCapabilitySet Modern = QemuCapabilitySet.Of([.. Base, QemuCapability.PcieRootPort, QemuCapability.PciePciBridge]);

    private static readonly QemuCapabilitySet ModernWithoutPciePciBridge = QemuCapabilitySet.Of([.. Base, QemuCapability.PcieRootPort]);

    private static readonly QemuCapabilitySet Legacy = QemuCapabilitySet.Of(Base);

    private static readonly string[] DeviceTypes =
    [
        "pcie-root-port", "pcie-pci-bridge", "pci-bridge", "i82801b11-bridge", "x3130-upstream", "xio3130-downstream", "ioh3420",
        "qemu-xhci", "nec-usb-xhci", "piix3-usb-uhci", "virtio-net-pci", "virtio-blk-pci", "virtio-balloon-pci", "virtio-scsi-pci",
        "virtio-scsi-pci-transitional", "virtio-serial-pci", "virtio-serial-pci-transitional", "rtl8139", "e1000e", "VGA", "ich9-ahci",
    ];

    private static QemuBuildResult Build(string devices, string machine, QemuCapabilitySet caps)
    {
        var xml = $"""
            <domain type='qemu'><name>g</name><memory>219100</memory><vcpu>1</vcpu>
              <os><type arch='x86_64' machine='{machine}'>hvm</type></os>
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>{devices}</devices></domain>
            """;
        var parsed = DomainLoader.LoadText(xml);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        var emulator = new EmulatorDescription
        {
            Path = "/usr/bin/qemu-system-x86_64",
            Arch = "x86_64",
            Capabilities = caps,
            DeviceTypes = [.. DeviceTypes],
            Machines = [new MachineType("pc", "pc-i440fx-7.2"), new MachineType("pc-i440fx-7.2"), new MachineType("q35", "pc-q35-7.2"), new MachineType("pc-q35-7.2")],
        };
        return QemuCommandBuilder.Build(parsed.Domain!, emulator, FocusedBuild.Host);
    }

    /// <summary>The value after each <c>-device</c>, in order.</summary>
    private static List<string> Devices(string devices, string machine = "q35", QemuCapabilitySet? caps = null)
    {
        var result = Build(devices, machine, caps ?? Modern);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var words = result.CommandLine!.Words;
        return [.. words.Select((w, i) => (w, i)).Where(x => x.w == "-device").Select(x => words[x.i + 1])];
    }

    private static string Refusal(string devices, string machine = "q35", QemuCapabilitySet? caps = null)
    {
        var result = Build(devices, machine, caps ?? Modern);
        Assert.False(result.Succeeded);
        return string.Join("\n", result.Diagnostics);
    }

    [Fact]
    public void A_q35_guest_puts_each_pci_express_device_behind_a_root_port_and_keeps_one_spare()
    {
        var devices = Devices("");

        Assert.Equal(
        [
            "pcie-root-port,port=8,chassis=1,id=pci.1,bus=pcie.0,multifunction=on,addr=0x1",
            "pcie-root-port,port=9,chassis=2,id=pci.2,bus=pcie.0,addr=0x1.0x1",
            "pcie-root-port,port=10,chassis=3,id=pci.3,bus=pcie.0,addr=0x1.0x2",
            "qemu-xhci,id=usb,bus=pci.1,addr=0x0",
            "virtio-balloon-pci,id=balloon0,bus=pci.2,addr=0x0",
        ], devices);
    }

    [Fact]
    public void The_primary_video_card_takes_slot_1_of_pcie_0_and_the_root_ports_start_at_slot_2()
    {
        var devices = Devices("<video><model type='vga'/></video>");

        Assert.Contains("VGA,id=video0,bus=pcie.0,addr=0x1", devices);
        Assert.Contains("pcie-root-port,port=16,chassis=1,id=pci.1,bus=pcie.0,multifunction=on,addr=0x2", devices);
    }

    [Fact]
    public void A_conventional_device_goes_behind_a_pcie_to_pci_bridge_on_a_root_port_numbered_before_it()
    {
        var devices = Devices("<interface type='user'><model type='rtl8139'/></interface><controller type='usb' model='none'/><memballoon model='none'/>");

        Assert.Equal(
        [
            "pcie-root-port,port=8,chassis=1,id=pci.1,bus=pcie.0,multifunction=on,addr=0x1",
            "pcie-pci-bridge,id=pci.2,bus=pci.1,addr=0x0",
            "pcie-root-port,port=9,chassis=3,id=pci.3,bus=pcie.0,addr=0x1.0x1",
        ], devices.Where(d => d.StartsWith("pcie", StringComparison.Ordinal)));
        Assert.Contains(devices, d => d.StartsWith("rtl8139,", StringComparison.Ordinal) && d.EndsWith(",bus=pci.2,addr=0x1", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_pcie_pci_bridge_conventional_devices_sit_behind_a_dmi_to_pci_bridge_and_a_pci_bridge()
    {
        var devices = Devices("<interface type='user'><model type='rtl8139'/></interface><controller type='usb' model='none'/><memballoon model='none'/>",
            caps: ModernWithoutPciePciBridge);

        Assert.Contains("i82801b11-bridge,id=pci.1,bus=pcie.0,addr=0x1e", devices);
        Assert.Contains("pci-bridge,chassis_nr=2,id=pci.2,bus=pci.1,addr=0x0", devices);
        Assert.Contains(devices, d => d.StartsWith("rtl8139,", StringComparison.Ordinal) && d.EndsWith(",bus=pci.2,addr=0x1", StringComparison.Ordinal));
    }

    [Fact]
    public void Declared_root_ports_are_used_before_any_is_added_and_no_spare_is_added_then()
    {
        var devices = Devices("""
            <controller type='pci' model='pcie-root-port'/><controller type='pci' model='pcie-root-port'><target hotplug='off'/></controller>
            """);

        Assert.Equal(
        [
            "pcie-root-port,port=8,chassis=1,id=pci.1,bus=pcie.0,multifunction=on,addr=0x1",
            "pcie-root-port,port=9,chassis=2,id=pci.2,hotplug=off,bus=pcie.0,addr=0x1.0x1",
            "qemu-xhci,id=usb,bus=pci.1,addr=0x0",
            "virtio-balloon-pci,id=balloon0,bus=pci.2,addr=0x0",
        ], devices);
    }

    [Fact]
    public void Switch_ports_number_their_ports_by_slot_and_a_given_function_0_becomes_multifunction()
    {
        var devices = Devices("""
            <controller type='pci' index='1' model='pcie-root-port'><address type='pci' bus='0' slot='5' function='0'/></controller>
            <controller type='pci' index='2' model='pcie-root-port'><address type='pci' bus='0' slot='5' function='1'/></controller>
            <controller type='pci' index='3' model='pcie-switch-upstream-port'/>
            <controller type='pci' index='4' model='pcie-switch-downstream-port'/>
            <controller type='pci' index='5' model='pcie-switch-downstream-port'><target chassis='30' port='0x27'/></controller>
            <controller type='usb' model='none'/><memballoon model='none'/>
            """);

        Assert.Equal(
        [
            "pcie-root-port,port=40,chassis=1,id=pci.1,bus=pcie.0,multifunction=on,addr=0x5",
            "pcie-root-port,port=41,chassis=2,id=pci.2,bus=pcie.0,addr=0x5.0x1",
            "x3130-upstream,id=pci.3,bus=pci.1,addr=0x0",
            "xio3130-downstream,port=0,chassis=4,id=pci.4,bus=pci.3,addr=0x0",
            "xio3130-downstream,port=39,chassis=30,id=pci.5,bus=pci.3,addr=0x1",
        ], devices);
    }

    [Fact]
    public void A_transitional_virtio_controller_is_conventional_and_named_so()
    {
        var devices = Devices("<controller type='scsi' model='virtio-transitional'/><controller type='usb' model='none'/><memballoon model='none'/>");

        Assert.Contains("virtio-scsi-pci-transitional,id=scsi0,bus=pci.2,addr=0x1", devices);
    }

    [Fact]
    public void An_i440fx_guest_without_video_leaves_slot_2_to_the_first_device()
    {
        var devices = Devices("", machine: "pc");

        Assert.Equal(["piix3-usb-uhci,id=usb,bus=pci.0,addr=0x1.0x2", "virtio-balloon-pci,id=balloon0,bus=pci.0,addr=0x2"], devices);
    }

    [Fact]
    public void An_i440fx_guest_with_video_keeps_slot_2_for_it()
    {
        var devices = Devices("<video><model type='vga'/></video>", machine: "pc");

        Assert.Contains("VGA,id=video0,bus=pci.0,addr=0x2", devices);
        Assert.Contains("virtio-balloon-pci,id=balloon0,bus=pci.0,addr=0x3", devices);
    }

    [Fact]
    public void An_xhci_port_count_is_its_usb_2_and_usb_3_port_count()
    {
        var devices = Devices("<controller type='usb' model='qemu-xhci' ports='15'/>", machine: "pc");

        Assert.Contains("qemu-xhci,id=usb,p2=15,p3=15,bus=pci.0,addr=0x2", devices);
    }

    [Fact]
    public void An_address_on_a_bus_no_controller_adds_is_refused_at_the_device()
    {
        var refusal = Refusal("<interface type='user'><model type='virtio'/><address type='pci' bus='3' slot='0'/></interface>");

        Assert.Contains("DL4400", refusal);
        Assert.Contains("domain/devices/interface", refusal);
    }

    [Fact]
    public void Two_devices_at_one_address_are_refused()
    {
        var refusal = Refusal("""
            <interface type='user'><model type='virtio'/><address type='pci' bus='0' slot='4'/></interface>
            <interface type='user'><model type='virtio'/><address type='pci' bus='0' slot='4'/></interface>
            """);

        Assert.Contains("DL4403", refusal);
    }

    [Fact]
    public void Other_functions_of_a_slot_whose_function_0_says_multifunction_off_are_refused_at_function_0()
    {
        var refusal = Refusal("""
            <controller type='pci' model='pcie-root-port'><address type='pci' slot='4' function='0' multifunction='off'/></controller>
            <controller type='pci' model='pcie-root-port'><address type='pci' slot='4' function='1'/></controller>
            """);

        Assert.Contains("DL4407", refusal);
        Assert.Contains("00:04.0", refusal);
    }

    [Fact]
    public void A_slot_with_functions_behind_an_unmarked_function_0_makes_it_multifunction()
    {
        var devices = Devices("""
            <controller type='pci' model='pcie-root-port'><address type='pci' slot='4' function='0'/></controller>
            <controller type='pci' model='pcie-root-port'><address type='pci' slot='4' function='1'/></controller>
            """);

        Assert.Contains(devices, d => d.EndsWith("multifunction=on,addr=0x4", StringComparison.Ordinal));
    }

    [Fact]
    public void A_root_port_given_a_place_on_a_pci_bridge_is_refused()
    {
        var refusal = Refusal("""
            <controller type='pci' index='1' model='dmi-to-pci-bridge'/>
            <controller type='pci' index='2' model='pci-bridge'/>
            <controller type='pci' index='3' model='pcie-root-port'><address type='pci' bus='2' slot='1'/></controller>
            """);

        Assert.Contains("DL4401", refusal);
    }

    [Fact]
    public void A_legacy_capability_set_refuses_pci_controllers_naming_the_capability_and_keeps_its_single_bus()
    {
        var refusal = Refusal("<controller type='pci' model='pcie-root-port'/>", caps: Legacy);
        Assert.Contains("'pcie-root-port'", refusal);

        var devices = Devices("<interface type='user'><model type='virtio'/></interface>", caps: Legacy);
        Assert.Contains(devices, d => d.StartsWith("virtio-net-pci,", StringComparison.Ordinal) && d.EndsWith(",bus=pci.0,addr=0x3", StringComparison.Ordinal));
        Assert.DoesNotContain(devices, d => d.Contains("pcie", StringComparison.Ordinal));
    }

    [Fact]
    public void A_port_count_on_a_uhci_controller_is_refused()
    {
        var refusal = Refusal("<controller type='usb' model='piix3-uhci' ports='4'/>", machine: "pc");

        Assert.Contains("DL4308", refusal);
        Assert.Contains("xHCI", refusal);
    }

    [Fact]
    public void A_virtio_scsi_controller_takes_its_queue_settings_and_virtio_options()
    {
        var devices = Devices("""
            <controller type='scsi' model='virtio-scsi'><driver queues='8' cmd_per_lun='50' max_sectors='512' ioeventfd='on' packed='on'/></controller>
            """, machine: "pc", caps: QemuCapabilitySet.Of([.. Base, QemuCapability.PcieRootPort, QemuCapability.VirtioPciOptions]));

        Assert.Contains("virtio-scsi-pci,packed=on,id=scsi0,num_queues=8,cmd_per_lun=50,max_sectors=512,ioeventfd=on,bus=pci.0,addr=0x2", devices);
    }

    [Fact]
    public void Virtio_options_on_an_emulator_without_them_are_refused_naming_the_capability()
    {
        var refusal = Refusal("<controller type='virtio-serial'><driver ats='on'/></controller>", machine: "pc");

        Assert.Contains("'virtio-pci-options'", refusal);
    }

    /// <summary>
    /// A device the planner puts on PCI that gives another type of address is refused at its element, under either
    /// placement (libvirt 9's topology on q35, libvirt 0.10.2's slot allocator for an emulator without PCIe ports):
    /// placed in a free slot it would sit where the document does not say, and without an address it was lost.
    /// </summary>
    [Theory]
    [InlineData("<disk type='file' device='disk'><source file='/d.img'/><target dev='vda' bus='virtio'/><address type='drive' controller='0' bus='0' unit='0'/></disk>",
        "domain/devices/disk", "the disk", "drive")]
    [InlineData("<interface type='user'><model type='virtio'/><address type='usb' bus='0' port='2'/></interface>", "domain/devices/interface", "the interface", "usb")]
    [InlineData("<memballoon model='virtio'><address type='isa' iobase='0x500'/></memballoon>", "domain/devices/memballoon", "the memory balloon", "isa")]
    public void A_pci_device_that_gives_another_type_of_address_is_refused_at_it(string devices, string path, string what, string type) =>
        AssertAddressRefusedUnderBothPlacements(devices, path,
            $"{what} sits on a PCI bus, and <address type='{type}'> cannot place it there; give a PCI address, or none");

    /// <summary>
    /// A device that does not sit on PCI (an ISA watchdog, a USB or ISA sound card) that gives a PCI address is refused
    /// at its element under either placement: the address was written on its -device, which QEMU's device cannot take.
    /// </summary>
    [Theory]
    [InlineData("<watchdog model='ib700'><address type='pci' domain='0' bus='0' slot='9' function='0'/></watchdog>", "domain/devices/watchdog", "the watchdog")]
    [InlineData("<sound model='usb'><address type='pci' domain='0' bus='0' slot='9' function='0'/></sound>", "domain/devices/sound", "the sound card")]
    [InlineData("<sound model='sb16'><address type='pci' domain='0' bus='0' slot='9' function='0'/></sound>", "domain/devices/sound", "the sound card")]
    public void A_device_off_pci_that_gives_a_pci_address_is_refused_at_it(string devices, string path, string what) =>
        AssertAddressRefusedUnderBothPlacements(devices, path,
            $"{what} does not sit on a PCI bus, and <address type='pci'> cannot place it; leave the address out");

    /// <summary>libvirt 9's topology (q35 with PCIe ports) and libvirt 0.10.2's slot allocator (pc, no PCIe ports) refuse alike.</summary>
    private static void AssertAddressRefusedUnderBothPlacements(string devices, string path, string message)
    {
        foreach (var (machine, caps) in new[] { ("q35", Modern), ("pc", Legacy) })
        {
            var result = Build(devices, machine, caps);
            Assert.False(result.Succeeded);
            var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCatalog.AddressTypeMismatch);
            Assert.Equal((path, message), (error.Location.Path, error.Message));
        }
    }
}
