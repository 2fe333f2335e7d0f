using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>USB redirection: <c>&lt;redirdev&gt;</c> and <c>&lt;redirfilter&gt;</c>.</summary>
public sealed class RedirectedDeviceParserTests
{
    // The devices start on line 4 of the document; an element's column is that of its name.
    private static DomainParseResult Parse(string devices) => DeviceDocument.ParseWithoutMemory(devices);

    private static Devices ParseClean(string devices)
    {
        var result = Parse(devices);
        Assert.Empty(result.Diagnostics);
        return result.Domain!.Devices;
    }

    private static Diagnostic SingleError(string devices, DiagnosticCode code) => DeviceDocument.SingleError(Parse(devices), code);

    private static UsbRedirectionRule Rule(string usbdevAttributes) =>
        Assert.Single(ParseClean($"<redirfilter><usbdev {usbdevAttributes}/></redirfilter>").RedirectionFilter!.Rules);

    // ---- redirdev ----

    [Fact]
    public void Spicevmc_redirdev_reads_bus_usb_address_and_alias()
    {
        var redirdev = Assert.Single(ParseClean("""
            <redirdev bus='usb' type='spicevmc'>
              <alias name='redir1'/>
              <address type='usb' bus='0' port='5'/>
            </redirdev>
            """).RedirectedDevices);
        Assert.Equal(RedirectedDeviceBus.Usb, redirdev.Bus);
        Assert.IsType<SpicevmcCharSource>(redirdev.Source);
        Assert.Equal((0u, "5"), (redirdev.Address!.Bus!.Value, redirdev.Address.Port));
        Assert.Equal("redir1", redirdev.Alias);
        Assert.Null(redirdev.BootOrder);
        Assert.Equal(4, redirdev.Location.Line);
    }

    [Fact]
    public void Tcp_redirdev_reads_source_protocol_and_boot_order()
    {
        var redirdev = Assert.Single(ParseClean("""
            <redirdev bus='usb' type='tcp'>
              <source mode='connect' host='localhost' service='4000'/>
              <protocol type='raw'/>
              <boot order='2'/>
            </redirdev>
            """).RedirectedDevices);
        var tcp = Assert.IsType<TcpCharSource>(redirdev.Source);
        Assert.Equal(("localhost", "4000", TcpProtocol.Raw), (tcp.Host, tcp.Service, tcp.Protocol!.Value));
        Assert.Equal(2u, redirdev.BootOrder);
        Assert.Null(redirdev.Address);
        Assert.Null(redirdev.Alias);
    }

    [Fact]
    public void Redirdev_without_bus_leaves_it_absent()
    {
        var redirdev = Assert.Single(ParseClean("<redirdev type='spicevmc'/>").RedirectedDevices);
        Assert.Null(redirdev.Bus);
    }

    [Fact]
    public void Unknown_bus_is_an_error_naming_usb()
    {
        var error = SingleError("<redirdev bus='pci' type='spicevmc'/>", DiagnosticCatalog.UnknownEnumValue);
        Assert.Contains("'pci'", error.Message);
        Assert.Contains("allowed: usb", error.Message);
        Assert.Equal((4, 11), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Redirdev_without_type_is_an_error()
    {
        var error = SingleError("<redirdev bus='usb'/>", DiagnosticCatalog.MissingAttribute);
        Assert.Contains("'type'", error.Message);
        Assert.Equal((4, 2), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Redirdev_with_unknown_type_is_an_error_naming_the_character_source_types()
    {
        var error = SingleError("<redirdev bus='usb' type='usbredir'/>", DiagnosticCatalog.UnknownEnumValue);
        Assert.Contains("null, vc, pty, dev, file, pipe, stdio, udp, tcp, unix, spicevmc", error.Message);
    }

    [Fact]
    public void Tcp_redirdev_without_source_is_an_error()
    {
        var error = SingleError("<redirdev bus='usb' type='tcp'/>", DiagnosticCatalog.MissingElement);
        Assert.Contains("type 'tcp' needs a <source", error.Message);
    }

    [Fact]
    public void Redirdev_address_other_than_usb_is_an_error()
    {
        var error = SingleError("<redirdev bus='usb' type='spicevmc'><address type='pci' bus='0' slot='5' function='0'/></redirdev>",
            DiagnosticCatalog.InvalidValue);
        Assert.Contains("must be 'usb', not 'pci'", error.Message);
    }

    [Fact]
    public void Boot_order_zero_is_an_error()
    {
        SingleError("<redirdev type='spicevmc'><boot order='0'/></redirdev>", DiagnosticCatalog.NumberOutOfRange);
    }

    // ---- redirfilter ----

    [Fact]
    public void Filter_rules_keep_document_order_values_and_any()
    {
        var filter = ParseClean("""
            <redirfilter>
              <usbdev class='0x08' vendor='0x15E1' product='0x2007' version='1.10' allow='yes'/>
              <usbdev class='-1' vendor='-1' product='-1' version='-1' allow='no'/>
            </redirfilter>
            """).RedirectionFilter!;
        Assert.Equal(2, filter.Rules.Length);
        var first = filter.Rules[0];
        Assert.Equal(new UsbMatch<byte>(0x08), first.Class);
        Assert.Equal(new UsbMatch<ushort>(0x15E1), first.Vendor);
        Assert.Equal(new UsbMatch<ushort>(0x2007), first.Product);
        Assert.Equal(new UsbMatch<UsbVersion>(new UsbVersion(1, 10)), first.Version);
        Assert.True(first.Allow);
        var second = filter.Rules[1];
        Assert.True(second.Class!.Value.IsAny);
        Assert.True(second.Vendor!.Value.IsAny);
        Assert.True(second.Product!.Value.IsAny);
        Assert.True(second.Version!.Value.IsAny);
        Assert.False(second.Allow);
    }

    [Fact]
    public void Absent_criteria_stay_absent()
    {
        var rule = Rule("allow='yes'");
        Assert.Null(rule.Class);
        Assert.Null(rule.Vendor);
        Assert.Null(rule.Product);
        Assert.Null(rule.Version);
        Assert.Equal(4, rule.Location.Line);
    }

    [Fact]
    public void Empty_filter_has_no_rules()
    {
        var filter = ParseClean("<redirfilter/>").RedirectionFilter!;
        Assert.Empty(filter.Rules);
        Assert.Equal(4, filter.Location.Line);
    }

    [Fact]
    public void Decimal_ids_are_accepted()
    {
        Assert.Equal(new UsbMatch<ushort>(1234), Rule("vendor='1234' allow='yes'").Vendor);
    }

    [Theory]
    [InlineData("2.0", 2, 0, 0x0200)]
    [InlineData("1.1", 1, 10, 0x0110)]
    [InlineData("1.10", 1, 10, 0x0110)]
    [InlineData("01.01", 1, 1, 0x0101)]
    [InlineData("3.2", 3, 20, 0x0320)]
    public void Versions_read_a_single_minor_digit_as_tenths(string text, int major, int minor, int bcd)
    {
        var version = Rule($"version='{text}' allow='yes'").Version!.Value.Value!.Value;
        Assert.Equal(new UsbVersion((byte)major, (byte)minor), version);
        Assert.Equal((ushort)bcd, version.ToBcd());
    }

    [Theory]
    [InlineData("2")]
    [InlineData("1.100")]
    [InlineData("a.b")]
    [InlineData("1.2.3")]
    [InlineData("-2")]
    public void Malformed_version_is_an_error_showing_the_expected_form(string text)
    {
        var error = SingleError($"<redirfilter><usbdev version='{text}' allow='yes'/></redirfilter>", DiagnosticCatalog.InvalidValue);
        Assert.Contains($"'{text}' is not a USB version", error.Message);
        Assert.Contains("-1 for any", error.Message);
        Assert.Equal("domain/devices/redirfilter/usbdev/@version", error.Location.Path);
    }

    [Fact]
    public void Class_above_0xFF_is_out_of_range()
    {
        var error = SingleError("<redirfilter><usbdev class='0x100' allow='yes'/></redirfilter>", DiagnosticCatalog.NumberOutOfRange);
        Assert.Contains("'0x100'", error.Message);
        Assert.Contains("255", error.Message);
    }

    [Fact]
    public void Vendor_above_0xFFFF_is_out_of_range()
    {
        SingleError("<redirfilter><usbdev vendor='0x10000' allow='yes'/></redirfilter>", DiagnosticCatalog.NumberOutOfRange);
    }

    [Fact]
    public void Negative_product_other_than_minus_one_is_an_error()
    {
        var error = SingleError("<redirfilter><usbdev product='-2' allow='yes'/></redirfilter>", DiagnosticCatalog.NumberOutOfRange);
        Assert.Contains("must not be negative", error.Message);
    }

    [Fact]
    public void Rule_without_allow_is_an_error()
    {
        var error = SingleError("<redirfilter>\n<usbdev class='-1'/>\n</redirfilter>", DiagnosticCatalog.MissingAttribute);
        Assert.Contains("'allow'", error.Message);
        Assert.Equal((5, 2), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Allow_other_than_yes_or_no_is_an_error()
    {
        var error = SingleError("<redirfilter><usbdev allow='maybe'/></redirfilter>", DiagnosticCatalog.UnknownEnumValue);
        Assert.Contains("'maybe'", error.Message);
        Assert.Contains("yes, no", error.Message);
    }

    [Fact]
    public void Second_filter_is_an_error()
    {
        var error = SingleError("<redirfilter/>\n<redirfilter/>", DiagnosticCatalog.DuplicateElement);
        Assert.Equal(5, error.Location.Line);
    }
}
