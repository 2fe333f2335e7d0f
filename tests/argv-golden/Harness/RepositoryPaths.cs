namespace DomainLauncher.ArgvGolden.Tests.Harness;

/// <summary>Finds the repository (the folder holding DomainLauncher.sln) from the test binary.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = Locate();

    /// <summary>The golden cases live in the source tree, so that regeneration rewrites them in place.</summary>
    public static string Cases => Path.Combine(Root, "tests", "argv-golden", "cases");

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DomainLauncher.sln"))) return dir.FullName;
        throw new InvalidOperationException("DomainLauncher.sln not found above " + AppContext.BaseDirectory);
    }
}
