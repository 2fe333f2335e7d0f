using DomainLauncher.Fuzz;
using System.Text;
using DomainLauncher.Tests.Shared;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Tests.Xml;

/// <summary>
/// The plain reader makes the tree the XmlReader makes (names, namespaces, values, text, lines and
/// columns) or gives the document up to it: loading with it first must never change a result.
/// </summary>
public sealed class PlainXmlReaderTests
{
    /// <summary>Whether the plain reader read <paramref name="bytes"/> itself (else it gave them up), having checked it made the XmlReader's tree.</summary>
    private static bool ReadsAsXmlReaderDoes(byte[] bytes, string name)
    {
        var expected = XmlReadersAgreeTarget.Describe(SafeXmlLoader.LoadBytesWithXmlReader(bytes, name));
        Assert.Equal(expected, XmlReadersAgreeTarget.Describe(SafeXmlLoader.LoadBytes(bytes, name)));
        var plain = PlainXmlReader.OfThisThread.TryRead(bytes, XmlLimits.Default, [], new KeptStrings());
        if (plain is null) return false;
        Assert.Equal(expected, XmlReadersAgreeTarget.Describe(new XmlLoadResult(plain, null)));
        return true;
    }

    private static bool ReadsAsXmlReaderDoes(string xml) => ReadsAsXmlReaderDoes(new UTF8Encoding(false).GetBytes(xml), "in.xml");

    [Theory]
    [InlineData("<domain type='kvm'>\n  <name>x</name>\n  <devices>\n    <disk type=\"file\" device='disk'/>\n  </devices>\n</domain>\n")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<domain><name>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;</name></domain>")]
    [InlineData("<?xml version='1.0' encoding='utf-8' standalone='yes' ?><domain/>")]
    [InlineData("<!-- before --><domain>\r\n  <name a='x\r\ny\tz\rw'>one\r\ntwo\rthree</name>\r\n</domain><!-- after -->\r\n")]
    [InlineData("<domain><name>a<!-- c -->b</name><!----><x   a = 'b'   /></domain>")]
    [InlineData("<domain xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><qemu:commandline><qemu:arg value='-x'/></qemu:commandline></domain>")]
    [InlineData("<domain xmlns='urn:a'><b xmlns=''><c/></b><d p:x='1' xmlns:p='urn:p' y='2'/></domain>")]
    [InlineData("<domain><name>é€𝄞 x</name><a b='€' c='𝄞'><d/></a></domain>")]
    [InlineData("<domain><name>a ] b ]] c > d</name></domain>")]
    [InlineData("\uFEFF<domain>\n\t<name>x</name></domain>")]
    public void Plain_documents_are_read_as_the_XmlReader_reads_them(string xml) => Assert.True(ReadsAsXmlReaderDoes(xml));

    [Theory]
    [InlineData("<domain a='1' xmlns:p='urn:p' p:b='2' c='3'><e p:x='1' y='2'/><f z='3' xmlns:q='urn:q' q:w='4'/></domain>")]
    [InlineData("<domain xmlns:p='urn:p'><e p:x='1' y='2' p:z='3' w='4'/><e y='1' p:x='2'/></domain>")]
    public void Attributes_are_numbered_in_document_order_whatever_their_prefixes(string xml)
    {
        Assert.True(ReadsAsXmlReaderDoes(xml));
        var bytes = new UTF8Encoding(false).GetBytes(xml);
        var plain = Attributes(PlainXmlReader.OfThisThread.TryRead(bytes, XmlLimits.Default, [], new KeptStrings())!);
        var xmlReader = Attributes(SafeXmlLoader.LoadBytesWithXmlReader(bytes, "in.xml").Root!);
        Assert.Equal(Enumerable.Range(0, plain.Count), plain.Select(a => a.Index));
        Assert.Equal(xmlReader.Select(a => (a.Index, a.LocalName, a.NamespaceUri, a.Value)), plain.Select(a => (a.Index, a.LocalName, a.NamespaceUri, a.Value)));
    }

    /// <summary>Every attribute of the tree, in document order.</summary>
    private static List<SourceAttribute> Attributes(SourceElement element)
    {
        var all = new List<SourceAttribute>(element.Attributes);
        foreach (var child in element.Children) all.AddRange(Attributes(child));
        return all;
    }

    [Theory]
    [InlineData("<domain><name>]]></name></domain>")]
    [InlineData("<domain><name>&#65;&#x42;</name></domain>")]
    [InlineData("<domain><name>&nbsp;</name></domain>")]
    [InlineData("<domain><name>&amp</name></domain>")]
    [InlineData("<domain><name a='<'/></domain>")]
    [InlineData("<domain><name a='1' a='2'/></domain>")]
    [InlineData("<domain xmlns:p='urn:p' xmlns:q='urn:p'><name p:a='1' q:a='2'/></domain>")]
    [InlineData("<domain><p:name/></domain>")]
    [InlineData("<domain><name p:a='1'/></domain>")]
    [InlineData("<domain xmlns:p=''/>")]
    [InlineData("<domain xml:space='preserve'> </domain>")]
    [InlineData("<domain><name>x</nam></domain>")]
    [InlineData("<domain><name>x</name>")]
    [InlineData("<domain/><domain/>")]
    [InlineData("<domain/>text")]
    [InlineData("text<domain/>")]
    [InlineData(" <?xml version='1.0'?><domain/>")]
    [InlineData("<?xml version='1.1'?><domain/>")]
    [InlineData("<?xml version='1.0' encoding='ISO-8859-1'?><domain/>")]
    [InlineData("<?pi x?><domain/>")]
    [InlineData("<!DOCTYPE domain><domain/>")]
    [InlineData("<domain><![CDATA[x]]></domain>")]
    [InlineData("<domain><!-- a -- b --></domain>")]
    [InlineData("<domain><!-- a ---></domain>")]
    [InlineData("<domain a='1'b='2'/>")]
    [InlineData("<domain><é/></domain>")]
    [InlineData("<domain><a:b:c/></domain>")]
    [InlineData("<domain><1a/></domain>")]
    [InlineData("<domain>\u0001</domain>")]
    [InlineData("<domain><name a='1' / ></domain>")]
    [InlineData("<domain></domain >")]
    [InlineData("<domain><")]
    public void Anything_else_is_given_up_to_the_XmlReader(string xml) => ReadsAsXmlReaderDoes(xml);

    // The reader tells these characters where it scans (texts, attribute values, comments), not in a search of
    // the whole document first: wherever they stand, it gives the document up.
    [Theory]
    [InlineData("<domain>\u0001</domain>")]
    [InlineData("<domain>\n  \u001F\n</domain>")]
    [InlineData("<domain><name>a\u0008b</name></domain>")]
    [InlineData("<domain><name>a &amp; b\u000B</name></domain>")]
    [InlineData("<domain><name>a\uFFFEb</name></domain>")]
    [InlineData("<domain><name>\uFFFF</name></domain>")]
    [InlineData("<domain a='x\u0002y'/>")]
    [InlineData("<domain a='x&amp;y\u0002'/>")]
    [InlineData("<domain a=\"x\ty\u000C\"/>")]
    [InlineData("<domain a='\uFFFE'/>")]
    [InlineData("<domain><!-- \u0003 --></domain>")]
    [InlineData("<!-- \uFFFF --><domain/>")]
    [InlineData("<domain/><!--\u0000-->")]
    [InlineData("<domain\u0001/>")]
    [InlineData("<domain a='1'\u0001/>")]
    [InlineData("<domain></domain\u0001>")]
    [InlineData("<domain/>\u0001")]
    [InlineData("\u0001<domain/>")]
    public void Characters_XML_does_not_allow_are_given_up_to_the_XmlReader_wherever_they_stand(string xml) =>
        Assert.False(ReadsAsXmlReaderDoes(xml));

    [Fact]
    public void Bytes_that_are_not_utf8_are_given_up_to_the_XmlReader()
    {
        Assert.False(ReadsAsXmlReaderDoes([.. "<domain><name>"u8, 0xC3, 0x28, .. "</name></domain>"u8], "in.xml"));
        Assert.False(ReadsAsXmlReaderDoes(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<domain/>")).ToArray(), "in.xml"));
    }

    [Fact]
    public void Limits_are_given_up_to_the_XmlReader()
    {
        var deep = string.Concat(Enumerable.Repeat("<a>", 100)) + string.Concat(Enumerable.Repeat("</a>", 100));
        Assert.False(ReadsAsXmlReaderDoes(deep));
        var bytes = Encoding.UTF8.GetBytes("<domain><a/><a/><a/></domain>");
        Assert.Null(PlainXmlReader.OfThisThread.TryRead(bytes, XmlLimits.Default with { MaxElements = 3 }, [], new KeptStrings()));
        var many = "<domain " + string.Concat(Enumerable.Range(0, 40).Select(i => $"a{i}='{i}' ")) + "/>";
        Assert.False(ReadsAsXmlReaderDoes(many));
    }

    [SharedCorpusFact]
    public void Every_corpus_document_reads_as_with_the_XmlReader_and_nearly_all_without_it()
    {
        var files = Directory.GetFiles(SharedCorpus.Conformance!, "*.xml", SearchOption.AllDirectories);
        var plain = files.Count(file => ReadsAsXmlReaderDoes(File.ReadAllBytes(file), file));
        Assert.True(files.Length > 500);
        Assert.True(plain > files.Length * 9 / 10, $"{plain} of {files.Length} read plainly");
    }

    [SharedCorpusFact]
    public void Mutated_corpus_documents_read_as_with_the_XmlReader_or_are_given_up_to_it()
    {
        // Characters that matter to XML, put in, taken out or swapped at random places: whatever the plain
        // reader accepts of the result must be what the XmlReader makes of it, refusals included.
        const string significant = "<>&;'\"/=:!?-[] \r\n\tx\u00e9\u0001";
        var random = new Random(20261203);
        var files = Directory.GetFiles(SharedCorpus.TodaySuite("qemu-x86_64"), "*.xml").Order(StringComparer.Ordinal).Take(60).ToArray();
        var plain = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            for (var round = 0; round < 40; round++)
            {
                var mutated = new StringBuilder(text);
                for (var edits = random.Next(1, 4); edits > 0; edits--)
                {
                    var at = random.Next(mutated.Length);
                    var ch = significant[random.Next(significant.Length)];
                    switch (random.Next(3))
                    {
                        case 0: mutated.Insert(at, ch); break;
                        case 1: mutated.Remove(at, 1); break;
                        default: mutated[at] = ch; break;
                    }
                }
                if (ReadsAsXmlReaderDoes(Encoding.UTF8.GetBytes(mutated.ToString()), file)) plain++;
            }
        }
        Assert.True(plain > 0);
    }
}
