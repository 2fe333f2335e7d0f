using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Translator.Tests.Validation;

public sealed class DeviceRulesTests
{
    private static IReadOnlyList<Diagnostic> Errors(string devices) =>
        [.. DomainLoader.LoadText($"<domain type='qemu'><name>v</name><memory>65536</memory><devices>{devices}</devices></domain>", "t.xml")
            .Diagnostics.Where(d => d.IsError)];

    [Theory]
    [InlineData("<input type='tablet' bus='usb'/>", "USB tablet")]
    [InlineData("<hub type='usb'/>", "a USB hub")]
    [InlineData("<redirdev bus='usb' type='spicevmc'/>", "a redirected USB device")]
    [InlineData("<hostdev mode='subsystem' type='usb'><source><vendor id='0x1234'/><product id='0xbeef'/></source></hostdev>", "a host USB device")]
    [InlineData("<disk type='file'><source file='/i'/><target dev='sda' bus='usb'/></disk>", "USB disk 'sda'")]
    public void Usb_device_with_usb_disabled_is_refused(string device, string what)
    {
        var error = Assert.Single(Errors("<controller type='usb' index='0' model='none'/>" + device));
        Assert.Equal(DiagnosticCatalog.UsbDisabled, error.Code);
        Assert.StartsWith(what + " needs USB", error.Message);
    }

    [Fact]
    public void Ps2_input_with_usb_disabled_is_fine() =>
        Assert.Empty(Errors("<controller type='usb' index='0' model='none'/><input type='mouse' bus='ps2'/>"));

    [Fact]
    public void Usb_devices_with_a_usb_controller_are_fine() =>
        Assert.Empty(Errors("<controller type='usb' index='0' model='piix3-uhci'/><input type='tablet' bus='usb'/><hub type='usb'/>"));

    [Fact]
    public void Second_usb_controller_beside_model_none_is_refused()
    {
        var error = Assert.Single(Errors("<controller type='usb' index='0' model='none'/><controller type='usb' index='0'/>"));
        Assert.Equal(DiagnosticCatalog.DuplicateController, error.Code);
    }

    [Fact]
    public void Usb_companion_controllers_share_an_index() =>
        Assert.Empty(Errors("""
            <controller type='usb' index='0' model='ich9-ehci1'/>
            <controller type='usb' index='0' model='ich9-uhci1'><master startport='0'/></controller>
            <controller type='usb' index='0' model='ich9-uhci2'><master startport='2'/></controller>
            """));

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public void Two_ide_controllers_with_one_index_among_many_controllers_are_refused_naming_the_first(int others)
    {
        // A few controllers are compared with each other, many through a set: both find the same pair.
        var padding = string.Concat(Enumerable.Range(1, others).Select(i => $"<controller type='scsi' index='{i}'/>"));
        var error = Assert.Single(Errors($"<controller type='ide' index='0'/>\n{padding}<controller type='ide' index='0'/>"));
        Assert.Equal(DiagnosticCatalog.DuplicateController, error.Code);
        Assert.Contains("index 0 is already defined at line 1", error.Message);
    }

    [Fact]
    public void Two_ide_controllers_with_one_index_are_refused_naming_the_first()
    {
        var error = Assert.Single(Errors("<controller type='ide' index='0'/>\n<controller type='ide' index='0'/>"));
        Assert.Equal(DiagnosticCatalog.DuplicateController, error.Code);
        Assert.Contains("index 0 is already defined at line 1", error.Message);
    }

    [Fact]
    public void Controllers_of_different_types_may_share_an_index() =>
        Assert.Empty(Errors("<controller type='ide' index='0'/><controller type='scsi' index='0'/><controller type='fdc' index='0'/>"));
}
