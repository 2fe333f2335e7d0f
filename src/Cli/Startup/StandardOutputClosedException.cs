namespace DomainLauncher.Cli.Startup;

/// <summary>
/// Standard output's reader went away (EPIPE), as when the tool's output is piped into <c>head</c>: the
/// command stops at once, with nothing said, and the tool exits <see cref="ExitCodes.OutputClosed"/>.
/// Not a bug, so never reported as an internal error.
/// </summary>
internal sealed class StandardOutputClosedException(string message, int error) : IOException(message, error)
{
    /// <summary>Whether <paramref name="e"/>, or an exception it wraps, is this one.</summary>
    public static bool IsIn(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is StandardOutputClosedException) return true;
        return false;
    }
}
