using DomainLauncher.Drivers.Qemu.Capabilities;

namespace DomainLauncher.Conformance.Qemu;

/// <summary>The domain id the builder sees: <see cref="Id"/> with <see cref="Capability"/>, else <see cref="Otherwise"/> (-1: none).</summary>
public sealed record DomainIdRule(QemuCapability Capability, int Id, int Otherwise);
