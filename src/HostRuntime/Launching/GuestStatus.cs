namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// A launched guest as the lifecycle commands report it: name, QEMU's pid (null while a launch is
/// still setting it up), its state (QMP's run state such as running, paused, shutdown; or what a
/// command did: destroyed, quit), the QMP socket and the run directory; and the helper processes
/// (swtpm, virtiofsd) of the run directory that are alive.
/// </summary>
public sealed record GuestStatus(string Name, int? Pid, string State, string QmpSocket, string RunDirectory)
{
    public IReadOnlyList<Helpers.RunningHelper> Helpers { get; init; } = [];
}
