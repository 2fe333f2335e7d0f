namespace DomainLauncher.Conformance.Qemu;

/// <summary>The test host resolves machine <see cref="From"/> to <see cref="To"/> for domains using <see cref="Emulator"/>.</summary>
public sealed record MachineRewrite(string Emulator, string From, string To);
