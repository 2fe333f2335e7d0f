using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Validation;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// The CPU-level settings of libvirt 9 (<see cref="CpuPartsInUse"/>: CPU modes and properties, Hyper-V,
/// KVM switches, pvspinlock, pmu) are written as <c>-cpu</c> properties checked against the CPU models
/// the emulator describes; an emulator that does not describe them (no <c>query-cpu-model-expansion</c>,
/// every legacy capability set) gets none of them, so each use is refused at its element.
/// </summary>
internal sealed class CpuLevelChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        if (input.Has(QemuCapability.CpuModelExpansion)) return;
        var capability = QemuCapabilityNames.Name(QemuCapability.CpuModelExpansion);
        foreach (var (location, what) in CpuPartsInUse.Find(input.Domain))
            diagnostics.Error(QemuDiagnostics.CpuLevelNeedsCapability, location,
                $"{what} is a CPU property that '{input.Emulator.Path}' cannot be asked about: it lacks the '{capability}' capability");
    }
}
