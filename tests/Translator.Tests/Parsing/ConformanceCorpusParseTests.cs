using DomainLauncher.HostRuntime.Inputs;
using System.Text.Json;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>Every domain XML of the shared corpus parses and validates, except the declared parse errors.</summary>
public sealed class ConformanceCorpusParseTests
{
    [SharedCorpusFact]
    public void Every_corpus_domain_parses_and_validates_unless_its_manifest_says_parse_error()
    {
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var suite in new[] { "qemuxml2argv", "xml2sexpr", "xmconfig" })
        {
            var dir = SharedCorpus.Suite(suite);
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
            var expectParseError = new Dictionary<string, bool>();
            foreach (var c in manifest.RootElement.GetProperty("cases").EnumerateArray())
            {
                var xml = c.GetProperty("xml").GetString()!;
                var isParseError = c.TryGetProperty("expect", out var e) && e.GetString() == "parse-error";
                expectParseError[xml] = expectParseError.GetValueOrDefault(xml) || isParseError;
            }
            foreach (var (xml, parseError) in expectParseError)
            {
                checkedCount++;
                var result = DomainLoader.LoadFile(InputFiles.Disk, Path.Combine(dir, xml));
                var errors = result.Diagnostics.Where(d => d.IsError).Select(d => d.Format()).ToList();
                if (parseError && errors.Count == 0)
                    failures.Add($"{suite}/{xml}: expected a parse error, got none");
                if (!parseError && errors.Count > 0)
                    failures.Add($"{suite}/{xml}: {string.Join(" | ", errors)}");
            }
        }
        Assert.True(checkedCount > 250, $"only {checkedCount} documents found");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCount} documents:\n" + string.Join("\n", failures));
    }

    [SharedCorpusFact]
    public void Corpus_domains_use_no_element_the_model_does_not_know()
    {
        var unknown = new SortedSet<string>();
        foreach (var suite in new[] { "qemuxml2argv", "xml2sexpr", "xmconfig" })
        {
            foreach (var file in Directory.EnumerateFiles(SharedCorpus.Suite(suite), "*.xml"))
            {
                var result = DomainParser.ParseFile(InputFiles.Disk, file);
                foreach (var d in result.Diagnostics.Where(d => !d.IsError))
                    unknown.Add($"{d.Location.Path}: {d.Message}");
            }
        }
        // Host capability and CPU map documents are not domains: they fail with a wrong-root error, not warnings.
        Assert.True(unknown.Count == 0, string.Join("\n", unknown));
    }
}
