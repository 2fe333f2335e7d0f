namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>A helper process of a run directory: its program (<c>swtpm</c>, <c>virtiofsd</c>), the device alias it serves, and its pid.</summary>
public sealed record RunningHelper(string Kind, string Alias, int Pid);
