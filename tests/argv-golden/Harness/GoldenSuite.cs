namespace DomainLauncher.ArgvGolden.Tests.Harness;

/// <summary>
/// A folder of golden cases: each input file (by extension) with an expected output file of the same
/// name and another extension. Every file in the folder must belong to some case, so that a stale
/// expected file or a forgotten input is a failure, not silence.
/// </summary>
public sealed class GoldenSuite
{
    public GoldenSuite(string folder, string inputExtension, params string[] outputExtensions)
    {
        Folder = Path.Combine(RepositoryPaths.Cases, folder);
        InputExtension = inputExtension;
        OutputExtensions = outputExtensions;
    }

    public string Folder { get; }

    public string InputExtension { get; }

    public IReadOnlyList<string> OutputExtensions { get; }

    public IReadOnlyList<string> CaseNames =>
        [.. Directory.EnumerateFiles(Folder, "*" + InputExtension)
            .Select(p => Path.GetFileName(p)[..^InputExtension.Length])
            .Order(StringComparer.Ordinal)];

    public string Input(string name) => Path.Combine(Folder, name + InputExtension);

    public string Output(string name, string extension) => Path.Combine(Folder, name + extension);

    /// <summary>Files in the folder that no case uses (expected outputs without input, or strangers).</summary>
    public IReadOnlyList<string> UnusedFiles()
    {
        var names = CaseNames.ToHashSet(StringComparer.Ordinal);
        return [.. Directory.EnumerateFiles(Folder)
            .Select(Path.GetFileName)
            .Where(file => !IsCaseFile(file!, names))
            .Order(StringComparer.Ordinal)!];
    }

    private bool IsCaseFile(string file, HashSet<string> names)
    {
        if (file.EndsWith(InputExtension, StringComparison.Ordinal)) return true;
        return OutputExtensions.Any(ext => file.EndsWith(ext, StringComparison.Ordinal) && names.Contains(file[..^ext.Length]));
    }
}
