using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Conformance.Qemu;
using DomainLauncher.Conformance;
using Xunit.Abstractions;

namespace DomainLauncher.Conformance.Tests.Qemu;

public sealed class QemuxmlSuiteBuildTests(ITestOutputHelper output)
{
    /// <summary>The ratchet: the number of qemuxml2argv cases the builder must keep passing. Raise it, never lower it.</summary>
    private const int PassingFloor = 212;

    [SharedCorpusFact]
    public void The_builder_passes_at_least_the_ratcheted_number_of_qemuxml2argv_cases()
    {
        var suite = QemuxmlSuite.Load(SharedCorpus.Suite("qemuxml2argv"));
        Assert.NotNull(suite.Value);
        var run = QemuxmlRunner.Run(suite.Value, QemuxmlTranslation.Translate);
        var passed = run.Cases.Count(c => c.Status == ConformanceStatus.Pass);
        foreach (var c in run.Cases.Where(c => c.Status != ConformanceStatus.Pass))
            output.WriteLine($"{c.Status} {c.Id}: {c.Message}");
        output.WriteLine($"passed {passed} of {run.Cases.Length}");
        Assert.True(passed >= PassingFloor, $"passed {passed} of {run.Cases.Length} qemuxml2argv cases; the floor is {PassingFloor}");
    }
}
