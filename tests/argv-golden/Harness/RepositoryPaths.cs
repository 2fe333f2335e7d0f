namespace DomainLauncher.ArgvGolden.Tests.Harness;

/// <summary>
/// Paths in the source tree of this test project (the repository root is recorded at build time).
/// </summary>
public static class RepositoryPaths
{
    public static string Root => SharedCorpus.RepositoryRoot;

    /// <summary>The golden cases live in the source tree, so that regeneration rewrites them in place.</summary>
    public static string Cases => Path.Combine(Root, "tests", "argv-golden", "cases");

    /// <summary>The folder of this test project in the source tree.</summary>
    public static string Project => Path.Combine(Root, "tests", "argv-golden");
}
