namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>Sockets, cores per socket and threads per core (<c>&lt;topology sockets cores threads/&gt;</c>).</summary>
public sealed record HostCpuTopology(uint Sockets, uint Cores, uint Threads);
