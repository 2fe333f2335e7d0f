using System.Reflection;

namespace DomainLauncher.Drivers.Xen.Tests.Support;

/// <summary>
/// Finds <c>../shared/conformance</c> beside the repository (or where DL_SHARED points). Tests that
/// need it use <see cref="SharedCorpusFactAttribute"/> and are skipped, with a reason, when it is absent.
/// </summary>
public static class SharedCorpus
{
    public static string? Root { get; } = Locate();

    public static string? Conformance => Root is null ? null : Path.Combine(Root, "conformance");

    public static string Suite(string name) =>
        Path.Combine(Conformance ?? throw new InvalidOperationException("../shared is absent"), "libvirt-0.10.2", name);

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DL_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment))
            return Directory.Exists(Path.Combine(fromEnvironment, "conformance")) ? fromEnvironment : null;
        // The repository root recorded at build time, then the folders above the test binary.
        var recorded = typeof(SharedCorpus).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        var starts = new[] { recorded, AppContext.BaseDirectory }.OfType<string>();
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "DomainLauncher.sln"))) continue;
                var shared = Path.Combine(dir.FullName, "..", "shared");
                if (Directory.Exists(Path.Combine(shared, "conformance"))) return Path.GetFullPath(shared);
                break;
            }
        }
        return null;
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
