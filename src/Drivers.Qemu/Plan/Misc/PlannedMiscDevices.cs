using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Plan.Misc;

/// <summary>
/// The other devices of today's schema as the planner decided them: random number generators, TPMs,
/// the vsock device, panic notifiers, the IOMMU, the VM generation ID and shared memory devices.
/// </summary>
public sealed record PlannedMiscDevices
{
    public static PlannedMiscDevices None { get; } = new();

    public ImmutableArray<PlannedRng> Rngs { get; init; } = [];

    public ImmutableArray<PlannedTpm> Tpms { get; init; } = [];

    public PlannedVsock? Vsock { get; init; }

    public ImmutableArray<PlannedPanic> Panics { get; init; } = [];

    public PlannedIommu? Iommu { get; init; }

    public PlannedGenerationId? GenerationId { get; init; }

    public ImmutableArray<PlannedShmem> Shmems { get; init; } = [];

    /// <summary>
    /// <c>kernel_irqchip=</c> on <c>-machine</c>, or null to leave it out: <c>split</c> when the IOAPIC is QEMU's
    /// (<c>&lt;ioapic driver='qemu'/&gt;</c>, and what interrupt remapping by an Intel IOMMU needs), <c>on</c> when it is KVM's.
    /// </summary>
    public string? KernelIrqchip { get; init; }

    /// <summary>Adds each device with the id QEMU knows it by, its type after <c>-device</c> and the element it stands for.</summary>
    // Added to the caller's list, not yielded: asked for every document, most with none of these devices.
    public void AddDevices(List<(string? Id, string? Type, SourceLocation Where)> devices)
    {
        foreach (var r in Rngs) devices.Add((r.Alias, r.QemuType, r.Rng.Location));
        foreach (var t in Tpms) devices.Add((t.Alias, t.QemuType, t.Tpm.Location));
        if (Vsock is { } v) devices.Add((v.Alias, v.QemuType, v.Vsock.Location));
        foreach (var p in Panics) devices.Add((null, p.QemuType, p.Panic.Location));
        if (Iommu is { } i) devices.Add((i.Alias, i.QemuType, i.Iommu.Location));
        if (GenerationId is { } g) devices.Add((g.Alias, g.QemuType, g.Location));
        foreach (var s in Shmems) devices.Add((s.Alias, s.QemuType, s.Shmem.Location));
    }
}
