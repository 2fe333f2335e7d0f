using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// Timer tick policies QEMU can express: the PIT catches up only through KVM's in-kernel PIT or
/// userspace <c>-tdf</c>, and never merges or discards ticks.
/// </summary>
internal sealed class ClockChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        foreach (var timer in input.Domain.Clock?.Timers ?? [])
        {
            if (timer.Name != TimerName.Pit || timer.TickPolicy is not { } policy) continue;
            var name = ClockXml.TickPolicy.ToXml(policy);
            if (policy is TickPolicy.Merge or TickPolicy.Discard)
                diagnostics.Error(QemuDiagnostics.UnsupportedDevice, timer.Location,
                    $"the pit timer's tickpolicy '{name}' cannot be expressed for QEMU; allowed: delay, catchup");
            else if (policy == TickPolicy.Catchup && !input.Has(QemuCapability.NoKvmPit) && !input.Has(QemuCapability.Tdf))
                diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, timer.Location,
                    $"the pit timer's tickpolicy 'catchup' needs the emulator capability 'no-kvm-pit' or 'tdf', which '{input.Emulator.Path}' lacks");
        }
    }
}
