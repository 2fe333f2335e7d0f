using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Translator.Defaults;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Writing;

namespace DomainLauncher.Translator.Tests.Writing;

/// <summary>
/// The hand-written document with every element family of the specification
/// (Parsing/Documents/whole-spec.xml) goes through the writer: what it writes reads back with no
/// diagnostic to the same model (read as the loader reads: parsed, then the post-parse defaults),
/// and writes again identically.
/// </summary>
public sealed class WholeSpecificationWriteTests
{
    private static readonly string DocumentPath =
        Path.Combine(AppContext.BaseDirectory, "Parsing", "Documents", "whole-spec.xml");

    [Fact]
    public void Whole_specification_document_written_and_read_back_gives_the_same_model()
    {
        var original = DomainDefaults.Apply(DomainParser.ParseFile(InputFiles.Disk, DocumentPath).Domain!);
        var written = DomainXmlWriter.Write(original);
        var reread = DomainParser.ParseText(written, "written");

        Assert.True(reread.Diagnostics.Count == 0, string.Join("\n", reread.Diagnostics.Select(d => d.Format())) + "\n" + written);
        var rereadWithDefaults = DomainDefaults.Apply(reread.Domain!);
        var missing = ModelLeaves.Missing(original, rereadWithDefaults);
        var gained = ModelLeaves.Missing(rereadWithDefaults, original);
        Assert.True(missing.Count + gained.Count == 0,
            "lost:\n" + string.Join("\n", missing) + "\ngained:\n" + string.Join("\n", gained) + "\n" + written);
    }

    [Fact]
    public void Whole_specification_document_writes_identically_a_second_time()
    {
        var first = DomainXmlWriter.Write(DomainParser.ParseFile(InputFiles.Disk, DocumentPath).Domain!);
        var second = DomainXmlWriter.Write(DomainParser.ParseText(first, "written").Domain!);
        Assert.Equal(first, second);
    }
}
