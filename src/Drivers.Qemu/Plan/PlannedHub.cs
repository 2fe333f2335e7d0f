using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>A USB hub with its QEMU type (the word after <c>-device</c>) and alias; it plugs in where its XML address says.</summary>
public sealed record PlannedHub(Hub Hub, string QemuType, string Alias);
