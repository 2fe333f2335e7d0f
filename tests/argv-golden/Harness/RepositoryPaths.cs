using System.Reflection;

namespace DomainLauncher.ArgvGolden.Tests.Harness;

/// <summary>
/// Finds the repository (the folder holding DomainLauncher.sln): the root recorded at build time
/// first, since build output may live outside the tree (DL_ARTIFACTS), then the folders above the
/// test binary.
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = Locate();

    /// <summary>The golden cases live in the source tree, so that regeneration rewrites them in place.</summary>
    public static string Cases => Path.Combine(Root, "tests", "argv-golden", "cases");

    /// <summary>The folder of this test project in the source tree.</summary>
    public static string Project => Path.Combine(Root, "tests", "argv-golden");

    private static string Locate()
    {
        var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        foreach (var start in new[] { recorded, AppContext.BaseDirectory }.OfType<string>())
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "DomainLauncher.sln"))) return dir.FullName;
        throw new InvalidOperationException("DomainLauncher.sln not found above " + AppContext.BaseDirectory);
    }
}
