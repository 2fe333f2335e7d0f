using DomainLauncher.Drivers.Xen.Sexpr;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Xen.Tests.Untranslated;

/// <summary>
/// A guest address the Xen writers cannot write is left out with a warning (DL5043) at the device, by the
/// S-expression, xm and xl writers alike; the domain is still written. A drive address that only repeats
/// what the disk's target name gives is not mentioned.
/// </summary>
public sealed class IgnoredDeviceAddressTests
{
    private static string Hvm(string devices) => $"""
        <domain type='xen'>
          <name>g</name>
          <uuid>4dea22b3-1d52-d8f3-2516-782e98ab3fa0</uuid>
          <memory>1048576</memory>
          <os><type>hvm</type><loader>/usr/lib/xen/boot/hvmloader</loader></os>
          <devices>{devices}</devices>
        </domain>
        """;

    private static IEnumerable<(string Output, string? Text, IReadOnlyList<Diagnostic> Diagnostics)> WriteAll(string devices)
    {
        var parsed = DomainParser.ParseText(Hvm(devices));
        Assert.True(parsed.Domain is not null, string.Join("\n", parsed.Diagnostics));
        var sexpr = XenSexprBuilder.Build(parsed.Domain!, new XenTarget { ConfigVersion = (XendConfigVersion)4 });
        yield return ("a xend S-expression", sexpr.Text, sexpr.Diagnostics);
        var xm = XmConfigBuilder.Build(parsed.Domain!, XenTarget.For((XendConfigVersion)4));
        yield return ("an xm config file", xm.Text, xm.Diagnostics);
        var xl = XmConfigBuilder.Build(parsed.Domain!, XenTarget.For((XendConfigVersion)4), XenConfigFormat.Xl);
        yield return ("an xl config file", xl.Text, xl.Diagnostics);
    }

    [Theory]
    [InlineData("<disk type='file' device='disk'><source file='/x.img'/><target dev='hdb' bus='ide'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>",
        "domain/devices/disk", "<address type='drive'> of disk 'hdb' is left out of {0}: Xen names a disk by its target, which puts it at controller 0, bus 0, target 0, unit 1")]
    [InlineData("<disk type='file' device='disk'><source file='/x.img'/><target dev='xvda' bus='xen'/><address type='pci' domain='0' bus='0' slot='5' function='0'/></disk>",
        "domain/devices/disk", "<address type='pci'> of disk 'xvda' is left out of {0}: Xen names a disk by its target")]
    [InlineData("<interface type='bridge'><mac address='00:16:3e:00:00:01'/><source bridge='br0'/><address type='pci' domain='0' bus='0' slot='3' function='0'/></interface>",
        "domain/devices/interface", "<address type='pci'> of an <interface> is left out of {0}: Xen places the device itself")]
    public void An_address_Xen_cannot_write_is_left_out_with_a_warning(string devices, string path, string message)
    {
        foreach (var (output, text, diagnostics) in WriteAll(devices))
        {
            Assert.True(text is not null, output + ": " + string.Join("\n", diagnostics));
            var warning = Assert.Single(diagnostics, d => d.Code.Id == "DL5043");
            Assert.Equal(Severity.Warning, warning.Severity);
            Assert.Equal(string.Format(message, output), warning.Message);
            Assert.Equal(path, warning.Location.Path);
        }
    }

    [Theory]
    [InlineData("<target dev='hdb' bus='ide'/><address type='drive' controller='0' bus='0' target='0' unit='1'/>")]
    [InlineData("<target dev='hdc'/><address type='drive' controller='0' bus='1' unit='0'/>")]
    [InlineData("<target dev='hda' bus='ide'/>")]
    public void A_drive_address_that_repeats_the_target_name_is_not_mentioned(string target)
    {
        foreach (var (output, text, diagnostics) in WriteAll($"<disk type='file' device='disk'><source file='/x.img'/>{target}</disk>"))
        {
            Assert.True(text is not null, output + ": " + string.Join("\n", diagnostics));
            Assert.DoesNotContain(diagnostics, d => d.Code.Id == "DL5043");
        }
    }
}
