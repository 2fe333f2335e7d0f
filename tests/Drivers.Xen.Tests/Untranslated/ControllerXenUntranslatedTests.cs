using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Xen.Tests.Untranslated;

/// <summary>
/// libvirt 9's controllers in the Xen writers: a declared xenbus without limits (the bus every Xen
/// guest has) changes nothing; one with limits, PCI and ISA controllers and the newer models are
/// refused at the controller.
/// </summary>
public sealed class ControllerXenUntranslatedTests
{
    private static string Domain(string devices) => $"""
        <domain type='xen'>
          <name>guest</name><uuid>4dea22b3-1d52-d8f3-2516-782e98ab3fa0</uuid>
          <memory unit='KiB'>524288</memory>
          <os><type>linux</type><kernel>/boot/vmlinuz</kernel></os>
          <devices>{devices}</devices>
        </domain>
        """;

    private static readonly XenTarget Target = XenTarget.For(XendConfigVersion.Xen3_0_3);

    private static (string? Sexpr, string? Xm, IEnumerable<Translator.Diagnostics.Diagnostic> Errors) Build(string devices)
    {
        var loaded = DomainLoader.LoadText(Domain(devices), "test.xml");
        Assert.DoesNotContain(loaded.Diagnostics, d => d.IsError);
        var sexpr = XenSexprBuilder.Build(loaded.Domain!, Target);
        var xm = XmConfigBuilder.Build(loaded.Domain!, Target);
        return (sexpr.Text, xm.Text, sexpr.Diagnostics.Concat(xm.Diagnostics).Where(d => d.IsError));
    }

    [Fact]
    public void A_xenbus_without_limits_writes_what_no_xenbus_writes()
    {
        var none = Build("");
        var declared = Build("<controller type='xenbus' index='0'/>");
        Assert.NotNull(none.Sexpr);
        Assert.Equal(none.Sexpr, declared.Sexpr);
        Assert.Equal(none.Xm, declared.Xm);
    }

    [Theory]
    [InlineData("<controller type='xenbus' index='0' maxGrantFrames='64'/>", "maxGrantFrames")]
    [InlineData("<controller type='xenbus' index='0' maxEventChannels='2047'/>", "maxEventChannels")]
    [InlineData("<controller type='pci' index='0' model='pci-root'/>", "model='pci-root'")]
    [InlineData("<controller type='isa' index='0'/>", "type='isa'")]
    [InlineData("<controller type='usb' index='0' model='qusb2' ports='6'/>", "'qusb2'")]
    public void New_controller_parts_are_refused_by_both_writers_at_the_controller(string controller, string what)
    {
        var built = Build(controller);
        Assert.Null(built.Sexpr);
        Assert.Null(built.Xm);
        Assert.All(built.Errors, e => Assert.Equal(5, e.Location.Line));
        Assert.Contains(built.Errors, e => e.Message.Contains(what, StringComparison.Ordinal));
    }
}
