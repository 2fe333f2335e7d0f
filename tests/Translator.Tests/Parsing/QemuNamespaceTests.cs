using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Tests.Writing;
using DomainLauncher.Translator.Writing;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>libvirt 9's <c>&lt;qemu:override&gt;</c> and <c>&lt;qemu:deprecation&gt;</c>: read, tainting, written back.</summary>
public sealed class QemuNamespaceTests
{
    private const string Document = """
        <domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><name>q</name><memory>65536</memory>
        <qemu:override>
          <qemu:device alias='ua-disk'>
            <qemu:frontend>
              <qemu:property name='prop1' type='string' value='a,b'/>
              <qemu:property name='prop2' type='signed' value='-3'/>
              <qemu:property name='prop6' type='remove'/>
            </qemu:frontend>
          </qemu:device>
        </qemu:override>
        <qemu:deprecation behavior='crash'/>
        </domain>
        """;

    [Fact]
    public void Overrides_and_the_deprecation_behaviour_are_read_and_the_override_taints_the_domain()
    {
        var loaded = DomainLoader.LoadText(Document, "q.xml");
        var domain = loaded.Domain!;
        var device = Assert.Single(domain.QemuOverride!.Devices);
        Assert.Equal("ua-disk", device.Alias);
        Assert.Equal([new QemuPropertyOverride("prop1", QemuPropertyType.String, "a,b"), new QemuPropertyOverride("prop2", QemuPropertyType.Signed, "-3"),
            new QemuPropertyOverride("prop6", QemuPropertyType.Remove, null)], device.Frontend.ToArray());
        Assert.Equal(QemuDeprecationBehavior.Crash, domain.QemuDeprecation!.Behavior);
        var taint = Assert.Single(loaded.Diagnostics);
        Assert.Equal((DiagnosticCatalog.Tainted, 2), (taint.Code, taint.Location.Line));
    }

    [Fact]
    public void They_are_written_back_and_read_to_the_same_model()
    {
        var domain = DomainParser.ParseText(Document).Domain!;
        var reread = DomainParser.ParseText(DomainXmlWriter.Write(domain)).Domain!;
        Assert.Empty(ModelLeaves.Missing(domain, reread));
    }

    [Fact]
    public void A_property_other_than_remove_needs_a_value()
    {
        var loaded = DomainLoader.LoadText(Document.Replace("type='signed' value='-3'", "type='signed'"), "q.xml");
        Assert.Contains(loaded.Diagnostics, d => d.IsError && d.Code == DiagnosticCatalog.MissingAttribute);
    }

    [Theory]
    [InlineData("type='signed' value='-3'", "type='signed' value='3x'", "DL2004", "value '3x' is not a signed 64-bit decimal integer")]
    [InlineData("type='signed' value='-3'", "type='unsigned' value='-3'", "DL2004", "value '-3' is not an unsigned 64-bit decimal integer")]
    [InlineData("type='signed' value='-3'", "type='bool' value='yes'", "DL2006", "value 'yes' is not 'true' or 'false'")]
    [InlineData("name='prop2'", "name='a,b=c'", "DL2006", "'a,b=c' is not a QEMU property name (letters, digits, '-', '_' and '.')")]
    public void A_property_value_not_of_its_type_or_a_name_qemu_cannot_take_is_refused_at_it(string given, string instead, string code, string message)
    {
        var loaded = DomainLoader.LoadText(Document.Replace(given, instead), "q.xml");

        var error = Assert.Single(loaded.Diagnostics, d => d.IsError);
        Assert.Equal((code, 6, message), (error.Code.Id, error.Location.Line, error.Message));
    }
}
