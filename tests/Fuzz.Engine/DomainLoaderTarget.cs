using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Writing;

namespace DomainLauncher.Fuzz;

/// <summary>
/// The domain loader (parse and validate), then, for a domain it accepts, the XML writer and a
/// re-read: what the loader accepted must be written as XML the loader accepts again.
/// </summary>
public sealed class DomainLoaderTarget(IReadOnlyList<byte[]> seeds) : FuzzTarget
{
    public override string Name => "domain";

    public override IReadOnlyList<byte[]> Seeds { get; } = seeds;

    public override IReadOnlyList<(string Open, string Close)> NestingTokens { get; } =
        [("<devices>", "</devices>"), ("<a>", "</a>"), ("<!--", "-->"), ("<![CDATA[", "]]>")];

    public override void Run(byte[] input)
    {
        var loaded = DomainLoader.LoadBytes(input, "fuzz.xml");
        if (loaded.Domain is null) return;
        var written = DomainXmlWriter.TryWrite(loaded.Domain, "fuzz.xml");
        if (written.Text is null) return;
        var reread = DomainLoader.LoadText(written.Text, "written.xml");
        if (reread.Domain is null)
            throw new FuzzPropertyViolation("the written XML does not load again: "
                + string.Join("; ", reread.Diagnostics.Where(d => d.IsError).Take(3).Select(d => d.Format())));
    }
}
