using System.Text;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// Collects what an emulator writes on standard output and error, line by line from both pipes at
/// once (hence the lock): the last lines in memory for error messages, every line in the log file when
/// one is given.
/// </summary>
internal sealed class EmulatorOutput : IDisposable
{
    private const int KeptCharacters = 8192;
    private const int QuotedCharacters = 1500;

    private readonly object _gate = new();
    private readonly StringBuilder _recent = new();
    private StreamWriter? _log;

    public EmulatorOutput(string? logFile)
    {
        if (logFile is not null)
            _log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    }

    public void Add(string line)
    {
        lock (_gate)
        {
            _recent.AppendLine(line);
            if (_recent.Length > KeptCharacters) _recent.Remove(0, _recent.Length - KeptCharacters);
            try
            {
                _log?.WriteLine(line);
            }
            catch (IOException)
            {
                // The log is a convenience; a full disk must not take down whoever reads the pipes.
            }
        }
    }

    public string Text
    {
        get
        {
            lock (_gate) return _recent.ToString();
        }
    }

    /// <summary>
    /// What an emulator said, for a diagnostic: its lines joined by <c> | </c> on one line, the end kept
    /// when long (its error comes last, after any warnings); empty when it said nothing.
    /// </summary>
    public static string Quote(string output)
    {
        var text = string.Join(" | ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (text.Length == 0) return "";
        if (text.Length > QuotedCharacters) text = "..." + text[^QuotedCharacters..];
        return $"; it said: {text}";
    }

    /// <summary>Closes the log; lines that still arrive (a helper's pipes may outlast its exit event) are kept in memory only.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _log?.Dispose();
            _log = null;
        }
    }
}
