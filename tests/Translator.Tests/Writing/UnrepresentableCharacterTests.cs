using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Writing;

namespace DomainLauncher.Translator.Tests.Writing;

/// <summary>
/// Issue 11, item 11 (XML part): a value holding U+FFFE, U+FFFF, a lone surrogate or a C0 control other
/// than tab, newline and carriage return (as an xm file may give) was written raw, so our own XML output
/// was malformed. The writer refuses such a value with a located diagnostic (DL1090) naming the element
/// or attribute, and never drops the character silently.
/// </summary>
public sealed class UnrepresentableCharacterTests
{
    private const string Document =
        "<domain type='qemu'><name>guest</name><memory>65536</memory><vcpu>1</vcpu>"
        + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices><emulator>/usr/bin/qemu-system-x86_64</emulator>"
        + "<disk type='file' device='disk'><source file='/var/lib/images/a.img'/><target dev='hda' bus='ide'/></disk>"
        + "</devices></domain>";

    private static Domain Base() => DomainLoader.LoadText(Document, "base.xml").Domain!;

    private static Domain WithDiskFile(Domain domain, string file) =>
        domain with
        {
            Devices = domain.Devices with
            {
                Disks = [domain.Devices.Disks[0] with { Source = new FileDiskSource { File = file } }],
            },
        };

    /// <summary>Built here, not as InlineData: a test runner's serialization would mend a lone surrogate.</summary>
    public static TheoryData<string, string> Unrepresentable => new()
    {
        { "a\uFFFEb", "U+FFFE" },
        { "a\uFFFF", "U+FFFF" },
        { new string(['\uD800', 'x']), "U+D800" },
        { new string(['x', '\uDC00']), "U+DC00" },
        { "a\u0001b", "U+0001" },
        { "a\u001b[31mred", "U+001B" },
        { "\u0000", "U+0000" },
    };

    [Theory]
    [MemberData(nameof(Unrepresentable), DisableDiscoveryEnumeration = true)]
    public void A_name_XML_cannot_carry_is_refused_at_its_element(string name, string character)
    {
        var written = DomainXmlWriter.TryWrite(Base() with { Name = name }, "guest.cfg");

        Assert.Null(written.Text);
        var error = Assert.Single(written.Diagnostics);
        Assert.True(error.IsError);
        Assert.Equal("DL1090", error.Code.Id);
        Assert.Equal("guest.cfg", error.Location.File);
        Assert.Equal("domain/name[1]", error.Location.Path);
        Assert.Contains(character, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disk_path_with_a_control_character_is_refused_at_its_attribute_not_written_without_it()
    {
        var written = DomainXmlWriter.TryWrite(WithDiskFile(Base(), "/dev/a\u0001b"), "guest.cfg");

        Assert.Null(written.Text);
        var error = Assert.Single(written.Diagnostics);
        Assert.Equal("domain/devices[1]/disk[1]/source[1]/@file", error.Location.Path);
    }

    [Fact]
    public void Every_refused_value_is_reported()
    {
        var domain = WithDiskFile(Base() with { Name = "a\uFFFE", Description = "b\u0002" }, "c\uFFFF");

        var written = DomainXmlWriter.TryWrite(domain, "guest.cfg");

        Assert.Equal(["domain/name[1]", "domain/description[1]", "domain/devices[1]/disk[1]/source[1]/@file"],
            written.Diagnostics.Select(d => d.Location.Path));
    }

    [Fact]
    public void Write_fails_loudly_rather_than_writing_malformed_XML()
    {
        var error = Assert.Throws<ArgumentException>(() => DomainXmlWriter.Write(Base() with { Name = "a\uFFFE" }));
        Assert.Contains("U+FFFE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_character_beyond_the_basic_plane_is_carried_as_its_surrogate_pair()
    {
        var name = "guest-\U0001F600";
        var written = DomainXmlWriter.TryWrite(Base() with { Name = name }, "guest.cfg");

        Assert.Empty(written.Diagnostics);
        Assert.Equal(name, DomainLoader.LoadText(written.Text!, "written.xml").Domain!.Name);
    }

    [Theory]
    [InlineData("line one\nline two")]
    [InlineData("carriage\rreturn")]
    [InlineData("tab\there")]
    [InlineData("crlf\r\nend")]
    public void Tab_newline_and_carriage_return_read_back_exactly_in_text_and_attributes(string value)
    {
        var domain = WithDiskFile(Base() with { Description = value }, "/images/" + value);

        var written = DomainXmlWriter.TryWrite(domain, "guest.cfg");
        var reread = DomainLoader.LoadText(written.Text!, "written.xml").Domain!;

        Assert.Equal(value, reread.Description);
        Assert.Equal("/images/" + value, Assert.IsType<FileDiskSource>(reread.Devices.Disks[0].Source).File);
    }

    [Fact]
    public void Capabilities_escaping_still_drops_what_XML_cannot_carry_so_the_document_stays_well_formed() =>
        Assert.Equal("ab", XmlEscaping.Escape("a\uFFFE\uFFFF\uD800b"));
}
