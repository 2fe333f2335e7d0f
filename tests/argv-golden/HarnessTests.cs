using DomainLauncher.ArgvGolden.Tests.Harness;

namespace DomainLauncher.ArgvGolden.Tests;

public sealed class HarnessTests
{
    [Fact]
    public void Line_diff_marks_removed_and_added_lines_with_context()
    {
        var diff = LineDiff.Format(["-m", "128", "-smp", "1", "-nographic"], ["-m", "256", "-smp", "1", "-nographic"], context: 1);
        Assert.Equal("  -m\n- 128\n+ 256\n  -smp\n", diff);
    }

    [Fact]
    public void Line_diff_of_distant_changes_shows_a_gap()
    {
        string[] expected = ["a", "b", "c", "d", "e", "f", "g", "h"];
        string[] actual = ["A", "b", "c", "d", "e", "f", "g", "H"];
        var diff = LineDiff.Format(expected, actual, context: 1);
        Assert.Contains("  ...", diff);
        Assert.StartsWith("- a\n+ A\n", diff);
    }

    [Fact]
    public void Golden_comparison_reports_a_missing_file_with_the_way_to_create_it()
    {
        var message = GoldenFile.Compare(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".args"), "x", regenerate: false);
        Assert.Contains(GoldenFile.RegenerateVariable, message);
    }
}
