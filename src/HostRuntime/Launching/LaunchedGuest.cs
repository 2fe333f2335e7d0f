namespace DomainLauncher.HostRuntime.Launching;

/// <summary>A guest whose QEMU runs: its name, QEMU's pid, QMP socket, run directory and the state QMP reported.</summary>
public sealed record LaunchedGuest(string Name, int Pid, string QmpSocket, string RunDirectory, string State);
