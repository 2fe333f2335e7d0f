using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

public sealed class InputParserTests
{
    // The devices start on line 5 of the document.
    private static DomainParseResult Parse(string devices) => DeviceDocument.Parse(devices, "kvm");

    private static InputDevice Single(string devices)
    {
        var result = Parse(devices);
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Domain!.Devices.Inputs);
    }

    [Theory]
    [InlineData("mouse", InputType.Mouse)]
    [InlineData("tablet", InputType.Tablet)]
    [InlineData("keyboard", InputType.Keyboard)]
    public void Input_type_is_read(string xml, InputType expected) =>
        Assert.Equal(expected, Single($"<input type='{xml}'/>").Type);

    [Theory]
    [InlineData("ps2", InputBus.Ps2)]
    [InlineData("usb", InputBus.Usb)]
    [InlineData("xen", InputBus.Xen)]
    public void Input_bus_is_read(string xml, InputBus expected) =>
        Assert.Equal(expected, Single($"<input type='mouse' bus='{xml}'/>").Bus);

    [Fact]
    public void Input_without_bus_address_or_alias_leaves_them_null()
    {
        var input = Single("<input type='tablet'/>");
        Assert.Null(input.Bus);
        Assert.Null(input.Address);
        Assert.Null(input.Alias);
        Assert.Equal(5, input.Location.Line);
    }

    [Fact]
    public void Input_usb_address_and_alias_are_read()
    {
        var input = Single("<input type='tablet' bus='usb'><address type='usb' bus='0' port='1.2'/><alias name='input0'/></input>");
        var address = Assert.IsType<UsbAddress>(input.Address);
        Assert.Equal(0u, address.Bus);
        Assert.Equal("1.2", address.Port);
        Assert.Equal("input0", input.Alias);
    }

    [Fact]
    public void Input_with_unknown_type_is_an_error_naming_the_allowed_types()
    {
        var result = Parse("<input type='joystick'/>");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'joystick'", error.Message);
        Assert.Contains("mouse, tablet, keyboard", error.Message);
        Assert.Equal((5, 8), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Input_with_unknown_bus_is_an_error_naming_the_allowed_buses()
    {
        var error = Assert.Single(Parse("<input type='mouse' bus='serial'/>").Diagnostics);
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'serial'", error.Message);
        Assert.Contains("ps2, usb, xen", error.Message);
    }

    [Fact]
    public void Input_without_type_is_an_error()
    {
        var result = Parse("<input bus='usb'/>");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'type'", error.Message);
        Assert.Null(result.Domain);
    }

    [Fact]
    public void Input_with_two_aliases_is_an_error()
    {
        var error = Assert.Single(Parse("<input type='mouse'><alias name='a'/><alias name='b'/></input>").Diagnostics);
        Assert.Equal(DiagnosticCatalog.DuplicateElement, error.Code);
        Assert.Contains("<alias>", error.Message);
    }

    [Fact]
    public void Input_with_unknown_attribute_is_warned_about()
    {
        var result = Parse("<input type='mouse' speed='fast'/>");
        var warning = Assert.Single(result.Diagnostics);
        Assert.False(warning.IsError);
        Assert.Equal(DiagnosticCatalog.UnknownAttribute, warning.Code);
        Assert.NotNull(result.Domain);
    }
}
