namespace DomainLauncher.Drivers.Xen.Tests.Hostile;

/// <summary>A fact that needs <c>python3</c> on PATH (to read written xm literals as Python does); skipped, saying so, where it is absent.</summary>
public sealed class Python3FactAttribute : FactAttribute
{
    public Python3FactAttribute()
    {
        if (Path is null) Skip = "python3 is not on PATH: the xm literals cannot be checked with ast.literal_eval here";
    }

    /// <summary>The python3 executable found on PATH, or null.</summary>
    public static string? Path { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(directory => System.IO.Path.Combine(directory, "python3"))
        .FirstOrDefault(File.Exists);
}
