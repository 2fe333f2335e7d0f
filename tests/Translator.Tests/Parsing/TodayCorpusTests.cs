using System.Text.Json;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Tests.Writing;
using DomainLauncher.Translator.Writing;
using Xunit.Abstractions;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>
/// Issue 12 against libvirt 9.0's corpus (conformance/libvirt-9.0): the documents libvirt 9.0
/// builds (qemu-x86_64 'args' cases) and the libxl suites' domains must validate with nothing
/// unknown; the documents it refuses must be refused at a place in the document (ReadWriteReadTests
/// holds that every document that parses is written back and read to the same model). Each figure is printed; the floors
/// are what the reader achieved when they were last raised, so that a regression fails.
/// </summary>
public sealed class TodayCorpusTests(ITestOutputHelper output)
{
    /// <summary>Documents that validate with no unknown element or attribute, per suite.</summary>
    private static readonly Dictionary<string, int> CleanFloor = new()
    {
        ["qemu-x86_64"] = 287,
        ["xlconfig"] = 38,
        ["xmconfig"] = 34,
    };

    /// <summary>qemu-x86_64 cases libvirt 9.0 refuses that validate refuses too, at a line of the document.</summary>
    private const int RefusedFloor = 41;

    [SharedCorpusFact]
    public void Documents_libvirt_builds_validate_with_nothing_unknown()
    {
        var failures = new List<string>();
        foreach (var (suite, floor) in CleanFloor)
        {
            var documents = Documents(suite, expect: "args").ToList();
            var clean = 0;
            foreach (var (file, text) in documents)
            {
                var loaded = DomainLoader.LoadText(text, file);
                var problems = loaded.Diagnostics.Where(d => d.IsError || d.Code.Id is "DL2007" or "DL2008").ToList();
                if (problems.Count == 0) clean++;
                else output.WriteLine($"  {suite}/{Path.GetFileName(file)}: {problems[0].Format()}" + (problems.Count > 1 ? $" (+{problems.Count - 1})" : ""));
            }
            output.WriteLine($"{suite}: {clean} of {documents.Count} validate with nothing unknown (floor {floor})");
            if (clean < floor) failures.Add($"{suite}: {clean} of {documents.Count}, below the floor {floor}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SharedCorpusFact]
    public void Documents_libvirt_refuses_are_refused_at_a_place_in_the_document()
    {
        var documents = Documents("qemu-x86_64", expect: "refusal").ToList();
        var refused = 0;
        foreach (var (file, text) in documents)
        {
            var loaded = DomainLoader.LoadText(text, file);
            if (loaded.Diagnostics.Any(d => d.IsError && d.Location.Line > 0)) refused++;
            else output.WriteLine($"  not refused: {Path.GetFileName(file)}");
        }
        output.WriteLine($"qemu-x86_64 refusals: {refused} of {documents.Count} refused by validate at a located element (floor {RefusedFloor})");
        Assert.True(refused >= RefusedFloor, $"{refused} of {documents.Count} refused, below the floor {RefusedFloor}");
    }

    /// <summary>
    /// The documents of a suite (each once) with their text, the firmware folder substituted where
    /// the manifest says so; <paramref name="expect"/> selects qemu-x86_64 cases by outcome (the
    /// libxl suites have none: all their documents count as built).
    /// </summary>
    private static IEnumerable<(string File, string Text)> Documents(string suite, string? expect)
    {
        var dir = SharedCorpus.TodaySuite(suite);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        var firmwareDir = manifest.RootElement.TryGetProperty("host", out var host) && host.TryGetProperty("firmwareDir", out var fw)
            ? fw.GetString() : null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in manifest.RootElement.GetProperty("cases").EnumerateArray())
        {
            var outcome = c.TryGetProperty("expect", out var e) ? e.GetString() : "args";
            if (expect is not null && outcome != expect) continue;
            var name = c.GetProperty("xml").GetString()!;
            if (!seen.Add(name)) continue;
            var file = Path.Combine(dir, name);
            var text = File.ReadAllText(file);
            if (firmwareDir is not null) text = text.Replace("/LIBXL_FIRMWARE_DIR", firmwareDir, StringComparison.Ordinal);
            yield return (file, text);
        }
    }
}
