namespace DomainLauncher.ArgvGolden.Tests.Harness;

/// <summary>
/// Compares an actual output with its golden file. With DL_REGENERATE_GOLDEN=1 in the environment the
/// golden file is (re)written instead, and the change is left for review in version control.
/// </summary>
public static class GoldenFile
{
    public const string RegenerateVariable = "DL_REGENERATE_GOLDEN";

    public static bool Regenerating => Environment.GetEnvironmentVariable(RegenerateVariable) == "1";

    /// <summary>Null when they match (or the file was regenerated), otherwise a message with a line diff.</summary>
    public static string? Compare(string goldenPath, string actual, bool? regenerate = null)
    {
        actual = Normalize(actual);
        if (regenerate ?? Regenerating)
        {
            File.WriteAllText(goldenPath, actual);
            return null;
        }
        if (!File.Exists(goldenPath))
            return $"{Relative(goldenPath)} does not exist; run with {RegenerateVariable}=1 to create it, then review it.";
        var expected = Normalize(File.ReadAllText(goldenPath));
        if (expected == actual) return null;
        return $"{Relative(goldenPath)} differs (- expected, + actual):\n" +
               LineDiff.Format(Lines(expected), Lines(actual));
    }

    private static string Normalize(string text)
    {
        text = text.Replace("\r\n", "\n");
        return text.EndsWith('\n') || text.Length == 0 ? text : text + "\n";
    }

    private static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');

    private static string Relative(string path) => Path.GetRelativePath(RepositoryPaths.Root, path);
}
