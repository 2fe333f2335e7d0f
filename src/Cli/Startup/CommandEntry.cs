namespace DomainLauncher.Cli.Startup;

/// <summary>
/// One command as the start-up knows it before building it: its name, the names virsh users type for
/// the same thing, and the factory that builds its options. Only the entry of the command being run is
/// built, so a one-shot command pays nothing for the others. <see cref="BuffersOutput"/>: the command
/// only writes results (documents, command lines), so its standard output is written in large blocks
/// at the end instead of line by line; commands that report progress or wait write each line at once.
/// <see cref="Translates"/>: the command runs the translator (reads a domain, checks it, builds or
/// launches it), which allocates ~200 KB of fresh memory; the start-up makes that much of the
/// collector's memory present up front for such a command only (YoungHeapPrefault says why).
/// </summary>
internal sealed record CommandEntry(string Name, string[] Aliases, Func<CliCommand> Create, bool BuffersOutput = false, bool Translates = false)
{
    public bool IsNamed(string word)
    {
        if (Name == word) return true;
        // A loop with ==, not Array.IndexOf: this runs before anything else in the process, and the generic
        // search's comparer lookup is code and data nothing has touched yet (~30 µs of page faults).
        foreach (var alias in Aliases)
            if (alias == word) return true;
        return false;
    }
}
