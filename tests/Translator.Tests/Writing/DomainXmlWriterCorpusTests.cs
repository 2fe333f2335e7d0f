using DomainLauncher.HostRuntime.Inputs;
using System.Text.Json;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Writing;
using Xunit.Abstractions;

namespace DomainLauncher.Translator.Tests.Writing;

/// <summary>
/// The writer against the shared corpus. Most corpus documents are already in libvirt's canonical
/// form (libvirt's own tests round-trip them), so parse then write must give back the original
/// text; the rest are hand-written (double quotes, other element orders, values libvirt always
/// adds left out) and are counted, with floors so that a regression shows. Every document must
/// also write idempotently (ReadWriteReadTests holds that nothing is lost or gained).
/// </summary>
public sealed class DomainXmlWriterCorpusTests(ITestOutputHelper output)
{
    /// <summary>Exact round trips at the time of writing; raise them when the writer improves.</summary>
    private static readonly Dictionary<string, int> ExactFloor = new()
    {
        ["xmconfig"] = 29,
        ["xml2sexpr"] = 0,
        ["qemuxml2argv"] = 155,
    };

    [SharedCorpusFact]
    public void Every_xmconfig_document_round_trips_to_its_exact_text()
    {
        var (exact, total, mismatches) = RoundTrip("xmconfig");
        Assert.True(total == 29, $"expected the 29 xmconfig documents, found {total}");
        Assert.True(exact == total, "not canonical:\n" + string.Join("\n", mismatches));
    }

    [SharedCorpusFact]
    public void Corpus_documents_round_trip_exactly_at_least_as_often_as_before()
    {
        var failures = new List<string>();
        foreach (var (suite, floor) in ExactFloor)
        {
            var (exact, total, mismatches) = RoundTrip(suite);
            output.WriteLine($"{suite}: {exact} of {total} documents written back exactly");
            foreach (var mismatch in mismatches) output.WriteLine($"  differs: {mismatch}");
            if (exact < floor) failures.Add($"{suite}: {exact} of {total} exact, floor {floor}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SharedCorpusFact]
    public void Writing_what_was_read_from_a_written_document_gives_the_same_text()
    {
        var failures = new List<string>();
        foreach (var (suite, file) in CorpusDocuments())
        {
            var first = DomainXmlWriter.Write(Parse(file));
            var reread = DomainParser.ParseText(first, file);
            if (reread.Domain is null || reread.Diagnostics.Count > 0)
            {
                failures.Add($"{suite}/{Path.GetFileName(file)}: written text does not parse cleanly: "
                             + string.Join(" | ", reread.Diagnostics.Select(d => d.Format())));
                continue;
            }
            var second = DomainXmlWriter.Write(reread.Domain);
            if (second != first) failures.Add($"{suite}/{Path.GetFileName(file)}:\n{LineDiff(first, second)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static (int Exact, int Total, List<string> Mismatches) RoundTrip(string suite)
    {
        var exact = 0;
        var total = 0;
        var mismatches = new List<string>();
        foreach (var (_, file) in CorpusDocuments().Where(d => d.Suite == suite))
        {
            total++;
            var original = File.ReadAllText(file);
            var written = DomainXmlWriter.Write(Parse(file));
            if (written == original) exact++;
            else mismatches.Add($"{Path.GetFileName(file)}\n{LineDiff(original, written)}");
        }
        return (exact, total, mismatches);
    }

    /// <summary>The document as parsed (no post-parse defaults: the writer must give back the document's own text).</summary>
    private static Domain Parse(string file)
    {
        var result = DomainParser.ParseFile(InputFiles.Disk, file);
        return result.Domain ?? throw new InvalidOperationException(
            $"{file} does not parse: {string.Join(" | ", result.Diagnostics.Select(d => d.Format()))}");
    }

    /// <summary>The domain documents the suites' manifests name, each once.</summary>
    private static IEnumerable<(string Suite, string File)> CorpusDocuments()
    {
        foreach (var suite in new[] { "xmconfig", "xml2sexpr", "qemuxml2argv" })
        {
            var dir = SharedCorpus.Suite(suite);
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
            var names = manifest.RootElement.GetProperty("cases").EnumerateArray()
                .Select(c => c.GetProperty("xml").GetString()!).Distinct().ToList();
            foreach (var name in names) yield return (suite, Path.Combine(dir, name));
        }
    }

    /// <summary>The first differing lines, enough to see what changed.</summary>
    private static string LineDiff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var first = 0;
        while (first < a.Length && first < b.Length && a[first] == b[first]) first++;
        var lines = new List<string>();
        for (var i = first; i < Math.Min(first + 4, Math.Max(a.Length, b.Length)); i++)
        {
            if (i < a.Length) lines.Add($"    line {i + 1} - {a[i]}");
            if (i < b.Length) lines.Add($"    line {i + 1} + {b[i]}");
        }
        return string.Join("\n", lines);
    }
}
