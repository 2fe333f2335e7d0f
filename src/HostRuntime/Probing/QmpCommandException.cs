namespace DomainLauncher.HostRuntime.Probing;

/// <summary>A command the caller needed answered returned a QMP error.</summary>
public sealed class QmpCommandException(string command, QmpError error)
    : Exception($"QMP command '{command}' failed: {error}")
{
    public string Command { get; } = command;

    public QmpError Error { get; } = error;
}
