namespace DomainLauncher.Cli;

/// <summary>
/// The process exit codes every command uses. Scripts depend on them, so they never change meaning.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Everything given was processed and is valid (warnings allowed).</summary>
    public const int Success = 0;

    /// <summary>At least one input is invalid; the diagnostics say why.</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line itself is wrong: unknown command or option, missing argument.</summary>
    public const int Usage = 2;

    /// <summary>An unexpected exception: a bug in DomainLauncher (EX_SOFTWARE from sysexits.h).</summary>
    public const int InternalError = 70;

    /// <summary>
    /// Standard output's reader went away before the command was done (a pipe into <c>head</c>): the status a
    /// shell reports for a program SIGPIPE ended (128 + 13), which is what any other tool in that pipe gives.
    /// </summary>
    public const int OutputClosed = 141;
}
