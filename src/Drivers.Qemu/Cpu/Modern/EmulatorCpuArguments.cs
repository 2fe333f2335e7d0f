using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Cpu.Modern;

/// <summary>
/// Decides <c>-cpu</c> for an emulator that describes its own CPU models per accelerator
/// (<see cref="QemuCapability.CpuModelExpansion"/>), as libvirt 9 writes it: the model, then
/// <c>feature=on|off</c> in QEMU's names, then the paravirtual, Hyper-V, KVM, PMU, vendor, cache and
/// address-width properties. Nothing here reads the host CPU: what the guest can have is what the
/// emulator says the accelerator in use offers (under KVM that is the host's CPU, as KVM sees it).
/// <list type="bullet">
/// <item>custom: the model must be defined for the accelerator. Its own features the accelerator
/// lacks are left out by QEMU, said in a warning; with <c>check='full'</c> they refuse the domain.
/// A required feature the accelerator cannot give refuses it, unless <c>check='none'</c>;
/// <c>force</c> is written unchecked, <c>optional</c> only when it can be given.</item>
/// <item>host-passthrough and host-model: <c>host</c> under KVM; under TCG there is no host CPU to
/// pass, so <c>max</c> (everything TCG emulates), said in a note. host-model is marked migratable.</item>
/// <item>maximum: <c>max</c>.</item>
/// </list>
/// When the emulator's view is unknown (a profile recorded before CPU views were probed), models
/// are checked by name only and features are not checked.
/// </summary>
internal static class EmulatorCpuArguments
{
    public static CpuArgumentsResult Build(CpuRequest request)
    {
        var diagnostics = new DiagnosticBag();
        var accelerator = request.Accelerator ?? QemuAccelerator.Tcg;
        var acceleratorName = QemuAcceleratorNames.Table.ToXml(accelerator).ToUpperInvariant();
        // Asked only by what depends on it: the emulator may make its CPU views on first use.
        AcceleratorCpus? View() => request.AcceleratorCpus;
        var cpu = request.Cpu;
        var checkFeatures = cpu?.Check != CpuCheck.None;
        var where = cpu?.Location ?? request.Location;

        var model = Model(request, accelerator, acceleratorName, diagnostics);
        var opts = new QemuOpts();

        // What the accelerator cannot give refuses a launch; a dry run writes it as asked and says QEMU would go without it.
        void Unfit(DiagnosticCode code, SourceLocation at, string message) =>
            Validate.UnfitReport.Add(diagnostics, request.RefuseUnfit, code, at, message, "QEMU would start the guest without this");

        // A feature this accelerator cannot give (known only when the emulator expanded its richest CPU).
        bool Unavailable(string feature, string libvirtName) =>
            View() is { HasExpansion: true } view && !view.CanGive(feature) && !view.CanGive(libvirtName);

        void Feature(string qemuName, bool on, SourceLocation at, string what)
        {
            if (on && Unavailable(qemuName, qemuName))
                Unfit(QemuDiagnostics.CpuFeatureUnavailable, at,
                    $"{what} needs the CPU feature '{qemuName}', which '{request.EmulatorPath}' cannot give the guest under {acceleratorName}");
            opts.AddOnOff(qemuName, on);
        }

        foreach (var feature in cpu?.Features ?? [])
        {
            var name = QemuCpuFeatureNames.For(feature.Name);
            var policy = feature.Policy ?? CpuFeaturePolicy.Require;
            if (View() is { HasExpansion: true } view && !view.Knows(name) && !view.Knows(feature.Name))
            {
                // A feature QEMU does not know is one no guest of it has: turning it off asks for nothing.
                if (policy is CpuFeaturePolicy.Disable or CpuFeaturePolicy.Forbid)
                    diagnostics.Warning(QemuDiagnostics.CpuFeatureUnknown, where,
                        $"<feature name='{feature.Name}' policy='{CpuXml.Policy.ToXml(policy)}'>: '{request.EmulatorPath}' knows no CPU feature '{name}', so the guest cannot have it; it is left out of -cpu");
                else
                    diagnostics.Error(QemuDiagnostics.CpuFeatureUnknown, where,
                        $"<feature name='{feature.Name}'>: '{request.EmulatorPath}' knows no CPU feature '{name}'");
                continue;
            }
            switch (policy)
            {
                case CpuFeaturePolicy.Force:
                    opts.AddOnOff(name, true);
                    break;
                case CpuFeaturePolicy.Require:
                    if (checkFeatures && Unavailable(name, feature.Name))
                        Unfit(QemuDiagnostics.CpuFeatureUnavailable, where,
                            $"<feature name='{feature.Name}' policy='require'>: '{request.EmulatorPath}' cannot give the guest '{name}' under {acceleratorName} (policy='force' or check='none' ask for it regardless)");
                    opts.AddOnOff(name, true);
                    break;
                case CpuFeaturePolicy.Optional:
                    // The guest has it when the accelerator can give it.
                    if (!Unavailable(name, feature.Name)) opts.AddOnOff(name, true);
                    break;
                default:
                    opts.AddOnOff(name, false);
                    break;
            }
        }

        var kvmOnly = new List<(SourceLocation At, string What)>();
        foreach (var timer in request.Timers)
        {
            if (timer.Name == TimerName.Kvmclock && timer.Present is { } kvmclock)
                Feature("kvmclock", kvmclock, timer.Location, "<timer name='kvmclock' present='yes'>");
            else if (timer.Name == TimerName.Hypervclock && timer.Present == true)
            {
                if (accelerator != QemuAccelerator.Kvm) kvmOnly.Add((timer.Location, "<timer name='hypervclock'>"));
                opts.AddOnOff("hv-time", true);
            }
            else if (timer.Name == TimerName.Tsc && timer.Frequency is { } frequency)
                opts.Add("tsc-frequency", frequency);
        }
        var features = request.Features;
        if (features?.ApicEoi is { } eoi) Feature("kvm-pv-eoi", eoi, features.Location, "<apic eoi='on'>");
        if (features?.Pvspinlock is { State: { } unhalt } spinlock) Feature("kvm-pv-unhalt", unhalt, spinlock.Location, "<pvspinlock state='on'>");
        if (features?.Hyperv is { } hyperv && HypervCpuProperties.AnyOn(hyperv))
        {
            // Hyper-V enlightenments are implemented by KVM; QEMU under TCG would start the guest without them.
            if (accelerator != QemuAccelerator.Kvm) kvmOnly.Add((hyperv.Location, "<hyperv> enlightenments"));
            HypervCpuProperties.Add(opts, hyperv);
        }
        if (request.HypervPanic is { } panic)
        {
            if (accelerator != QemuAccelerator.Kvm) kvmOnly.Add((panic, "<panic model='hyperv'> crash notifications"));
            opts.AddOnOff("hv-crash", true);
        }
        if (features?.Kvm is { } kvm)
        {
            // Hiding KVM's signature (kvm=off) works under any accelerator; the paravirtual hints are KVM's CPUID leaf.
            if (kvm.Hidden?.State == true) opts.AddOnOff("kvm", false);
            if (kvm.HintDedicated is { State: { } dedicated } d) Feature("kvm-hint-dedicated", dedicated, d.Location, "<kvm><hint-dedicated state='on'>");
            if (kvm.PollControl is { State: { } poll } p) Feature("kvm-poll-control", poll, p.Location, "<kvm><poll-control state='on'>");
            if (kvm.PvIpi is { State: { } ipi } i) Feature("kvm-pv-ipi", ipi, i.Location, "<kvm><pv-ipi state='on'>");
        }
        if (features?.Pmu is { State: { } pmu } pmuSwitch) Feature("pmu", pmu, pmuSwitch.Location, "<pmu state='on'>");
        foreach (var (at, what) in kvmOnly)
            Unfit(QemuDiagnostics.CpuFeatureNeedsKvm, at,
                $"{what} are provided by KVM, and the domain runs under {acceleratorName}");

        if (cpu?.VendorId is { } vendorId) opts.Add("vendor", vendorId);
        if (cpu is not null) AddMigratable(cpu, model, opts, diagnostics, where);
        if (cpu?.Cache is { } cache) AddCache(cache, model, opts, diagnostics);
        if (cpu?.MaxPhysAddr is { } maxPhysAddr) AddMaxPhysAddr(maxPhysAddr, model, opts, diagnostics);
        else if (accelerator == QemuAccelerator.Tcg && request.HotplugAddressSpace is { } reach && BitsFor(reach.Bytes) > TcgDefaultPhysBits)
        {
            // TCG gives any CPU a 40-bit physical address space unless told otherwise, and QEMU refuses a memory map that
            // ends above it; the width is the guest CPU's, so it is widened just enough (TCG emulates up to 52 bits).
            var bits = Math.Min(BitsFor(reach.Bytes), TcgMaxPhysBits);
            opts.Add("phys-bits", bits);
            diagnostics.Warning(QemuDiagnostics.CpuAddressWidened, reach.Location,
                $"<maxMemory> reaches guest physical addresses above TCG's default {TcgDefaultPhysBits} bits: the guest CPU gets phys-bits={bits} (give <cpu><maxphysaddr> to choose)");
        }

        if (diagnostics.HasErrors) return new CpuArgumentsResult { Diagnostics = [.. diagnostics.Items] };
        if (model is null && opts.IsEmpty) return new CpuArgumentsResult { Diagnostics = [.. diagnostics.Items] };
        var value = new QemuOpts(model ?? DefaultModel(request)).ToString();
        if (!opts.IsEmpty) value += "," + opts;
        return new CpuArgumentsResult { Value = value, Diagnostics = [.. diagnostics.Items] };
    }

    /// <summary>The physical address width QEMU gives an x86 CPU under TCG when none is asked for.</summary>
    private const int TcgDefaultPhysBits = 40;

    /// <summary>The widest physical address space QEMU's x86-64 emulation has.</summary>
    private const int TcgMaxPhysBits = 52;

    private static int BitsFor(ulong bytes) => 64 - System.Numerics.BitOperations.LeadingZeroCount(bytes - 1);

    // QEMU's default CPU for the emulator; a 32-bit guest of a 64-bit emulator gets the 32-bit one.
    private static string DefaultModel(CpuRequest request) => request.Arch == "i686" ? "qemu32" : "qemu64";

    /// <summary>The model for <c>-cpu</c>, null for QEMU's default; an error when the mode or model cannot be had.</summary>
    private static string? Model(CpuRequest request, QemuAccelerator accelerator, string acceleratorName, DiagnosticBag diagnostics)
    {
        var cpu = request.Cpu;
        var kvm = accelerator == QemuAccelerator.Kvm;
        if (cpu is null || (cpu.Mode is null or CpuMode.Custom && cpu.Model is null))
            return null;
        var where = cpu.Location;
        switch (cpu.Mode ?? CpuMode.Custom)
        {
            case CpuMode.HostPassthrough when kvm:
                return "host";
            case CpuMode.HostPassthrough:
                diagnostics.Warning(QemuDiagnostics.CpuModeSubstituted, where,
                    $"<cpu mode='host-passthrough'> under {acceleratorName} is '-cpu max': there is no host CPU to pass through, so the guest gets every CPU feature {acceleratorName} emulates");
                return "max";
            case CpuMode.HostModel when kvm:
                return "host";
            case CpuMode.HostModel:
                diagnostics.Warning(QemuDiagnostics.CpuModeSubstituted, where,
                    $"<cpu mode='host-model'> under {acceleratorName} is '-cpu max': the richest CPU {acceleratorName} emulates stands for the host's");
                return "max";
            case CpuMode.Maximum:
                return "max";
        }

        var model = cpu.Model!;
        var view = request.AcceleratorCpus;
        if (view is null)
        {
            if (!request.EmulatorCpuModels.IsEmpty && !request.EmulatorCpuModels.Contains(model, StringComparer.Ordinal))
                diagnostics.Error(QemuDiagnostics.CpuModelUndefined, where,
                    $"CPU model '{model}' is not one '{request.EmulatorPath}' defines");
            return model;
        }
        if (view.Find(model) is not { } definition)
        {
            diagnostics.Error(QemuDiagnostics.CpuModelUndefined, where,
                $"CPU model '{model}' is not one '{request.EmulatorPath}' defines under {acceleratorName}");
            return model;
        }
        if (!definition.UnavailableFeatures.IsEmpty && cpu.Check != CpuCheck.None)
        {
            var missing = string.Join(", ", definition.UnavailableFeatures);
            if (cpu.Check == CpuCheck.Full)
                Validate.UnfitReport.Add(diagnostics, request.RefuseUnfit, QemuDiagnostics.CpuModelFeaturesUnavailable, where,
                    $"CPU model '{model}' with check='full': '{request.EmulatorPath}' cannot give the guest its features {missing} under {acceleratorName}",
                    "QEMU would start the guest without them");
            else
                diagnostics.Warning(QemuDiagnostics.CpuModelFeaturesLeftOut, where,
                    $"CPU model '{model}' under {acceleratorName}: QEMU leaves out its features {missing}, which {acceleratorName} cannot give");
        }
        return model;
    }

    // migratable= is a property of the host and max CPUs only.
    private static void AddMigratable(CpuConfig cpu, string? model, QemuOpts opts, DiagnosticBag diagnostics, SourceLocation where)
    {
        var migratable = cpu.Migratable ?? (cpu.Mode == CpuMode.HostModel ? true : null);
        if (migratable is null) return;
        if (model is "host" or "max") opts.AddOnOff("migratable", migratable);
        else if (cpu.Migratable is not null)
            diagnostics.Error(QemuDiagnostics.CpuSettingUnsupported, where,
                $"<cpu migratable> applies to the host and max CPUs; '-cpu {model}' has no such property");
    }

    // libvirt 9's cache settings: emulate gives an emulated L3 cache, passthrough the host's cache
    // description (host and max CPUs only), disable neither.
    private static void AddCache(CpuCache cache, string? model, QemuOpts opts, DiagnosticBag diagnostics)
    {
        var hostOrMax = model is "host" or "max";
        switch (cache.Mode)
        {
            case CpuCacheMode.Emulate:
                opts.AddOnOff("l3-cache", true);
                if (hostOrMax) opts.AddOnOff("host-cache-info", false);
                break;
            case CpuCacheMode.Passthrough when hostOrMax:
                opts.AddOnOff("host-cache-info", true).AddOnOff("l3-cache", false);
                break;
            case CpuCacheMode.Passthrough:
                diagnostics.Error(QemuDiagnostics.CpuSettingUnsupported, cache.Location,
                    $"<cache mode='passthrough'> needs the host or max CPU; '-cpu {model ?? "(default)"}' has no host-cache-info property");
                break;
            case CpuCacheMode.Disable:
                if (hostOrMax) opts.AddOnOff("host-cache-info", false);
                opts.AddOnOff("l3-cache", false);
                break;
        }
    }

    private static void AddMaxPhysAddr(CpuMaxPhysAddr max, string? model, QemuOpts opts, DiagnosticBag diagnostics)
    {
        if (max.Mode == CpuMaxPhysAddrMode.Passthrough)
        {
            if (model is not ("host" or "max"))
            {
                diagnostics.Error(QemuDiagnostics.CpuSettingUnsupported, max.Location,
                    $"<maxphysaddr mode='passthrough'> needs the host or max CPU; '-cpu {model ?? "(default)"}' cannot take the host's address width");
                return;
            }
            opts.AddOnOff("host-phys-bits", true).Add("host-phys-bits-limit", max.Bits);
        }
        else if (max.Bits is { } bits)
        {
            opts.Add("phys-bits", bits);
        }
    }
}
