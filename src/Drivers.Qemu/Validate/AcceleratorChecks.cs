using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// With an emulator that takes <c>-accel</c>: a <c>kvm</c> domain needs a usable <c>/dev/kvm</c> on this
/// host, unless the user asked for TCG; asking for KVM needs it too. Domains of type <c>qemu</c> run under
/// TCG. Older emulators keep libvirt 0.10.2's flags and are not checked here.
/// </summary>
internal sealed class AcceleratorChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        if (!input.Has(QemuCapability.Accel)) return;
        var domain = input.Domain;
        var options = input.Options;
        if (options.Accelerator == QemuAccelerator.Kvm && !options.KvmUsable)
            diagnostics.Error(QemuDiagnostics.KvmUnavailable, domain.Location,
                "the accelerator 'kvm' was asked for, and this host has no usable /dev/kvm");
        else if (domain.Type == DomainType.Kvm && options.Accelerator is null && !options.KvmUsable)
            diagnostics.Error(QemuDiagnostics.KvmUnavailable, domain.Location,
                $"domain '{domain.Name}' has type 'kvm', and this host has no usable /dev/kvm; run it under TCG (much slower) with --accel tcg, or on a host with KVM");
        else if (domain.Type is not (DomainType.Kvm or DomainType.Qemu))
            diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, domain.Location,
                $"domain type '{DomainTypeXml.Table.ToXml(domain.Type)}' has no accelerator in '{input.Emulator.Path}'; allowed: qemu (TCG), kvm");
    }

}
