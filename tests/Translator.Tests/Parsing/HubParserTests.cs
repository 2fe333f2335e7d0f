using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

public sealed class HubParserTests
{
    private static DomainParseResult Parse(string devices) => DeviceDocument.Parse(devices, "kvm");

    [Fact]
    public void Usb_hub_with_address_and_alias_is_read()
    {
        var result = Parse("<hub type='usb'><address type='usb' bus='0' port='1'/><alias name='hub0'/></hub>");
        Assert.Empty(result.Diagnostics);
        var hub = Assert.Single(result.Domain!.Devices.Hubs);
        Assert.Equal(HubType.Usb, hub.Type);
        Assert.Equal("1", Assert.IsType<UsbAddress>(hub.Address).Port);
        Assert.Equal("hub0", hub.Alias);
        Assert.Equal(5, hub.Location.Line);
    }

    [Fact]
    public void Hub_without_address_leaves_it_null()
    {
        var hub = Assert.Single(Parse("<hub type='usb'/>").Domain!.Devices.Hubs);
        Assert.Null(hub.Address);
        Assert.Null(hub.Alias);
    }

    [Fact]
    public void Hub_with_unknown_type_is_an_error_naming_the_allowed_types()
    {
        var error = Assert.Single(Parse("<hub type='firewire'/>").Diagnostics);
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'firewire'", error.Message);
        Assert.Contains("allowed: usb", error.Message);
        Assert.Equal((5, 6), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Hub_without_type_is_an_error()
    {
        var error = Assert.Single(Parse("<hub/>").Diagnostics);
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
    }
}
