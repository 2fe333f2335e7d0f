namespace DomainLauncher.HostRuntime.Probing;

/// <summary>The peer broke the QMP protocol (no greeting, a line that is not a QMP message, end of stream).</summary>
public sealed class QmpProtocolException(string message, Exception? inner = null) : Exception(message, inner);
