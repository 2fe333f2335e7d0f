using System.Text;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Fuzz;

/// <summary>
/// The plain XML reader against the XmlReader: for every input the plain reader accepts, the
/// XmlReader must accept it too and make the same tree (names, namespaces, values, texts, lines and
/// columns). The plain reader giving an input up is always fine: the loader then reads it with the
/// XmlReader. Accepting what the XmlReader refuses, or reading it differently, is a finding.
/// </summary>
public sealed class XmlReadersAgreeTarget(IReadOnlyList<byte[]> seeds) : FuzzTarget
{
    public override string Name => "xml-readers";

    public override IReadOnlyList<byte[]> Seeds { get; } = seeds;

    public override IReadOnlyList<(string Open, string Close)> NestingTokens { get; } =
        [("<a>", "</a>"), ("<a b='c'>", "</a>"), ("<!--", "-->")];

    public override void Run(byte[] input)
    {
        var plain = PlainXmlReader.OfThisThread.TryRead(input, XmlLimits.Default, [], new KeptStrings());
        if (plain is null) return;
        var expected = SafeXmlLoader.LoadBytesWithXmlReader(input, "fuzz.xml");
        if (expected.Root is null)
            throw new FuzzPropertyViolation("the plain reader accepted what the XmlReader refuses: " + expected.Error!.Format());
        var want = Describe(expected);
        var got = Describe(new XmlLoadResult(plain, null));
        if (want != got)
            throw new FuzzPropertyViolation("the plain reader made another tree than the XmlReader: " + FirstDifference(want, got));
    }

    /// <summary>
    /// A load's tree as text, one line per element and attribute with its namespace, position, value
    /// and text, or the refusal: two loads read a document alike when their texts are equal.
    /// </summary>
    internal static string Describe(XmlLoadResult result)
    {
        if (result.Root is null) return "refused: " + result.Error!.Format();
        var text = new StringBuilder();
        Dump(result.Root, text, 0);
        return text.ToString();
    }

    private static void Dump(SourceElement element, StringBuilder text, int depth)
    {
        text.Append(' ', depth * 2).Append($"<{element.LocalName}> ns={element.NamespaceUri} at {element.Line}:{element.Column} text=[{element.Text}]\n");
        foreach (var attribute in element.Attributes)
            text.Append(' ', depth * 2 + 1).Append($"@{attribute.LocalName} ns={attribute.NamespaceUri} at {attribute.Line}:{attribute.Column} = [{attribute.Value}]\n");
        foreach (var child in element.Children) Dump(child, text, depth + 1);
    }

    private static string FirstDifference(string want, string got)
    {
        var wantLines = want.Split('\n');
        var gotLines = got.Split('\n');
        for (var i = 0; i < Math.Min(wantLines.Length, gotLines.Length); i++)
            if (wantLines[i] != gotLines[i]) return $"XmlReader '{wantLines[i].Trim()}', plain '{gotLines[i].Trim()}'";
        return $"XmlReader {wantLines.Length} lines, plain {gotLines.Length}";
    }
}
