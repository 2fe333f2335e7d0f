using System.Text;

namespace DomainLauncher.Drivers.Qemu.Runtime;

/// <summary>
/// Collects what an emulator writes on standard output and error, line by line from both pipes at
/// once (hence the lock): the last lines in memory for error messages, every line in the log file when
/// one is given.
/// </summary>
internal sealed class EmulatorOutput : IDisposable
{
    private const int KeptCharacters = 8192;

    private readonly object _gate = new();
    private readonly StringBuilder _recent = new();
    private readonly StreamWriter? _log;

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
            _log?.WriteLine(line);
        }
    }

    public string Text
    {
        get
        {
            lock (_gate) return _recent.ToString();
        }
    }

    public void Dispose()
    {
        lock (_gate) _log?.Dispose();
    }
}
