using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>
/// Elements and attributes no parser understood: warnings for a reader, errors for a command that
/// acts on the domain unless the user allows them, with a suggestion when a known name is close.
/// </summary>
public sealed class UnknownContentTests
{
    private const string Document = """
        <domain type='kvm'><name>v</name><memory>65536</memory>
        <devices>
        <disk type='file' device='disk'><source file='/a.img' startupPolicyy='optional'/><target dev='vda' bus='virtio'/></disk>
        <frobnicator/>
        </devices></domain>
        """;

    [Fact]
    public void Reading_warns_and_names_the_close_known_attribute()
    {
        var loaded = DomainLoader.LoadText(Document, "t.xml");
        Assert.NotNull(loaded.Domain);
        Assert.Equal(2, loaded.Diagnostics.Count);
        Assert.All(loaded.Diagnostics, d => Assert.False(d.IsError));
        var attribute = loaded.Diagnostics[0];
        Assert.Equal(DiagnosticCatalog.UnknownAttribute, attribute.Code);
        Assert.Equal((3, "domain/devices/disk/source"), (attribute.Location.Line, attribute.Location.Path));
        Assert.EndsWith("did you mean 'startupPolicy'?", attribute.Message);
        Assert.Equal(DiagnosticCatalog.UnknownElement, loaded.Diagnostics[1].Code);
        Assert.DoesNotContain("did you mean", loaded.Diagnostics[1].Message);
    }

    [Fact]
    public void Acting_on_the_domain_refuses_each_unknown_at_the_same_place()
    {
        var loaded = DomainLoader.LoadText(Document, "t.xml");
        var used = UnknownContent.ForUse(loaded, allowUnknown: false);
        Assert.Null(used.Domain);
        Assert.Equal([DiagnosticCatalog.UnknownAttributeRefused, DiagnosticCatalog.UnknownElementRefused], used.Diagnostics.Select(d => d.Code));
        Assert.All(used.Diagnostics, d => Assert.True(d.IsError));
        Assert.Equal(loaded.Diagnostics.Select(d => d.Location), used.Diagnostics.Select(d => d.Location));
        Assert.Contains("'startupPolicyy' is not understood", used.Diagnostics[0].Message);
        Assert.Contains("did you mean 'startupPolicy'?", used.Diagnostics[0].Message);
        Assert.Contains(UnknownContent.AllowOption, used.Diagnostics[1].Message);
    }

    [Fact]
    public void Allowing_unknown_content_keeps_the_domain_and_the_warnings()
    {
        var loaded = DomainLoader.LoadText(Document, "t.xml");
        Assert.Same(loaded, UnknownContent.ForUse(loaded, allowUnknown: true));
    }

    [Fact]
    public void A_document_without_unknown_content_is_used_as_read()
    {
        var loaded = DomainLoader.LoadText("<domain type='kvm'><name>v</name><memory>65536</memory></domain>", "t.xml");
        Assert.Same(loaded, UnknownContent.ForUse(loaded, allowUnknown: false));
    }

    [Fact]
    public void A_very_long_unknown_name_gets_no_suggestion_and_costs_no_quadratic_time()
    {
        var name = new string('a', 100_000);
        var loaded = DomainLoader.LoadText($"<domain type='kvm'><name>v</name><memory {name}='1'>65536</memory></domain>", "t.xml");
        Assert.DoesNotContain("did you mean", Assert.Single(loaded.Diagnostics).Message);
    }
}
