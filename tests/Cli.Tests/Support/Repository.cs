using System.Reflection;

namespace DomainLauncher.Cli.Tests.Support;

/// <summary>
/// The repository this test assembly was built from. Recorded at build time (see the project file),
/// because the build output may live outside the repository (DL_ARTIFACTS).
/// </summary>
public static class Repository
{
    public static string Root { get; } = Path.GetFullPath(
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value
        ?? throw new InvalidOperationException("RepositoryRoot metadata is missing"));

    public static string Examples => Path.Combine(Root, "examples");
}
