using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Misc;

/// <summary>The vsock device with the guest context id decided (the domain's, or the one the launcher picked).</summary>
public sealed record PlannedVsock(Vsock Vsock, string QemuType, string Alias, PciAddress? Pci, uint GuestCid);
