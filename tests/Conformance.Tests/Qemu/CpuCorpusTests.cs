using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Conformance.Qemu;
using DomainLauncher.Drivers.Qemu.Cpu;
using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;
using Xunit.Abstractions;

namespace DomainLauncher.Conformance.Tests.Qemu;

/// <summary>
/// The -cpu decision against the qemuxml2argv corpus: each case's expected <c>-cpu</c> word pair
/// (or its absence), and a refusal for the failure cases that ask for a CPU.
/// </summary>
public sealed class CpuCorpusTests(ITestOutputHelper output)
{
    private sealed record Outcome(string Id, bool AsksForCpu, string? Problem)
    {
        public string? Note { get; init; }
    }

    [SharedCorpusFact]
    public void Every_case_with_a_cpu_element_or_kvmclock_timer_gets_the_expected_cpu_argument_or_refusal()
    {
        var outcomes = RunAll().Where(o => o.AsksForCpu).ToList();
        Report(outcomes);
        Assert.True(outcomes.Count >= 25, $"only {outcomes.Count} cases ask for a CPU");
        Assert.Empty(outcomes.Where(o => o.Problem is not null).Select(o => $"{o.Id}: {o.Problem}"));
    }

    [SharedCorpusFact]
    public void Every_case_that_expects_a_command_line_gets_its_cpu_argument_or_none()
    {
        var outcomes = RunAll().ToList();
        Report(outcomes);
        Assert.Empty(outcomes.Where(o => o.Problem is not null).Select(o => $"{o.Id}: {o.Problem}"));
    }

    private void Report(List<Outcome> outcomes)
    {
        output.WriteLine($"{outcomes.Count(o => o.Problem is null)}/{outcomes.Count} cases agree on -cpu");
        foreach (var o in outcomes.Where(o => o.Problem is not null)) output.WriteLine($"{o.Id}: {o.Problem}");
        foreach (var o in outcomes.Where(o => o.Note is not null)) output.WriteLine($"{o.Id} refused: {o.Note}");
    }

    private static IEnumerable<Outcome> RunAll()
    {
        var suite = QemuxmlSuite.Load(SharedCorpus.Suite("qemuxml2argv")).Value!;
        foreach (var c in suite.Cases)
        {
            if (c.Expectation is not (QemuxmlExpectation.Args or QemuxmlExpectation.Failure)) continue;
            var parsed = DomainParser.ParseFile(InputFiles.Disk, c.XmlPath);
            if (parsed.Domain is not { } domain) continue;
            var asksForCpu = domain.Cpu is not null
                || domain.Clock?.Timers.Any(t => t.Name == TimerName.Kvmclock) == true;
            var settings = suite.SettingsFor(c);
            var emulator = settings.DescribeEmulator(domain.Devices.Emulator ?? "", domain.Type);
            var request = CpuRequest.For(domain, emulator, settings.Host, migrating: settings.MigrateFrom is not null);
            var result = CpuArguments.Build(request);
            if (c.Expectation == QemuxmlExpectation.Failure)
            {
                // Only failures whose reason is the CPU are ours to refuse.
                if (!asksForCpu) continue;
                var cpuRefusal = result.Diagnostics.Any(d => d.IsError && d.Code.Id.StartsWith("DL42", StringComparison.Ordinal));
                yield return new Outcome(c.Id, true, cpuRefusal ? null : $"expected a CPU refusal, got '{result.Value}'")
                {
                    Note = string.Join("; ", result.Diagnostics.Select(d => $"{d.Code.Id} {d.Message}")),
                };
                continue;
            }
            var words = ShellWords.Split(File.ReadAllText(c.ArgsPath!)).Words;
            var at = words.IndexOf("-cpu");
            var expected = at < 0 ? null : words[at + 1];
            string? problem = !result.Succeeded
                ? $"refused: {string.Join("; ", result.Diagnostics.Select(d => d.Message))}"
                : result.Value != expected ? $"expected '{expected ?? "(none)"}', got '{result.Value ?? "(none)"}'" : null;
            yield return new Outcome(c.Id, asksForCpu, problem);
        }
    }
}
