using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Misc;

/// <summary>A panic notifier with its QEMU type (<c>pvpanic</c>) and, when the domain gives one, its ISA I/O port.</summary>
public sealed record PlannedPanic(Panic Panic, string QemuType, uint? IoPort);
