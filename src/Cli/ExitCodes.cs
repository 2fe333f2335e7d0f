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
}
