namespace DomainLauncher.Drivers.Qemu.Capabilities;

/// <summary>
/// One guest architecture under its two names: QEMU's target name (the <c>qemu-system-NAME</c>
/// suffix and <c>query-target</c>'s answer) and libvirt's arch name, with its word size.
/// </summary>
public sealed record GuestArchitecture(string QemuTarget, string Name, uint WordSize);
