namespace DomainLauncher.Fuzz;

/// <summary>
/// One parser under fuzzing: its seed inputs and how one input is run. <see cref="Run"/> returns
/// normally for every documented outcome (a result with diagnostics, or an exception the API
/// documents for bad input); any other exception is a crash, an internal error of the tool.
/// </summary>
public abstract class FuzzTarget
{
    /// <summary>The short name used in reports and on the command line (<c>--targets</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Well-formed inputs the mutations start from; never empty.</summary>
    public abstract IReadOnlyList<byte[]> Seeds { get; }

    /// <summary>Structural tokens of the target's syntax, used to build deep nesting.</summary>
    public abstract IReadOnlyList<(string Open, string Close)> NestingTokens { get; }

    /// <summary>Runs one input; throws only for what is a crash.</summary>
    public abstract void Run(byte[] input);
}
