namespace DomainLauncher.ArgvGolden.Tests.Harness;

/// <summary>
/// Finds <c>../shared/conformance</c> beside the repository (or where DL_SHARED points). Tests that
/// need it use <see cref="SharedCorpusFactAttribute"/> and are skipped, with a reason, when it is absent.
/// </summary>
public static class SharedCorpus
{
    public static string? Root { get; } = Locate();

    public static string Suite(string name) =>
        Path.Combine(Root ?? throw new InvalidOperationException("../shared is absent"), "conformance", "libvirt-0.10.2", name);

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DL_SHARED");
        var candidate = string.IsNullOrEmpty(fromEnvironment) ? Path.Combine(RepositoryPaths.Root, "..", "shared") : fromEnvironment;
        return Directory.Exists(Path.Combine(candidate, "conformance")) ? Path.GetFullPath(candidate) : null;
    }
}

/// <summary>A fact that is skipped, saying why, when the shared conformance corpus is absent.</summary>
public sealed class SharedCorpusFactAttribute : FactAttribute
{
    public SharedCorpusFactAttribute()
    {
        if (SharedCorpus.Root is null)
            Skip = "../shared/conformance is absent (set DL_SHARED to its parent folder to run this test)";
    }
}
