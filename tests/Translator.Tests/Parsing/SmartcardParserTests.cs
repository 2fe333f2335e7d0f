using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

public sealed class SmartcardParserTests
{
    // The devices start on line 4 of the document; an element's column is that of its name.
    private static DomainParseResult Parse(string devices) => DeviceDocument.ParseWithoutMemory(devices);

    private static Smartcard ParseOne(string xml)
    {
        var result = Parse(xml);
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Domain!.Devices.Smartcards);
    }

    private static Diagnostic SingleError(string devices, DiagnosticCode code) => DeviceDocument.SingleError(Parse(devices), code);

    private static Diagnostic SingleWarning(string devices, DiagnosticCode code) => DeviceDocument.SingleWarning(Parse(devices), code);

    [Fact]
    public void Host_mode_has_no_children_and_nothing_else_set()
    {
        var smartcard = Assert.IsType<HostSmartcard>(ParseOne("<smartcard mode='host'/>"));
        Assert.Equal(SmartcardMode.Host, smartcard.Mode);
        Assert.Null(smartcard.Address);
        Assert.Null(smartcard.Alias);
        Assert.Equal(4, smartcard.Location.Line);
    }

    [Fact]
    public void Host_certificates_mode_keeps_the_three_names_in_order_and_the_database()
    {
        var smartcard = Assert.IsType<HostCertificatesSmartcard>(ParseOne("""
            <smartcard mode='host-certificates'>
              <certificate>cert1</certificate>
              <certificate>cert2</certificate>
              <certificate>cert3</certificate>
              <database>/etc/pki/nssdb/</database>
            </smartcard>
            """));
        Assert.Equal(["cert1", "cert2", "cert3"], smartcard.Certificates.AsEnumerable());
        Assert.Equal("/etc/pki/nssdb/", smartcard.Database);
    }

    [Fact]
    public void Host_certificates_without_database_leaves_it_absent()
    {
        var smartcard = Assert.IsType<HostCertificatesSmartcard>(ParseOne(
            "<smartcard mode='host-certificates'><certificate>a</certificate><certificate>b</certificate><certificate>c</certificate></smartcard>"));
        Assert.Null(smartcard.Database);
    }

    [Fact]
    public void Host_certificates_with_two_certificates_is_an_error_saying_how_many_were_found()
    {
        var error = SingleError("<smartcard mode='host-certificates'><certificate>a</certificate><certificate>b</certificate></smartcard>",
            DiagnosticCatalog.MissingElement);
        Assert.Contains("exactly 3 <certificate> elements; found 2", error.Message);
        Assert.Equal((4, 2), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Host_certificates_with_a_fourth_certificate_is_an_error_at_the_fourth()
    {
        var error = SingleError("<smartcard mode='host-certificates'>\n<certificate>a</certificate>\n<certificate>b</certificate>\n"
            + "<certificate>c</certificate>\n<certificate>d</certificate>\n</smartcard>", DiagnosticCatalog.DuplicateElement);
        Assert.Contains("exactly 3 <certificate> elements; this is number 4", error.Message);
        Assert.Equal(8, error.Location.Line);
        Assert.Equal("domain/devices/smartcard/certificate[4]", error.Location.Path);
    }

    [Fact]
    public void Relative_database_path_is_an_error()
    {
        var error = SingleError("<smartcard mode='host-certificates'><certificate>a</certificate><certificate>b</certificate>"
            + "<certificate>c</certificate><database>nssdb</database></smartcard>", DiagnosticCatalog.InvalidValue);
        Assert.Contains("'nssdb' is not an absolute path", error.Message);
        Assert.Equal("domain/devices/smartcard/database", error.Location.Path);
    }

    [Fact]
    public void Passthrough_over_tcp_reads_the_character_source_and_ccid_address()
    {
        var smartcard = Assert.IsType<PassthroughSmartcard>(ParseOne("""
            <smartcard mode='passthrough' type='tcp'>
              <source mode='bind' host='127.0.0.1' service='2001'/>
              <protocol type='raw'/>
              <address type='ccid' controller='0' slot='1'/>
              <alias name='smartcard0'/>
            </smartcard>
            """));
        var tcp = Assert.IsType<TcpCharSource>(smartcard.Source);
        Assert.Equal((CharSourceMode.Bind, "127.0.0.1", "2001", TcpProtocol.Raw), (tcp.Mode!.Value, tcp.Host, tcp.Service, tcp.Protocol!.Value));
        Assert.Equal(0u, smartcard.Address!.Controller);
        Assert.Equal(1u, smartcard.Address.Slot);
        Assert.Equal("smartcard0", smartcard.Alias);
    }

    [Fact]
    public void Passthrough_over_spicevmc_needs_no_children()
    {
        var smartcard = Assert.IsType<PassthroughSmartcard>(ParseOne("<smartcard mode='passthrough' type='spicevmc'/>"));
        Assert.IsType<SpicevmcCharSource>(smartcard.Source);
        Assert.Equal(SmartcardMode.Passthrough, smartcard.Mode);
    }

    [Fact]
    public void Passthrough_without_type_is_an_error()
    {
        var error = SingleError("<smartcard mode='passthrough'/>", DiagnosticCatalog.MissingAttribute);
        Assert.Contains("'type'", error.Message);
    }

    [Fact]
    public void Passthrough_with_unknown_type_is_an_error_naming_the_character_source_types()
    {
        var error = SingleError("<smartcard mode='passthrough' type='usb'/>", DiagnosticCatalog.UnknownEnumValue);
        Assert.Contains("'usb'", error.Message);
        Assert.Contains("null, vc, pty, dev, file, pipe, stdio, udp, tcp, unix, spicevmc", error.Message);
    }

    [Fact]
    public void Passthrough_source_with_missing_parts_is_an_error()
    {
        var error = SingleError("<smartcard mode='passthrough' type='tcp'><source mode='connect' host='h'/></smartcard>",
            DiagnosticCatalog.MissingAttribute);
        Assert.Contains("'service'", error.Message);
    }

    [Fact]
    public void Missing_mode_is_an_error()
    {
        var error = SingleError("<smartcard/>", DiagnosticCatalog.MissingAttribute);
        Assert.Contains("'mode'", error.Message);
    }

    [Fact]
    public void Unknown_mode_is_an_error_naming_the_allowed_modes()
    {
        var error = SingleError("<smartcard mode='emulated'/>", DiagnosticCatalog.UnknownEnumValue);
        Assert.Contains("'emulated'", error.Message);
        Assert.Contains("host, host-certificates, passthrough", error.Message);
        Assert.Equal((4, 12), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Address_other_than_ccid_is_an_error()
    {
        var error = SingleError("<smartcard mode='host'><address type='usb' bus='0' port='1'/></smartcard>", DiagnosticCatalog.InvalidValue);
        Assert.Contains("must be 'ccid', not 'usb'", error.Message);
        Assert.Equal("domain/devices/smartcard/address/@type", error.Location.Path);
    }

    [Fact]
    public void Type_attribute_outside_passthrough_mode_is_reported_as_unknown()
    {
        var warning = SingleWarning("<smartcard mode='host' type='tcp'/>", DiagnosticCatalog.UnknownAttribute);
        Assert.Contains("'type'", warning.Message);
    }

    [Fact]
    public void Certificate_outside_host_certificates_mode_is_reported_as_unknown()
    {
        var warning = SingleWarning("<smartcard mode='host'><certificate>a</certificate></smartcard>", DiagnosticCatalog.UnknownElement);
        Assert.Contains("<certificate>", warning.Message);
    }
}
