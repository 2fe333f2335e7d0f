using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.HostRuntime.CapabilitiesXml;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using DomainLauncher.HostRuntime.Check;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Conformance.Qemu;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.HostRuntime.Tests.Probing;
using DomainLauncher.Tests.Shared;
using DomainLauncher.Translator.Parsing;
using Xunit.Abstractions;

namespace DomainLauncher.HostRuntime.Tests.Check;

/// <summary>
/// <c>check</c> over every x86 domain of the qemuxml2argv corpus that libvirt translates (the failure
/// and parse-error cases are left out), against the installed QEMU 7.2 as probed: parse, substitute the
/// host backends, refuse before launch what cannot run here, build, start QEMU paused, match every
/// guest-visible device over QMP, quit. Each domain either passes (every device found) or is refused
/// before launch with the reason; QEMU itself must reject none, warn of nothing deprecated, and no
/// device may be missing.
/// </summary>
public sealed class CorpusCheckTests(ModernQemuFixture qemu, ITestOutputHelper output) : IClassFixture<ModernQemuFixture>
{
    /// <summary>The share of domains that must pass; measured 0.856 (166 of 194) when this floor was set.</summary>
    private const double PassedFloor = 0.80;

    private enum Outcome { Passed, Missing, Refused, Rejected }

    private sealed record CaseResult(string Name, Outcome Outcome, string Reason, int? ProcessId);

    [QemuCorpusFact]
    public async Task Check_passes_for_at_least_80_percent_of_x86_corpus_domains_and_refuses_the_rest_before_launch()
    {
        var suite = QemuxmlSuite.Load(SharedCorpus.Suite("qemuxml2argv")).Value!;
        var cases = suite.Cases
            .Where(c => c.Expectation == QemuxmlExpectation.Args)
            .Where(c => suite.SettingsFor(c).Arch is "i686" or "x86_64")
            .ToList();
        var results = new ConcurrentBag<CaseResult>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2 },
            async (c, token) => results.Add(await CheckAsync(c, suite, token)));

        var ordered = results.OrderBy(r => r.Outcome).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        foreach (var r in ordered)
            output.WriteLine($"{r.Outcome,-8} {r.Name,-40} {r.Reason}");
        int Count(Outcome outcome) => ordered.Count(r => r.Outcome == outcome);
        var share = (double)Count(Outcome.Passed) / ordered.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ordered.Count} x86 domains: {Count(Outcome.Passed)} passed ({share:P1}), {Count(Outcome.Refused)} refused before launch, " +
            $"{Count(Outcome.Missing)} with a device missing, {Count(Outcome.Rejected)} rejected by QEMU"));

        foreach (var pid in ordered.Select(r => r.ProcessId).OfType<int>())
            Assert.False(EmulatorProbeTests.ProcessExists(pid), $"QEMU process {pid} is still running");
        var deprecated = ordered.Where(r => r.Reason.Contains("deprecated", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(deprecated.Count == 0, "QEMU warned of deprecated options: " + string.Join("\n", deprecated.Select(r => $"{r.Name}: {r.Reason}")));
        foreach (var bad in new[] { Outcome.Rejected, Outcome.Missing })
            Assert.True(Count(bad) == 0, $"{bad}: " + string.Join("\n", ordered.Where(r => r.Outcome == bad).Select(r => $"{r.Name}: {r.Reason}")));
        Assert.True(share >= PassedFloor, string.Create(CultureInfo.InvariantCulture, $"only {share:P1} passed"));
    }

    private async Task<CaseResult> CheckAsync(QemuxmlCase c, QemuxmlSuite suite, CancellationToken token)
    {
        var parsed = DomainLoader.LoadFile(InputFiles.Disk, c.XmlPath);
        if (parsed.Domain is not { } domain || parsed.HasErrors)
            return new(c.Name, Outcome.Refused, "parse: " + Errors(parsed.Diagnostics), null);
        var outcome = await DomainCheck.RunAsync(new DomainCheckRequest
        {
            Domain = domain,
            Emulator = qemu.Description,
            Host = suite.Host,
            KvmUsable = HostKvm.IsUsable(),
            QemuImgPath = "/usr/bin/qemu-img",
            DomainFile = c.XmlPath,
            Timeout = TimeSpan.FromSeconds(30),
        }, token);
        var warnings = outcome.EmulatorOutput.Trim().ReplaceLineEndings(" | ");
        if (outcome.Report is { } report)
        {
            return report.AllFound
                ? new(c.Name, Outcome.Passed, warnings, outcome.ProcessId)
                : new(c.Name, Outcome.Missing, string.Join("; ", report.Rows.Where(r => !r.Found).Select(r => $"{r.Expected.Name}: {r.Detail}")), outcome.ProcessId);
        }
        // Starting QEMU reports with the probe's codes (DL6000-DL6049): QEMU itself refused the domain.
        var rejected = outcome.Diagnostics.Any(d => d.IsError && d.Code.Id.StartsWith("DL60", StringComparison.Ordinal));
        return new(c.Name, rejected ? Outcome.Rejected : Outcome.Refused, Errors(outcome.Diagnostics).ReplaceLineEndings(" | "), outcome.ProcessId);
    }

    private static string Errors(IEnumerable<Translator.Diagnostics.Diagnostic> diagnostics) =>
        string.Join("; ", diagnostics.Where(d => d.IsError).Select(d => $"{d.Code.Id} {d.Message}"));
}

/// <summary>Needs both the shared corpus and the installed QEMU.</summary>
public sealed class QemuCorpusFactAttribute : FactAttribute
{
    public QemuCorpusFactAttribute()
    {
        if (SharedCorpus.Root is null) Skip = SharedCorpus.SkipReason;
        else if (!File.Exists(QemuBinaryFactAttribute.Path)) Skip = $"{QemuBinaryFactAttribute.Path} is not installed";
    }
}
