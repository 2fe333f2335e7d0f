using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>The controllers of libvirt 9's grammar: pci, isa and xenbus, the newer models, driver, acpi, target.</summary>
public sealed class ModernControllerParserTests
{
    private static DomainParseResult Parse(string devices) => DeviceDocument.Parse(devices);

    private static Controller OnlyController(string devices)
    {
        var result = Parse(devices);
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        return Assert.Single(result.Domain!.Devices.Controllers);
    }

    [Fact]
    public void Controller_without_index_is_read_with_a_null_index()
    {
        var usb = Assert.IsType<UsbController>(OnlyController("<controller type='usb' model='none'/>"));
        Assert.Null(usb.Index);
        Assert.Equal(UsbControllerModel.None, usb.Model);
    }

    [Theory]
    [InlineData("pci-root", PciControllerModel.PciRoot)]
    [InlineData("pcie-root", PciControllerModel.PcieRoot)]
    [InlineData("pci-bridge", PciControllerModel.PciBridge)]
    [InlineData("dmi-to-pci-bridge", PciControllerModel.DmiToPciBridge)]
    [InlineData("pcie-to-pci-bridge", PciControllerModel.PcieToPciBridge)]
    [InlineData("pcie-root-port", PciControllerModel.PcieRootPort)]
    [InlineData("pcie-switch-upstream-port", PciControllerModel.PcieSwitchUpstreamPort)]
    [InlineData("pcie-switch-downstream-port", PciControllerModel.PcieSwitchDownstreamPort)]
    [InlineData("pci-expander-bus", PciControllerModel.PciExpanderBus)]
    [InlineData("pcie-expander-bus", PciControllerModel.PcieExpanderBus)]
    public void Every_pci_model_is_read(string name, PciControllerModel model) =>
        Assert.Equal(model, Assert.IsType<PciController>(OnlyController($"<controller type='pci' index='1' model='{name}'/>")).Model);

    [Theory]
    [InlineData("spapr-pci-host-bridge", PciControllerModelName.SpaprPciHostBridge)]
    [InlineData("pci-bridge", PciControllerModelName.PciBridge)]
    [InlineData("i82801b11-bridge", PciControllerModelName.I82801b11Bridge)]
    [InlineData("pcie-pci-bridge", PciControllerModelName.PciePciBridge)]
    [InlineData("ioh3420", PciControllerModelName.Ioh3420)]
    [InlineData("pcie-root-port", PciControllerModelName.PcieRootPort)]
    [InlineData("x3130-upstream", PciControllerModelName.X3130Upstream)]
    [InlineData("xio3130-downstream", PciControllerModelName.Xio3130Downstream)]
    [InlineData("pxb", PciControllerModelName.Pxb)]
    [InlineData("pxb-pcie", PciControllerModelName.PxbPcie)]
    public void Every_pci_model_name_is_read(string name, PciControllerModelName model) =>
        Assert.Equal(model, Assert.IsType<PciController>(
            OnlyController($"<controller type='pci' index='1' model='pci-bridge'><model name='{name}'/></controller>")).ModelName);

    [Fact]
    public void Pci_controller_reads_target_node_and_address()
    {
        var pci = Assert.IsType<PciController>(OnlyController("""
            <controller type='pci' index='3' model='pcie-root-port'>
              <model name='ioh3420'/>
              <target chassisNr='7' chassis='30' port='0x27' busNr='254' index='2' hotplug='off'><node>1</node></target>
              <alias name='pci.3'/>
              <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0' multifunction='on'/>
            </controller>
            """));
        Assert.Equal(PciControllerModelName.Ioh3420, pci.ModelName);
        var target = pci.Target!;
        Assert.Equal((7u, 30u, 0x27u, 254u, 2u, false, 1u),
            (target.ChassisNr, target.Chassis, target.Port, target.BusNr, target.Index, target.Hotplug, target.Node));
        Assert.True(Assert.IsType<PciAddress>(pci.Address).Multifunction);
        Assert.Equal("pci.3", pci.Alias);
    }

    [Fact]
    public void Pcihole64_is_read_on_a_root_bus_in_its_unit()
    {
        var pci = Assert.IsType<PciController>(OnlyController(
            "<controller type='pci' index='0' model='pcie-root'><pcihole64 unit='GiB'>1</pcihole64></controller>"));
        Assert.Equal(1024u * 1024, pci.PciHole64!.Value.Kibibytes);
        Assert.True(pci.IsRoot);
    }

    [Fact]
    public void Pcihole64_on_a_bridge_is_an_error()
    {
        var error = DeviceDocument.SingleError(Parse(
            "<controller type='pci' index='1' model='pci-bridge'><pcihole64>1024</pcihole64></controller>"), DiagnosticCatalog.InvalidValue);
        Assert.Contains("root bus", error.Message);
    }

    [Fact]
    public void Pci_controller_without_model_is_an_error() =>
        DeviceDocument.SingleError(Parse("<controller type='pci' index='0'/>"), DiagnosticCatalog.MissingAttribute);

    [Fact]
    public void Target_port_above_255_is_an_error() =>
        DeviceDocument.SingleError(Parse(
            "<controller type='pci' index='1' model='pcie-root-port'><target port='0x100'/></controller>"), DiagnosticCatalog.NumberOutOfRange);

    [Fact]
    public void Unknown_pci_model_is_an_error_naming_the_pci_models()
    {
        var error = DeviceDocument.SingleError(Parse("<controller type='pci' index='1' model='ehci'/>"), DiagnosticCatalog.UnknownEnumValue);
        Assert.Contains("pcie-root-port", error.Message);
    }

    [Theory]
    [InlineData("virtio-transitional", ScsiControllerModel.VirtioTransitional)]
    [InlineData("virtio-non-transitional", ScsiControllerModel.VirtioNonTransitional)]
    [InlineData("ncr53c90", ScsiControllerModel.Ncr53c90)]
    [InlineData("dc390", ScsiControllerModel.Dc390)]
    [InlineData("am53c974", ScsiControllerModel.Am53c974)]
    public void Newer_scsi_models_are_read(string name, ScsiControllerModel model) =>
        Assert.Equal(model, Assert.IsType<ScsiController>(OnlyController($"<controller type='scsi' index='0' model='{name}'/>")).Model);

    [Theory]
    [InlineData("qusb1", UsbControllerModel.Qusb1)]
    [InlineData("qusb2", UsbControllerModel.Qusb2)]
    [InlineData("qemu-xhci", UsbControllerModel.QemuXhci)]
    public void Newer_usb_models_are_read_with_ports(string name, UsbControllerModel model)
    {
        var usb = Assert.IsType<UsbController>(OnlyController($"<controller type='usb' index='0' model='{name}' ports='15'/>"));
        Assert.Equal((model, 15u), (usb.Model, usb.Ports));
    }

    [Theory]
    [InlineData("piix3", IdeControllerModel.Piix3)]
    [InlineData("piix4", IdeControllerModel.Piix4)]
    [InlineData("ich6", IdeControllerModel.Ich6)]
    public void Ide_models_are_read(string name, IdeControllerModel model) =>
        Assert.Equal(model, Assert.IsType<IdeController>(OnlyController($"<controller type='ide' index='0' model='{name}'/>")).Model);

    [Theory]
    [InlineData("virtio", VirtioSerialControllerModel.Virtio)]
    [InlineData("virtio-transitional", VirtioSerialControllerModel.VirtioTransitional)]
    [InlineData("virtio-non-transitional", VirtioSerialControllerModel.VirtioNonTransitional)]
    public void Virtio_serial_models_are_read(string name, VirtioSerialControllerModel model) =>
        Assert.Equal(model, Assert.IsType<VirtioSerialController>(OnlyController($"<controller type='virtio-serial' model='{name}'/>")).Model);

    [Fact]
    public void Xenbus_reads_its_limits()
    {
        var xenbus = Assert.IsType<XenbusController>(OnlyController("<controller type='xenbus' index='0' maxGrantFrames='64' maxEventChannels='2047'/>"));
        Assert.Equal((64u, 2047u), (xenbus.MaxGrantFrames, xenbus.MaxEventChannels));
    }

    [Fact]
    public void Isa_controller_is_its_own_record() =>
        Assert.IsType<IsaController>(OnlyController("<controller type='isa' index='0'/>"));

    [Fact]
    public void Driver_and_acpi_are_read_on_any_controller()
    {
        var scsi = OnlyController("""
            <controller type='scsi' index='0' model='virtio-scsi'>
              <driver queues='4' cmd_per_lun='50' max_sectors='512' ioeventfd='on' iothread='2' iommu='on' ats='off' packed='on' page_per_vq='off'/>
              <acpi index='3'/>
            </controller>
            """);
        var d = scsi.Driver!;
        Assert.Equal((4u, 50u, 512u, true, 2u), (d.Queues, d.CmdPerLun, d.MaxSectors, d.Ioeventfd, d.IoThread));
        Assert.Equal((true, false, true, false), (d.Iommu, d.Ats, d.Packed, d.PagePerVq));
        Assert.Equal(3u, scsi.AcpiIndex);
    }

    [Fact]
    public void Xenbus_limit_on_another_type_is_an_error() =>
        DeviceDocument.SingleError(Parse("<controller type='usb' index='0' maxGrantFrames='64'/>"), DiagnosticCatalog.InvalidValue);

    [Fact]
    public void Pci_target_on_a_scsi_controller_is_an_error() =>
        DeviceDocument.SingleError(Parse("<controller type='scsi' index='0'><target chassis='1'/></controller>"), DiagnosticCatalog.InvalidValue);
}
