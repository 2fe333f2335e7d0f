using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Writing;

namespace DomainLauncher.Translator.Tests.Writing;

/// <summary>
/// The hand-written document with every element family of the specification
/// (Parsing/Documents/whole-spec.xml) goes through the writer: what it writes reads back with no
/// diagnostic, holds everything the first reading held, and writes again identically.
/// </summary>
public sealed class WholeSpecificationWriteTests
{
    private static readonly string DocumentPath =
        Path.Combine(AppContext.BaseDirectory, "Parsing", "Documents", "whole-spec.xml");

    [Fact]
    public void Whole_specification_document_written_and_read_back_loses_nothing()
    {
        var original = DomainParser.ParseFile(InputFiles.Disk, DocumentPath).Domain!;
        var written = DomainXmlWriter.Write(original);
        var reread = DomainParser.ParseText(written, "written");

        Assert.True(reread.Diagnostics.Count == 0, string.Join("\n", reread.Diagnostics.Select(d => d.Format())) + "\n" + written);
        var missing = ModelLeaves.Missing(original, reread.Domain!)
            .Where(leaf => !DomainXmlWriterCorpusTests.IsCanonicalization(leaf, original)).ToList();
        Assert.True(missing.Count == 0, "lost:\n" + string.Join("\n", missing) + "\n" + written);
    }

    [Fact]
    public void Whole_specification_document_writes_identically_a_second_time()
    {
        var first = DomainXmlWriter.Write(DomainParser.ParseFile(InputFiles.Disk, DocumentPath).Domain!);
        var second = DomainXmlWriter.Write(DomainParser.ParseText(first, "written").Domain!);
        Assert.Equal(first, second);
    }
}
