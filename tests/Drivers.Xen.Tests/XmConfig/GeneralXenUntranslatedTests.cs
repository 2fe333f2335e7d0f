using DomainLauncher.Drivers.Xen.Sexpr;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Xen.Tests.XmConfig;

/// <summary>
/// libvirt 9's general parts are refused (DL5041) by both Xen writers rather than written without
/// them; <c>&lt;hap state='off'&gt;</c> in particular must not become hap=1.
/// </summary>
public sealed class GeneralXenUntranslatedTests
{
    private static string Hvm(string extra) => $"""
        <domain type='xen'>
          <name>g</name>
          <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>
          <memory>1048576</memory>
          <os><type>hvm</type><loader>/usr/lib/xen/boot/hvmloader</loader><boot dev='hd'/></os>
          {extra}
          <devices/>
        </domain>
        """;

    private static Translator.Model.Domain Parse(string xml)
    {
        var parsed = DomainParser.ParseText(xml);
        Assert.True(parsed.Domain is not null, string.Join("\n", parsed.Diagnostics));
        return parsed.Domain;
    }

    [Theory]
    [InlineData("<features><hap state='off'/></features>", "<hap state='off'>")]
    [InlineData("<features><xen><e820_host state='on'/></xen></features>", "<features><xen>")]
    [InlineData("<features><pvspinlock state='on'/></features>", "<features><pvspinlock>")]
    [InlineData("<cpu><numa><cell id='0' cpus='0' memory='1048576'><distances><sibling id='0' value='10'/></distances></cell></numa></cpu>", "<distances>")]
    [InlineData("<genid>43dc0cf8-809b-4adb-9bea-a9abb5f3d90d</genid>", "<genid>")]
    public void Both_writers_refuse_a_libvirt_9_general_part_at_its_element(string extra, string what)
    {
        var domain = Parse(Hvm(extra));

        var xm = XmConfigBuilder.Build(domain, XenTarget.For((XendConfigVersion)2));
        var sexpr = XenSexprBuilder.Build(domain, XenTarget.For((XendConfigVersion)2));

        foreach (var diagnostics in new[] { xm.Diagnostics, sexpr.Diagnostics })
        {
            var error = Assert.Single(diagnostics, d => d.Code.Id == "DL5041");
            Assert.Contains(what, error.Message);
            Assert.Equal(6, error.Location.Line);
        }
        Assert.Null(xm.Text);
    }

    [Fact]
    public void Hap_on_and_a_rom_loader_are_what_the_writers_already_write()
    {
        var domain = Parse(Hvm("<features><hap state='on'/></features>").Replace("<loader>", "<loader type='rom'>"));

        var xm = XmConfigBuilder.Build(domain, XenTarget.For((XendConfigVersion)2));
        Assert.DoesNotContain(xm.Diagnostics, d => d.Code.Id == "DL5041");
        Assert.NotNull(xm.Text);
    }
}
