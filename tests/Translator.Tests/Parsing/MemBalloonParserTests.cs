using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

public sealed class MemBalloonParserTests
{
    private static DomainParseResult Parse(string devices) => DeviceDocument.Parse(devices, "kvm");

    [Theory]
    [InlineData("virtio", MemBalloonModel.Virtio)]
    [InlineData("xen", MemBalloonModel.Xen)]
    [InlineData("none", MemBalloonModel.None)]
    public void Memballoon_model_is_read(string xml, MemBalloonModel expected)
    {
        var result = Parse($"<memballoon model='{xml}'/>");
        Assert.Empty(result.Diagnostics);
        var balloon = result.Domain!.Devices.MemBalloon!;
        Assert.Equal(expected, balloon.Model);
        Assert.Null(balloon.Address);
        Assert.Null(balloon.Alias);
        Assert.Equal(5, balloon.Location.Line);
    }

    [Fact]
    public void Memballoon_is_absent_when_not_given() =>
        Assert.Null(Parse("").Domain!.Devices.MemBalloon);

    [Fact]
    public void Memballoon_address_and_alias_are_read()
    {
        var result = Parse("<memballoon model='virtio'><alias name='balloon0'/><address type='pci' domain='0' bus='0' slot='18' function='0'/></memballoon>");
        Assert.Empty(result.Diagnostics);
        var balloon = result.Domain!.Devices.MemBalloon!;
        Assert.Equal(18u, Assert.IsType<PciAddress>(balloon.Address).Slot);
        Assert.Equal("balloon0", balloon.Alias);
    }

    [Fact]
    public void Memballoon_with_unknown_model_is_an_error_naming_the_allowed_models()
    {
        var error = Assert.Single(Parse("<memballoon model='hyperv'/>").Diagnostics);
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'hyperv'", error.Message);
        Assert.Contains("virtio, xen, none", error.Message);
        Assert.Equal((5, 13), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Memballoon_without_model_is_an_error()
    {
        var result = Parse("<memballoon/>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, Assert.Single(result.Diagnostics).Code);
        Assert.Null(result.Domain);
    }

    [Fact]
    public void Memballoon_with_two_addresses_is_an_error()
    {
        var error = Assert.Single(Parse("<memballoon model='virtio'><address type='pci' slot='2'/><address type='pci' slot='3'/></memballoon>").Diagnostics);
        Assert.Equal(DiagnosticCatalog.DuplicateElement, error.Code);
        Assert.Equal("domain/devices/memballoon/address[2]", error.Location.Path);
    }
}
