using System.Reflection;

namespace DomainLauncher.Tests.Shared;

/// <summary>
/// Finds the repository and <c>../shared/conformance</c> beside it (or where DL_SHARED points).
/// Tests that need the corpus use <see cref="SharedCorpusFactAttribute"/> (or a skip reason from
/// <see cref="SkipReason"/>) and are skipped, saying why, when it is absent.
/// </summary>
public static class SharedCorpus
{
    /// <summary>The repository root recorded at build time (tests/Directory.Build.props).</summary>
    public static string RepositoryRoot { get; } =
        typeof(SharedCorpus).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value
        ?? throw new InvalidOperationException("the RepositoryRoot assembly metadata is missing");

    /// <summary>The folder holding <c>conformance</c>, or null when it is absent.</summary>
    public static string? Root { get; } = Locate();

    public static string? Conformance => Root is null ? null : Path.Combine(Root, "conformance");

    public const string SkipReason = "../shared/conformance is absent (set DL_SHARED to its parent folder to run this test)";

    public static string Suite(string name) =>
        Path.Combine(Conformance ?? throw new InvalidOperationException("../shared is absent"), "libvirt-0.10.2", name);

    /// <summary>A suite of today's corpus, <c>conformance/libvirt-9.0/NAME</c>.</summary>
    public static string TodaySuite(string name) =>
        Path.Combine(Conformance ?? throw new InvalidOperationException("../shared is absent"), "libvirt-9.0", name);

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DL_SHARED");
        var candidate = string.IsNullOrEmpty(fromEnvironment) ? Path.Combine(RepositoryRoot, "..", "shared") : fromEnvironment;
        return Directory.Exists(Path.Combine(candidate, "conformance")) ? Path.GetFullPath(candidate) : null;
    }
}

/// <summary>A fact that is skipped, saying why, when the shared conformance corpus is absent.</summary>
public sealed class SharedCorpusFactAttribute : FactAttribute
{
    public SharedCorpusFactAttribute()
    {
        if (SharedCorpus.Root is null) Skip = SharedCorpus.SkipReason;
    }
}
