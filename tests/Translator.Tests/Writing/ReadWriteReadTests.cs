using System.Text.Json;
using DomainLauncher.Translator.Defaults;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Writing;
using Xunit.Abstractions;

namespace DomainLauncher.Translator.Tests.Writing;

/// <summary>
/// Issue 12: reading a document, writing the model and reading the written text gives an equal
/// model, for every document of both corpora (libvirt 0.10.2 and 9.0). Reading is what the loader
/// does before validation: parse, then the post-parse defaults. The writer adds nothing of its own
/// (every default it writes was filled by the post-parse stage) and drops only what that stage
/// also settles, so the two models hold the same leaves, both ways. The written text also parses
/// back to the written model itself, without the defaults stage: the writer is faithful.
/// </summary>
public sealed class ReadWriteReadTests(ITestOutputHelper output)
{
    private static readonly (string Folder, bool Today)[] Suites =
    [
        ("xmconfig", false), ("xml2sexpr", false), ("qemuxml2argv", false),
        ("qemu-x86_64", true), ("xlconfig", true), ("xmconfig", true),
    ];

    [SharedCorpusFact]
    public void Read_write_read_gives_an_equal_model_for_every_document_of_both_corpora()
    {
        var failures = new List<string>();
        foreach (var (folder, today) in Suites)
        {
            var read = 0;
            var documents = 0;
            foreach (var (file, text) in Documents(folder, today))
            {
                documents++;
                if (Read(text, file) is not { } first) continue;
                read++;
                var written = DomainXmlWriter.Write(first);
                var second = Read(written, file);
                var name = $"{(today ? "9.0" : "0.10.2")}/{folder}/{Path.GetFileName(file)}";
                if (second is null)
                {
                    failures.Add($"{name}: the written document does not parse");
                    continue;
                }
                var lost = ModelLeaves.Missing(first, second);
                var gained = ModelLeaves.Missing(second, first);
                var unfaithful = ModelLeaves.Missing(DomainParser.ParseText(written, file).Domain!, first);
                if (lost.Count + gained.Count + unfaithful.Count > 0)
                    failures.Add($"{name}: lost [{string.Join("; ", lost)}] gained [{string.Join("; ", gained)}] written but not in the model [{string.Join("; ", unfaithful)}]");
            }
            output.WriteLine($"{(today ? "libvirt 9.0" : "libvirt 0.10.2")} {folder}: {read} of {documents} documents read; "
                + $"{read - failures.Count(f => f.StartsWith($"{(today ? "9.0" : "0.10.2")}/{folder}/", StringComparison.Ordinal))} read back equal");
        }
        foreach (var failure in failures) output.WriteLine(failure);
        Assert.True(failures.Count == 0, $"{failures.Count} documents differ:\n" + string.Join("\n", failures.Take(20)));
    }

    /// <summary>What the loader reads before validating: the parsed domain with the post-parse defaults; null when it does not parse.</summary>
    private static Domain? Read(string text, string file) =>
        DomainParser.ParseText(text, file).Domain is { } parsed ? DomainDefaults.Apply(parsed) : null;

    /// <summary>Every domain document a suite's manifest names, once, with libxl's firmware folder substituted where the manifest says.</summary>
    private static IEnumerable<(string File, string Text)> Documents(string folder, bool today)
    {
        var dir = today ? SharedCorpus.TodaySuite(folder) : SharedCorpus.Suite(folder);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        var firmwareDir = manifest.RootElement.TryGetProperty("host", out var host) && host.TryGetProperty("firmwareDir", out var fw)
            ? fw.GetString() : null;
        foreach (var name in manifest.RootElement.GetProperty("cases").EnumerateArray()
                     .Select(c => c.GetProperty("xml").GetString()!).Distinct(StringComparer.Ordinal))
        {
            var file = Path.Combine(dir, name);
            var text = File.ReadAllText(file);
            if (firmwareDir is not null) text = text.Replace("/LIBXL_FIRMWARE_DIR", firmwareDir, StringComparison.Ordinal);
            yield return (file, text);
        }
    }
}
