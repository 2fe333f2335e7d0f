using DomainLauncher.HostRuntime.Inputs;
using System.Diagnostics;
using System.Text;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Tests.Xml;

public sealed class SafeXmlLoaderTests
{
    private static Diagnostic SingleError(DomainParseResult result)
    {
        Assert.Null(result.Domain);
        return Assert.Single(result.Diagnostics, d => d.IsError);
    }

    private static DomainParseResult Load(string xml) => DomainLoader.LoadText(xml, "in.xml");

    private static DomainParseResult LoadBytes(byte[] xml) => DomainLoader.LoadBytes(xml, "in.xml");

    [Fact]
    public void Empty_document_is_reported_as_empty()
    {
        var error = SingleError(Load(""));
        Assert.Equal(DiagnosticCatalog.EmptyDocument, error.Code);
        Assert.Equal("in.xml: error DL1004: the document is empty", error.Format());
    }

    [Fact]
    public void Whitespace_only_document_is_reported_as_empty() =>
        Assert.Equal(DiagnosticCatalog.EmptyDocument, SingleError(Load("  \n\t ")).Code);

    [Fact]
    public void Text_that_is_not_xml_is_malformed_with_a_position()
    {
        var error = SingleError(Load("this is not xml"));
        Assert.Equal(DiagnosticCatalog.MalformedXml, error.Code);
        Assert.Equal(1, error.Location.Line);
    }

    [Fact]
    public void Truncated_document_is_malformed_at_its_end()
    {
        var error = SingleError(Load("<domain type='kvm'>\n  <name>x</name>\n  <devices>"));
        Assert.Equal(DiagnosticCatalog.MalformedXml, error.Code);
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void Dtd_with_external_entity_is_refused_and_never_read()
    {
        var xml = "<?xml version='1.0'?>\n<!DOCTYPE domain [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>\n" +
                  "<domain type='kvm'><name>&xxe;</name></domain>";
        var error = SingleError(Load(xml));
        Assert.Equal(DiagnosticCatalog.DtdProhibited, error.Code);
        Assert.DoesNotContain("root:", error.Format());
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void Entity_expansion_bomb_is_refused_quickly()
    {
        var sb = new StringBuilder("<?xml version='1.0'?>\n<!DOCTYPE lolz [<!ENTITY lol 'lol'>");
        for (var i = 1; i < 10; i++)
            sb.Append($"<!ENTITY lol{i} '{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}'>");
        sb.Append("]>\n<domain type='kvm'><name>&lol9;</name></domain>");
        var watch = Stopwatch.StartNew();
        var error = SingleError(Load(sb.ToString()));
        Assert.Equal(DiagnosticCatalog.DtdProhibited, error.Code);
        Assert.True(watch.ElapsedMilliseconds < 1000);
    }

    [Fact]
    public void Ten_thousand_levels_of_nesting_are_refused_without_recursion()
    {
        var xml = "<domain type='kvm'>" + string.Concat(Enumerable.Repeat("<a>", 10_000)) +
                  string.Concat(Enumerable.Repeat("</a>", 10_000)) + "</domain>";
        var error = SingleError(Load(xml));
        Assert.Equal(DiagnosticCatalog.NestingTooDeep, error.Code);
        Assert.Contains("64", error.Message);
    }

    [Fact]
    public void Document_over_the_size_limit_is_refused_before_parsing()
    {
        var bytes = new byte[9 * 1024 * 1024];
        bytes.AsSpan().Fill((byte)' ');
        "<domain>"u8.CopyTo(bytes);
        var error = SingleError(LoadBytes(bytes));
        Assert.Equal(DiagnosticCatalog.FileTooLarge, error.Code);
    }

    [Fact]
    public void Large_file_on_disk_is_refused_by_its_size()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var f = File.OpenWrite(path)) f.SetLength(100L * 1024 * 1024);
            var result = DomainLoader.LoadFile(InputFiles.Disk, path);
            Assert.Equal(DiagnosticCatalog.FileTooLarge, SingleError(result).Code);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Invalid_utf8_is_an_encoding_error()
    {
        var bytes = Encoding.UTF8.GetBytes("<domain type='kvm'><name>ab</name></domain>");
        bytes[27] = 0xFF;
        var error = SingleError(LoadBytes(bytes));
        Assert.Equal(DiagnosticCatalog.InvalidEncoding, error.Code);
        Assert.Equal(1, error.Location.Line);
    }

    [Fact]
    public void Missing_file_and_directory_are_reported_by_name()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xml");
        Assert.Equal(DiagnosticCatalog.FileNotFound, SingleError(DomainLoader.LoadFile(InputFiles.Disk, missing)).Code);
        var dir = SingleError(DomainLoader.LoadFile(InputFiles.Disk, Path.GetTempPath()));
        Assert.Equal(DiagnosticCatalog.FileUnreadable, dir.Code);
        Assert.Contains("directory", dir.Message);
    }

    [Fact]
    public void Wrong_root_element_names_the_expected_root()
    {
        var error = SingleError(Load("<capabilities/>"));
        Assert.Equal(DiagnosticCatalog.WrongRootElement, error.Code);
        Assert.Contains("<capabilities>", error.Message);
        Assert.Contains("<domain>", error.Message);
    }

    [Fact]
    public void Elements_keep_their_line_and_column()
    {
        var load = SafeXmlLoader.LoadText("<domain>\n  <name a='1'>x</name>\n</domain>", "f");
        var name = Assert.Single(load.Root!.Children);
        Assert.Equal((2, 4), (name.Line, name.Column));
        Assert.Equal("x", name.Text);
        Assert.Equal("1", name.Attribute("a")!.Value);
    }

    [Fact]
    public void Comments_and_cdata_are_handled_as_text_is()
    {
        var load = SafeXmlLoader.LoadText("<a><!-- c --><![CDATA[x<y]]></a>", "f");
        Assert.Equal("x<y", load.Root!.Text);
    }

    [Fact]
    public void An_elements_text_is_its_pieces_in_order_indentation_included()
    {
        var load = SafeXmlLoader.LoadText("<a>\n  <b/>x <c/>\r\n\t<![CDATA[ y ]]>\n</a>", "f");
        Assert.Equal("\n  x \n\t y \n", load.Root!.Text);
    }

    [Fact]
    public void Indentation_alone_is_an_elements_text_and_documents_read_one_after_the_other_keep_their_own()
    {
        var first = SafeXmlLoader.LoadText("<a>\n  <b>\n    <c/>\n  </b>\n</a>", "f");
        var second = SafeXmlLoader.LoadText("<a>\n  <b>   </b><b>\n    <c/> </b>\n</a>", "g");
        Assert.Equal("\n  \n", first.Root!.Text);
        Assert.Equal("\n    \n  ", first.Root.Children[0].Text);
        Assert.Equal("\n  \n", second.Root!.Text);
        Assert.Equal(["   ", "\n     "], second.Root.Children.Select(b => b.Text));
    }

    [Fact]
    public void Long_indentation_is_read_whole()
    {
        var indentation = "\n" + new string(' ', 10_000);
        var load = SafeXmlLoader.LoadText($"<a>{indentation}<b/>{indentation}</a>", "f");
        Assert.Equal(indentation + indentation, load.Root!.Text);
    }

    [Fact]
    public void Content_after_the_root_element_is_malformed() =>
        Assert.Equal(DiagnosticCatalog.MalformedXml, SingleError(Load("<domain/><domain/>")).Code);
}
