using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.ArgvGolden.Tests.Harness;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.ArgvGolden.Tests;

/// <summary>
/// Our own documents with problems, and the diagnostics `validate` reports for each (one per line,
/// as printed), baselined in cases/diagnostics/NAME.diag.
/// </summary>
public sealed class DiagnosticsGoldenTests
{
    private static readonly GoldenSuite Suite = new("diagnostics", ".xml", ".diag");

    public static TheoryData<string> Cases() => [.. Suite.CaseNames];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostics_match_the_golden_file(string name)
    {
        // Relative names keep the golden files independent of where the repository is checked out.
        var relative = Path.GetRelativePath(RepositoryPaths.Root, Suite.Input(name));
        var result = DomainLoader.LoadFile(InputFiles.Disk, Path.Combine(RepositoryPaths.Root, relative));
        var lines = result.Diagnostics.Select(d => d.Format().Replace(Path.Combine(RepositoryPaths.Root, relative), relative));
        var failure = GoldenFile.Compare(Suite.Output(name, ".diag"), string.Join("\n", lines));
        Assert.True(failure is null, failure);
    }

    [Fact]
    public void Every_file_in_the_diagnostics_folder_belongs_to_a_case() =>
        Assert.Empty(Suite.UnusedFiles());
}
