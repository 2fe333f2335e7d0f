using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

public sealed class ControllerParserTests
{
    // The devices start on line 5 of the document.
    private static DomainParseResult Parse(string devices) => DeviceDocument.Parse(devices);

    private static Controller OnlyController(string devices)
    {
        var result = Parse(devices);
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Domain!.Devices.Controllers);
    }

    private static Diagnostic OnlyError(string devices)
    {
        var result = Parse(devices);
        return Assert.Single(result.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void Usb_companion_controller_reads_model_master_and_address()
    {
        var controller = OnlyController("""
            <controller type='usb' index='0' model='ich9-uhci2'>
              <master startport='2'/>
              <address type='pci' domain='0' bus='0' slot='4' function='1'/>
              <alias name='usb0'/>
            </controller>
            """);
        var usb = Assert.IsType<UsbController>(controller);
        Assert.Equal(ControllerType.Usb, usb.Type);
        Assert.Equal(0u, usb.Index);
        Assert.Equal(UsbControllerModel.Ich9Uhci2, usb.Model);
        Assert.Equal(2u, usb.MasterStartPort);
        Assert.Equal(1u, Assert.IsType<PciAddress>(usb.Address).Function);
        Assert.Equal("usb0", usb.Alias);
        Assert.Equal(5, usb.Location.Line);
    }

    [Fact]
    public void Usb_controller_without_model_or_master_leaves_them_null()
    {
        var usb = Assert.IsType<UsbController>(OnlyController("<controller type='usb' index='1'/>"));
        Assert.Null(usb.Model);
        Assert.Null(usb.MasterStartPort);
        Assert.Null(usb.Address);
        Assert.Null(usb.Alias);
        Assert.Equal(1u, usb.Index);
    }

    [Theory]
    [InlineData("piix3-uhci", UsbControllerModel.Piix3Uhci)]
    [InlineData("piix4-uhci", UsbControllerModel.Piix4Uhci)]
    [InlineData("ehci", UsbControllerModel.Ehci)]
    [InlineData("ich9-ehci1", UsbControllerModel.Ich9Ehci1)]
    [InlineData("ich9-uhci1", UsbControllerModel.Ich9Uhci1)]
    [InlineData("ich9-uhci3", UsbControllerModel.Ich9Uhci3)]
    [InlineData("vt82c686b-uhci", UsbControllerModel.Vt82c686bUhci)]
    [InlineData("pci-ohci", UsbControllerModel.PciOhci)]
    [InlineData("nec-xhci", UsbControllerModel.NecXhci)]
    [InlineData("none", UsbControllerModel.None)]
    public void Every_usb_model_is_read(string name, UsbControllerModel model) =>
        Assert.Equal(model, Assert.IsType<UsbController>(OnlyController($"<controller type='usb' index='0' model='{name}'/>")).Model);

    [Theory]
    [InlineData("auto", ScsiControllerModel.Auto)]
    [InlineData("buslogic", ScsiControllerModel.Buslogic)]
    [InlineData("lsilogic", ScsiControllerModel.Lsilogic)]
    [InlineData("lsisas1068", ScsiControllerModel.Lsisas1068)]
    [InlineData("vmpvscsi", ScsiControllerModel.Vmpvscsi)]
    [InlineData("ibmvscsi", ScsiControllerModel.Ibmvscsi)]
    [InlineData("virtio-scsi", ScsiControllerModel.VirtioScsi)]
    [InlineData("lsisas1078", ScsiControllerModel.Lsisas1078)]
    public void Every_scsi_model_is_read(string name, ScsiControllerModel model) =>
        Assert.Equal(model, Assert.IsType<ScsiController>(OnlyController($"<controller type='scsi' index='0' model='{name}'/>")).Model);

    [Fact]
    public void Scsi_controller_with_a_usb_model_is_an_error_naming_the_scsi_models()
    {
        var error = OnlyError("<controller type='scsi' index='0'\n  model='ehci'/>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'ehci'", error.Message);
        Assert.Contains("scsi", error.Message);
        Assert.Contains("allowed: auto, buslogic, lsilogic, lsisas1068, vmpvscsi, ibmvscsi, virtio-scsi, lsisas1078", error.Message);
        Assert.Equal(6, error.Location.Line);
        Assert.Equal(3, error.Location.Column);
        Assert.Equal("domain/devices/controller/@model", error.Location.Path);
    }

    [Fact]
    public void Usb_controller_with_a_scsi_model_is_an_error_naming_the_usb_models()
    {
        var error = OnlyError("<controller type='usb' index='0' model='lsilogic'/>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'lsilogic'", error.Message);
        Assert.Contains("piix3-uhci, piix4-uhci, ehci, ich9-ehci1, ich9-uhci1, ich9-uhci2, ich9-uhci3, vt82c686b-uhci, pci-ohci, nec-xhci, none", error.Message);
    }

    [Fact]
    public void Ide_controller_with_a_usb_model_is_an_error_naming_the_ide_models()
    {
        var error = OnlyError("<controller type='ide' index='0' model='piix3-uhci'/>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("not a model of a ide controller", error.Message);
        Assert.Contains("piix3, piix4, ich6", error.Message);
    }

    [Fact]
    public void Fdc_controller_with_a_model_is_an_error_naming_where_models_exist()
    {
        var error = OnlyError("<controller type='fdc' index='0' model='piix3'/>");
        Assert.Equal(DiagnosticCatalog.InvalidValue, error.Code);
        Assert.Contains("fdc controller takes no 'model'", error.Message);
        Assert.Contains("scsi, usb, ide, virtio-serial and pci", error.Message);
    }

    [Fact]
    public void Virtio_serial_controller_reads_ports_and_vectors()
    {
        var controller = Assert.IsType<VirtioSerialController>(OnlyController("<controller type='virtio-serial' index='1' ports='16' vectors='4'/>"));
        Assert.Equal(ControllerType.VirtioSerial, controller.Type);
        Assert.Equal(16u, controller.Ports);
        Assert.Equal(4u, controller.Vectors);
    }

    [Fact]
    public void Ports_on_an_ide_controller_are_an_error_naming_the_types_that_have_them()
    {
        var error = OnlyError("<controller type='ide' index='0' ports='4'/>");
        Assert.Equal(DiagnosticCatalog.InvalidValue, error.Code);
        Assert.Contains("usb or virtio-serial", error.Message);
    }

    [Theory]
    [InlineData("ide", typeof(IdeController), ControllerType.Ide)]
    [InlineData("fdc", typeof(FdcController), ControllerType.Fdc)]
    [InlineData("sata", typeof(SataController), ControllerType.Sata)]
    [InlineData("ccid", typeof(CcidController), ControllerType.Ccid)]
    [InlineData("scsi", typeof(ScsiController), ControllerType.Scsi)]
    public void Each_type_is_read_into_its_own_record(string name, Type record, ControllerType type)
    {
        var controller = OnlyController($"<controller type='{name}' index='3'/>");
        Assert.IsType(record, controller);
        Assert.Equal(type, controller.Type);
        Assert.Equal(3u, controller.Index);
    }

    [Fact]
    public void Unknown_controller_type_is_an_error_naming_the_allowed_types()
    {
        var error = OnlyError("<controller type='spapr-vio' index='0'/>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'spapr-vio'", error.Message);
        Assert.Contains("ide, fdc, scsi, sata, virtio-serial, ccid, usb, pci, isa, xenbus", error.Message);
    }

    [Fact]
    public void Controller_without_type_is_an_error()
    {
        var error = OnlyError("<controller index='0'/>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'type'", error.Message);
    }

    [Fact]
    public void Controller_without_index_is_read_with_no_index_for_the_defaults_stage_to_number() =>
        Assert.Null(OnlyController("<controller type='ide'/>").Index);

    [Fact]
    public void Negative_controller_index_is_an_error()
    {
        var error = OnlyError("<controller type='ide' index='-1'/>");
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, error.Code);
    }

    [Fact]
    public void Master_on_a_non_usb_controller_is_an_error()
    {
        var error = OnlyError("<controller type='ide' index='0'><master startport='0'/></controller>");
        Assert.Equal(DiagnosticCatalog.InvalidValue, error.Code);
        Assert.Equal("domain/devices/controller/master", error.Location.Path);
    }

    [Fact]
    public void Master_without_startport_is_an_error()
    {
        var error = OnlyError("<controller type='usb' index='0' model='ich9-uhci1'><master/></controller>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'startport'", error.Message);
    }

    [Fact]
    public void Spapr_vio_address_on_a_scsi_controller_is_read()
    {
        var controller = OnlyController("<controller type='scsi' index='0' model='ibmvscsi'><address type='spapr-vio' reg='0x4000'/></controller>");
        Assert.Equal(0x4000ul, Assert.IsType<SpaprVioAddress>(controller.Address).Reg);
    }
}
