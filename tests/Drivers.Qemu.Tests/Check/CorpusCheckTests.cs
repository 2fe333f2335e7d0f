using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using DomainLauncher.Drivers.Qemu.Check;
using DomainLauncher.Drivers.Qemu.Conformance;
using DomainLauncher.Drivers.Qemu.Probing;
using DomainLauncher.Drivers.Qemu.Runtime;
using DomainLauncher.Drivers.Qemu.Tests.Probing;
using DomainLauncher.Tests.Shared;
using DomainLauncher.Translator.Parsing;
using Xunit.Abstractions;

namespace DomainLauncher.Drivers.Qemu.Tests.Check;

/// <summary>
/// Every x86 domain of the qemuxml2argv corpus that libvirt translates (the failure and parse-error cases
/// are left out), checked against the installed QEMU 7.2: parse, substitute host backends, build with
/// the probed description, start QEMU paused and ask QMP for its status. Each domain either starts, or
/// is refused before launch with the reason; QEMU itself must reject none.
/// </summary>
public sealed class CorpusCheckTests(ModernQemuFixture qemu, ITestOutputHelper output) : IClassFixture<ModernQemuFixture>
{
    /// <summary>The share of domains that must start; measured 0.856 (166 of 194) when this floor was set.</summary>
    private const double StartedFloor = 0.80;

    private enum Outcome { Started, Refused, Rejected }

    private sealed record CaseResult(string Name, Outcome Outcome, string Reason, int? ProcessId);

    [QemuCorpusFact]
    public async Task Every_x86_corpus_domain_starts_or_is_refused_before_launch_and_QEMU_rejects_none()
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
        var started = ordered.Count(r => r.Outcome == Outcome.Started);
        var refused = ordered.Count(r => r.Outcome == Outcome.Refused);
        var rejected = ordered.Count(r => r.Outcome == Outcome.Rejected);
        var share = (double)started / ordered.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ordered.Count} x86 domains: {started} started ({share:P1}), {refused} refused before launch, {rejected} rejected by QEMU"));

        foreach (var pid in ordered.Select(r => r.ProcessId).OfType<int>())
            Assert.False(EmulatorProbeTests.ProcessExists(pid), $"QEMU process {pid} is still running");
        var deprecated = ordered.Where(r => r.Reason.Contains("deprecated", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(deprecated.Count == 0, "QEMU warned of deprecated options: " + string.Join("\n", deprecated.Select(r => $"{r.Name}: {r.Reason}")));
        Assert.True(rejected == 0, "QEMU rejected: " + string.Join("\n", ordered.Where(r => r.Outcome == Outcome.Rejected).Select(r => $"{r.Name}: {r.Reason}")));
        Assert.True(share >= StartedFloor, string.Create(CultureInfo.InvariantCulture, $"only {share:P1} started"));
    }

    private async Task<CaseResult> CheckAsync(QemuxmlCase c, QemuxmlSuite suite, CancellationToken token)
    {
        var parsed = DomainLoader.LoadFile(c.XmlPath);
        if (parsed.Domain is not { } domain || parsed.HasErrors)
            return new(c.Name, Outcome.Refused, "parse: " + Errors(parsed.Diagnostics), null);
        var scratch = Directory.CreateTempSubdirectory("dlc");
        try
        {
            var emulator = qemu.Description;
            var substitution = HostSubstitution.Apply(domain, emulator, scratch.FullName, HostKvm.IsUsable());
            if (substitution.Domain is not { } substituted)
                return new(c.Name, Outcome.Refused, Errors(substitution.Diagnostics), null);
            var host = HostSubstitution.HostFor(suite.Host, scratch.FullName);
            var built = QemuCommandBuilder.Build(substituted, emulator, host, substitution.BuildOptions);
            if (built.CommandLine is not { } commandLine)
                return new(c.Name, Outcome.Refused, "build: " + Errors(built.Diagnostics), null);
            var fit = EmulatorFit.Check(substituted, commandLine, emulator);
            if (fit.Count > 0) return new(c.Name, Outcome.Refused, Errors(fit), null);
            var created = await ScratchFiles.CreateAsync(substitution, "/usr/bin/qemu-img", TimeSpan.FromSeconds(30), token);
            if (created.Count > 0) return new(c.Name, Outcome.Refused, Errors(created), null);

            var start = await EmulatorProcess.StartAsync(new EmulatorStartRequest
            {
                Path = emulator.Path,
                Arguments = commandLine.Args,
                QmpSocketPath = Path.Combine(scratch.FullName, "qmp.sock"),
                Environment = commandLine.Environment.ToImmutableDictionary(e => e.Name, e => (string?)e.Value),
                Timeout = TimeSpan.FromSeconds(20),
            }, token);
            if (start.Process is not { } process)
                return new(c.Name, Outcome.Rejected, Errors(start.Diagnostics).ReplaceLineEndings(" | "), start.ProcessId);
            await using (process)
            {
                var status = await process.Qmp.ExecuteAsync("query-status", null, process.Timeout, token);
                var warnings = process.Output.Trim();
                await process.StopAsync();
                return new(c.Name, Outcome.Started, (status is QmpError e ? "query-status failed: " + e + " " : "") + warnings.ReplaceLineEndings(" | "), process.ProcessId);
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
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
