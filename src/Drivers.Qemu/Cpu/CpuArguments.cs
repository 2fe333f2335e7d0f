using System.Collections.Immutable;
using System.Text;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Cpu;

/// <summary>
/// Decides the <c>-cpu</c> argument as libvirt 0.10.2 did: a guest CPU model (or <c>host</c> for
/// host-passthrough) checked against the host CPU, then <c>±kvmclock</c> from the kvmclock timer
/// and <c>±kvm_pv_eoi</c> from the APIC EOI setting, on QEMU's default model when nothing else
/// named one.
/// </summary>
public static class CpuArguments
{
    public static CpuArgumentsResult Build(CpuRequest request)
    {
        // An emulator that describes its own CPU models is asked, not libvirt 0.10.2's CPU map.
        if (request.Capabilities.Has(QemuCapability.CpuModelExpansion)) return Modern.EmulatorCpuArguments.Build(request);
        var diagnostics = new DiagnosticBag();
        var defaultModel = request.Arch == "i686" ? "qemu32" : "qemu64";
        string? value = null;
        var hasSvm = false;

        if (request.Cpu is { } cpu && (cpu.Mode is not (null or CpuMode.Custom) || cpu.Model is not null))
        {
            var guest = GuestCpu(request, cpu, diagnostics, out hasSvm);
            if (guest is null) return new CpuArgumentsResult { Diagnostics = [.. diagnostics.Items] };
            value = guest;
        }
        else if (request.Arch == "i686" && NeedsThirtyTwoBitModel(request))
        {
            // A 64-bit emulator would otherwise give a 32-bit guest a 64-bit CPU.
            value = defaultModel;
        }

        var kvmclock = request.Timers.FirstOrDefault(t => t.Name == TimerName.Kvmclock && t.Present is not null);
        if (kvmclock is not null)
            value = (value ?? defaultModel) + (kvmclock.Present == true ? ",+kvmclock" : ",-kvmclock");
        if (request.ApicEoi is { } eoi)
            value = (value ?? defaultModel) + (eoi ? ",+kvm_pv_eoi" : ",-kvm_pv_eoi");

        return new CpuArgumentsResult { Value = value, HasSvm = hasSvm, Diagnostics = [.. diagnostics.Items] };
    }

    // An i686 guest on a 64-bit emulator would get the emulator's 64-bit default CPU, so it is given
    // qemu32. The reference tells a 64-bit emulator by its file name (x86_64 in it, or kvm on an
    // x86_64 host), and so do we until emulators are described by probing (their target arch).
    private static bool NeedsThirtyTwoBitModel(CpuRequest request)
    {
        var hostMachine = request.HostMachine ?? request.HostCpu?.Arch;
        return (hostMachine == "x86_64" && request.EmulatorPath.Contains("kvm", StringComparison.Ordinal))
            || request.EmulatorPath.Contains("x86_64", StringComparison.Ordinal);
    }

    // The model and features for a domain that asks for a CPU, or null after reporting why it cannot have it.
    private static string? GuestCpu(CpuRequest request, CpuConfig cpu, DiagnosticBag diagnostics, out bool hasSvm)
    {
        hasSvm = false;
        var where = cpu.Location;
        var host = request.HostCpu;
        if (host?.Model is null || request.EmulatorCpuModels.IsEmpty)
        {
            diagnostics.Error(CpuDiagnostics.CpuSpecificationUnsupported, where,
                host?.Model is null
                    ? "the <cpu> specification cannot be honoured: the host CPU model is unknown"
                    : $"the <cpu> specification cannot be honoured: the emulator '{request.EmulatorPath}' reports no CPU models");
            return null;
        }
        if (!X86CpuDriver.Handles(host.Arch))
        {
            diagnostics.Error(CpuDiagnostics.UnsupportedCpuArch, where,
                $"guest CPU models are not supported on a '{host.Arch}' host; supported host arches: i686, x86_64");
            return null;
        }
        if (request.CpuMap?.ForGuestArch(host.Arch) is not { } map)
        {
            diagnostics.Error(CpuDiagnostics.UnsupportedCpuArch, where,
                $"the CPU map has no models for the host arch '{host.Arch}'");
            return null;
        }

        var mode = cpu.Mode ?? CpuMode.Custom;
        var fallback = cpu.Fallback ?? CpuFallback.Allow;
        GuestCpuSpec spec;
        if (mode == CpuMode.Custom || request.Migrating)
        {
            if (cpu.Model is null)
            {
                diagnostics.Error(CpuDiagnostics.CpuSpecificationUnsupported, where,
                    $"a '{CpuXml.Mode.ToXml(mode)}' CPU arriving by migration needs the model the source host chose");
                return null;
            }
            spec = new GuestCpuSpec(cpu.Model, cpu.Match ?? CpuMatch.Exact, fallback)
            {
                Vendor = cpu.Vendor,
                Features = [.. cpu.Features.Select(f => (f.Name, f.Policy ?? CpuFeaturePolicy.Require))],
            };
        }
        else
        {
            // host-model asks for the host CPU exactly; host-passthrough needs at least the host CPU.
            spec = new GuestCpuSpec(host.Model, mode == CpuMode.HostModel ? CpuMatch.Exact : CpuMatch.Minimum, fallback)
            {
                Vendor = host.Vendor,
                Features = [.. host.Features.Select(f => (f, CpuFeaturePolicy.Require))],
            };
        }

        var driver = new X86CpuDriver(map, diagnostics, where);
        var data = driver.Compute(host, spec);
        if (data is null) return null;
        if (GuestArchitectureFamilies.IsX86(request.Arch)) hasSvm = driver.HasFeature(data, "svm");

        if (mode == CpuMode.HostPassthrough)
        {
            if (!request.Capabilities.Has(QemuCapability.CpuHost))
            {
                diagnostics.Error(CpuDiagnostics.CpuModeNeedsCapability, where,
                    $"CPU mode 'host-passthrough' is not supported by the emulator '{request.EmulatorPath}': it lacks the '{QemuCapabilityNames.Name(QemuCapability.CpuHost)}' capability");
                return null;
            }
            if (request.DomainType != DomainType.Kvm)
            {
                diagnostics.Error(CpuDiagnostics.CpuModeNeedsKvm, where,
                    $"CPU mode 'host-passthrough' is only supported for domain type 'kvm', not '{DomainTypeXml.Table.ToXml(request.DomainType)}'");
                return null;
            }
            return "host";
        }

        var preferred = spec.Match == CpuMatch.Minimum ? host.Model : spec.Model;
        var decoded = driver.Decode(data, request.EmulatorCpuModels, preferred, fallback);
        if (decoded is null) return null;
        var text = new StringBuilder(decoded.Model);
        foreach (var name in decoded.Added) text.Append(",+").Append(name);
        foreach (var name in decoded.Removed) text.Append(",-").Append(name);
        return text.ToString();
    }
}
