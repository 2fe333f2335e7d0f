using DomainLauncher.Fuzz;

namespace DomainLauncher.Translator.Tests.Fuzzing;

/// <summary>
/// Issue 11 (the fuzz harness): a short seeded run of the fuzz engine over the corpus seeds, each
/// target on its own, with no crash (an exception a target does not document, or XML the writer
/// produced that does not load again), no input over 1 s and memory under 200 MB. The long run is
/// the command in README's "Fuzzing"; this one keeps the harness and the parsers honest in CI.
/// Nesting stays at 2,000 levels and inputs at 16 KiB: the xm parser has no depth limit yet (issue 11,
/// item 1), and a stack overflow would end the whole test run rather than fail one test.
/// </summary>
public sealed class ShortFuzzRunTests
{
    private static FuzzReport Run(string target) =>
        FuzzRun.Run(FuzzRun.AllTargets(FuzzSeeds.LoadDefault(SharedCorpus.RepositoryRoot)), new FuzzOptions
        {
            Inputs = 1_000,
            Seed = 1,
            MaxNesting = 2_000,
            MaxInputBytes = 16 * 1024,
            Targets = [target],
        });

    [Theory]
    [InlineData("domain")]
    [InlineData("xml-readers")]
    [InlineData("xm")]
    public void A_seeded_run_finds_no_crash_no_hang_and_stays_within_memory(string target)
    {
        var report = Run(target);

        Assert.Equal(1_000, report.Inputs);
        Assert.True(report.Passed, report.Format());
    }

    [Fact]
    public void A_seeded_run_of_the_QMP_reader_finds_no_crash_no_hang_and_stays_within_memory()
    {
        var report = Run("qmp");

        Assert.Equal(1_000, report.Inputs);
        Assert.True(report.Passed, report.Format());
    }
}
