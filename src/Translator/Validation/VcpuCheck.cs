using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>There is at least one vCPU, and at least one online; the current vCPU count cannot exceed the maximum; a CPU topology must multiply out to the maximum or less.</summary>
internal sealed class VcpuCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        if (domain.Vcpu is not { } vcpu) return;
        if (vcpu.Count == 0)
            diagnostics.Error(DiagnosticCatalog.InvalidVcpuCount, vcpu.Location,
                $"the vCPU count is '0'; it must be between 1 and {Parsing.TuningParser.MaxVcpus}");
        if (vcpu.Current == 0)
            diagnostics.Error(DiagnosticCatalog.InvalidVcpuCount, vcpu.Location.WithPath(vcpu.Location.Path + "/@current"),
                "the current vCPU count must be at least 1");
        if (vcpu.Current is { } current && current > vcpu.Count)
            diagnostics.Error(DiagnosticCatalog.InvalidVcpuCount, vcpu.Location,
                $"current vCPU count {current} exceeds the maximum {vcpu.Count}");
        if (domain.Cpu?.Topology is { } topology)
        {
            // Dies (libvirt 9) multiply like the rest; a 0.10.2 topology has none and reads as before.
            var product = (ulong)topology.Sockets * (topology.Dies ?? 1) * topology.Cores * topology.Threads;
            var dies = topology.Dies is { } n ? $" × {n} dies" : "";
            if (product < vcpu.Count)
                diagnostics.Error(DiagnosticCatalog.InvalidVcpuCount, domain.Cpu.Location,
                    $"CPU topology {topology.Sockets} sockets{dies} × {topology.Cores} cores × {topology.Threads} threads = {product} " +
                    $"is less than the {vcpu.Count} vCPUs of <vcpu>");
        }
    }
}
