using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// <c>&lt;vcpu cpuset&gt;</c> must be a CPU set (issue 11, item 12: <c>zzz-garbage</c> validated): a
/// comma-separated list of <c>N</c>, <c>N-M</c> and <c>^N</c> that leaves at least one CPU.
/// </summary>
internal sealed class VcpuChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        if (input.Domain.Vcpu is not { CpuSet: { } text } vcpu) return;
        var cpus = CpuSetRanges.Parse(text);
        if (cpus is null)
            diagnostics.Error(QemuDiagnostics.InvalidCpuset, vcpu.Location,
                $"<vcpu cpuset='{NetworkDiskChecks.Printable(text)}'> is not a CPU set such as '0-3,^2,8'");
        else if (cpus.Count == 0)
            diagnostics.Error(QemuDiagnostics.InvalidCpuset, vcpu.Location,
                $"<vcpu cpuset='{NetworkDiskChecks.Printable(text)}'> leaves no CPU");
    }
}
