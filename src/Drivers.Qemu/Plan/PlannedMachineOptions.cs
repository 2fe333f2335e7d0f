namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// The machine properties the domain's features, firmware and memory decide (<c>-machine NAME,smm=on,...</c>),
/// each null when the machine's default stands. The flash drives come from <see cref="QemuPlan.Firmware"/>.
/// </summary>
public sealed record PlannedMachineOptions
{
    /// <summary><c>smm=on|off</c>: System Management Mode (<c>&lt;smm&gt;</c>, or flash firmware that needs it).</summary>
    public bool? Smm { get; init; }

    /// <summary>The q35 TSEG size in MiB (<c>&lt;smm&gt;&lt;tseg&gt;</c>), a property of the <c>mch</c> host bridge.</summary>
    public ulong? TsegMiB { get; init; }

    /// <summary><c>vmport=on|off</c>: VMware's I/O port.</summary>
    public bool? Vmport { get; init; }

    // kernel_irqchip (the IOAPIC's side, and split for interrupt remapping) is planned with the IOMMU: PlannedMiscDevices.

    /// <summary><c>-device vmcoreinfo</c>: the guest may leave a note for a host-side dump.</summary>
    public bool Vmcoreinfo { get; init; }

    /// <summary><c>mem-merge=off</c>: guest pages are not merged with identical ones (<c>&lt;nosharepages/&gt;</c>).</summary>
    public bool? MemMerge { get; init; }

    /// <summary><c>memory-backend=ID</c>: the object holding guest RAM when it has no NUMA nodes but needs a backend.</summary>
    public string? MemoryBackend { get; init; }

    /// <summary><c>nvdimm=on</c>: the machine gets the NVDIMM ACPI support an NVDIMM needs.</summary>
    public bool? Nvdimm { get; init; }

    /// <summary><c>hmat=on</c>: the machine gives the guest an ACPI HMAT, the NUMA performance the domain describes.</summary>
    public bool? Hmat { get; init; }

    public bool IsEmpty => this == Empty;

    public static PlannedMachineOptions Empty { get; } = new();
}
