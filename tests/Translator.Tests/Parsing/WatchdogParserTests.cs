using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

public sealed class WatchdogParserTests
{
    private static DomainParseResult Parse(string devices) => DeviceDocument.Parse(devices, "kvm");

    private static Watchdog Read(string devices)
    {
        var result = Parse(devices);
        Assert.Empty(result.Diagnostics);
        return result.Domain!.Devices.Watchdog!;
    }

    [Theory]
    [InlineData("i6300esb", WatchdogModel.I6300esb)]
    [InlineData("ib700", WatchdogModel.Ib700)]
    public void Watchdog_model_is_read(string xml, WatchdogModel expected)
    {
        var watchdog = Read($"<watchdog model='{xml}'/>");
        Assert.Equal(expected, watchdog.Model);
        Assert.Null(watchdog.Action);
        Assert.Null(watchdog.Address);
        Assert.Null(watchdog.Alias);
    }

    [Theory]
    [InlineData("reset", WatchdogAction.Reset)]
    [InlineData("shutdown", WatchdogAction.Shutdown)]
    [InlineData("poweroff", WatchdogAction.Poweroff)]
    [InlineData("pause", WatchdogAction.Pause)]
    [InlineData("none", WatchdogAction.None)]
    [InlineData("dump", WatchdogAction.Dump)]
    public void Watchdog_action_is_read(string xml, WatchdogAction expected) =>
        Assert.Equal(expected, Read($"<watchdog model='ib700' action='{xml}'/>").Action);

    [Fact]
    public void Watchdog_address_and_alias_are_read()
    {
        var watchdog = Read("<watchdog model='i6300esb'><address type='pci' slot='0x05'/><alias name='watchdog0'/></watchdog>");
        Assert.Equal(5u, Assert.IsType<PciAddress>(watchdog.Address).Slot);
        Assert.Equal("watchdog0", watchdog.Alias);
    }

    [Fact]
    public void Watchdog_with_unknown_action_is_an_error_naming_the_allowed_actions()
    {
        var error = Assert.Single(Parse("<watchdog model='ib700' action='reboot'/>").Diagnostics);
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'reboot'", error.Message);
        Assert.Contains("reset, shutdown, poweroff, pause, none, dump", error.Message);
        Assert.Equal((5, 25), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Watchdog_with_unknown_model_is_an_error_naming_the_allowed_models()
    {
        var error = Assert.Single(Parse("<watchdog model='softdog'/>").Diagnostics);
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("i6300esb, ib700", error.Message);
    }

    [Fact]
    public void Watchdog_without_model_is_an_error()
    {
        var error = Assert.Single(Parse("<watchdog action='reset'/>").Diagnostics);
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'model'", error.Message);
    }

    [Fact]
    public void Second_watchdog_is_an_error()
    {
        var error = Assert.Single(Parse("<watchdog model='ib700'/>\n<watchdog model='ib700'/>").Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCatalog.DuplicateElement, error.Code);
        Assert.Equal(6, error.Location.Line);
    }
}
