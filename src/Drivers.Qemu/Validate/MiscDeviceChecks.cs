using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// The other modern devices held against the emulator and what the caller handed in: an RNG or TPM backend
/// the emulator lacks, an automatic vsock CID or generation ID nobody picked, an IOMMU or panic model this
/// machine has not, launch security this launch cannot give, settings only the host applies after start.
/// (Whether the emulator has each device type is the launch-time fit check's.)
/// </summary>
internal sealed class MiscDeviceChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var domain = input.Domain;
        foreach (var rng in domain.Devices.Rngs) Rng(rng, input, diagnostics);
        foreach (var tpm in domain.Devices.Tpms) Tpm(tpm, input, diagnostics);

        if (domain.Devices.Vsock is { CidAddress: null } vsock && input.Options.GuestCid is null)
            diagnostics.Error(QemuDiagnostics.HostChoiceMissing, vsock.Location,
                "the vsock device asks the host to pick a free context id (<cid auto='yes'/>), and none was handed in; give <cid address='N'/> (3 or more, unused on the host)");
        if (domain.GenerationId is { Value: null } genid && input.Options.GeneratedGenerationId is null)
            diagnostics.Error(QemuDiagnostics.HostChoiceMissing, genid.Location,
                "an empty <genid/> asks for a generated VM generation ID, and none was handed in; give one as <genid>GUID</genid>");

        if (domain.Devices.Iommu is { } iommu) Iommu(iommu, input, diagnostics);
        foreach (var panic in domain.Devices.Panics)
        {
            // A Hyper-V crash notifier is a CPU enlightenment, the CPU's concern; pseries and s390 are other architectures'.
            if (panic.Model is PanicModel.Pseries or PanicModel.S390)
                diagnostics.Error(QemuDiagnostics.DeviceNotForMachine, panic.Location,
                    $"<panic model='{PanicXml.Model.ToXml(panic.Model.Value)}'> exists only on {(panic.Model == PanicModel.S390 ? "s390" : "pSeries")} guests, not {input.Emulator.Arch}");
        }
        foreach (var shmem in domain.Devices.Shmems)
        {
            if (shmem.Model == ShmemModel.Ivshmem)
                diagnostics.Error(QemuDiagnostics.DeviceNotForMachine, shmem.Location,
                    "<shmem><model type='ivshmem'/> is QEMU's removed ivshmem device; use ivshmem-plain or ivshmem-doorbell");
        }
        if (domain.LaunchSecurity is { } security) LaunchSecurity(security, input, diagnostics);
        // <idmap> is a warning of MemoryChecks: libvirt's QEMU driver builds such domains and leaves it out.
        if (input.Options.RefuseUnfit) IommuPlatform(input, diagnostics);
        if (domain.Devices.MemBalloon is { StatsPeriod: { } period } balloon)
            diagnostics.Warning(QemuDiagnostics.HostSideOnly, balloon.Location,
                $"the balloon's statistics period ({period} s) is set over QMP after QEMU starts (qom-set guest-stats-polling-interval); the command line leaves it out");
        if (domain.Devices.Watchdog is { Action: WatchdogAction.Dump } watchdog)
            diagnostics.Warning(QemuDiagnostics.HostSideOnly, watchdog.Location,
                "QEMU has no dump action: the guest is paused when the watchdog fires, and dumping its memory is the host's to do");
    }

    private static void Rng(Rng rng, QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var (capability, type) = rng.Backend switch
        {
            RandomRngBackend => (QemuCapability.RngRandom, "rng-random"),
            EgdRngBackend => (QemuCapability.RngEgd, "rng-egd"),
            _ => (QemuCapability.RngBuiltin, "rng-builtin"),
        };
        if (!input.Has(capability))
            diagnostics.Error(QemuDiagnostics.DeviceBackendMissing, rng.Location,
                $"the random number generator needs the {type} backend object, which {input.Emulator.Path} does not have (capability {QemuCapabilityNames.Name(capability)})");
    }

    private static void Tpm(Tpm tpm, QemuCheckInput input, DiagnosticBag diagnostics)
    {
        if (tpm.Model is TpmModel.Spapr or TpmModel.SpaprProxy)
        {
            diagnostics.Error(QemuDiagnostics.DeviceNotForMachine, tpm.Location,
                $"<tpm model='{TpmXml.Model.ToXml(tpm.Model.Value)}'> exists only on pSeries guests, not {input.Emulator.Arch}");
            return;
        }
        var (capability, what) = tpm.Backend is PassthroughTpmBackend
            ? (QemuCapability.TpmPassthrough, "-tpmdev passthrough")
            : (QemuCapability.TpmEmulator, "-tpmdev emulator");
        if (!input.Has(capability))
            diagnostics.Error(QemuDiagnostics.DeviceBackendMissing, tpm.Location,
                $"the TPM needs {what}, which {input.Emulator.Path} does not have (capability {QemuCapabilityNames.Name(capability)})");
        if (tpm.Backend is ExternalTpmBackend { SocketPath: null })
            diagnostics.Error(QemuDiagnostics.DeviceBackendMissing, tpm.Location,
                "an external TPM needs the socket of its emulator: <source type='unix' mode='connect' path='...'/>");
    }

    private static void Iommu(Iommu iommu, QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var machine = input.Domain.Os?.Machine is { } m ? input.Emulator.CanonicalMachine(m) : input.Emulator.DefaultMachine?.Resolved ?? "";
        if (iommu.Model == IommuModel.SmmuV3)
            diagnostics.Error(QemuDiagnostics.DeviceNotForMachine, iommu.Location,
                $"<iommu model='smmuv3'> is the Arm virt machine's IOMMU; {input.Emulator.Arch} has none");
        else if (iommu.Model == IommuModel.Intel && !machine.Contains("q35", StringComparison.Ordinal))
            diagnostics.Error(QemuDiagnostics.DeviceNotForMachine, iommu.Location,
                $"the Intel IOMMU is part of the q35 machine; machine '{machine}' has none");
        else if (iommu is { Model: IommuModel.Intel, Driver.InterruptRemapping: true }
                 && input.Domain.Features?.Ioapic?.Driver == IoapicDriver.Kvm)
            diagnostics.Error(QemuDiagnostics.DeviceNotForMachine, iommu.Location,
                "interrupt remapping needs QEMU's own IOAPIC (kernel_irqchip=split), and the domain asks for KVM's (<ioapic driver='kvm'/>)");
        // QEMU enables the extended interrupt mode only with KVM's x2APIC support; under TCG it refuses to start.
        else if (iommu is { Model: IommuModel.Intel, Driver.Eim: true } && input.Options.RefuseUnfit && Accelerator(input) != QemuAccelerator.Kvm)
            diagnostics.Error(QemuDiagnostics.NeedsKvm, iommu.Location,
                "the Intel IOMMU's extended interrupt mode (eim='on') needs KVM with a split irqchip; this launch runs under TCG");
    }

    /// <summary>
    /// Before a launch: <c>iommu='on'</c> (<c>iommu_platform</c>) exists only on a modern-only virtio device, and on the
    /// PC's conventional PCI bus QEMU makes virtio devices transitional, so it refuses to start.
    /// </summary>
    private static void IommuPlatform(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var domain = input.Domain;
        var machine = domain.Os?.Machine is { } m ? input.Emulator.CanonicalMachine(m) : input.Emulator.DefaultMachine?.Resolved;
        if (!PcMachines.IsPc(machine)) return;
        var devices = domain.Devices;
        var uses = devices.Interfaces.Where(n => n.Model == "virtio").Select(n => (n.Driver?.Virtio, n.Location))
            .Concat(devices.Filesystems.Select(f => (f.Driver?.Virtio, f.Location)))
            .Concat(devices.Rngs.Where(r => r.Model != VirtioModel.VirtioNonTransitional).Select(r => (r.Driver, r.Location)))
            .Concat(devices.Vsock is { Model: not VirtioModel.VirtioNonTransitional } v ? [(v.Driver, v.Location)] : [])
            .Concat(devices.MemBalloon is { Model: not MemBalloonModel.VirtioNonTransitional } b ? [(b.Driver, b.Location)] : []);
        // Controllers and disks hold the switch on their <driver> too.
        var iommuOn = uses.Where(u => u.Item1?.Iommu == true).Select(u => u.Location)
            .Concat(devices.Controllers.Where(c => c is ScsiController { Model: not ScsiControllerModel.VirtioNonTransitional } or VirtioSerialController { Model: not VirtioSerialControllerModel.VirtioNonTransitional }
                && c.Driver?.Iommu == true).Select(c => c.Location))
            .Concat(devices.Disks.Where(d => DiskTargetNames.BusOf(d) == DiskBus.Virtio && d.Model != DiskModel.VirtioNonTransitional && d.Driver?.Virtio?.Iommu == true)
                .Select(d => d.Location));
        foreach (var where in iommuOn)
            diagnostics.Error(QemuDiagnostics.DeviceNotForMachine, where,
                "iommu='on' needs a modern-only virtio device, and on the PC's conventional PCI bus QEMU makes this one transitional (legacy and modern); use model 'virtio-non-transitional' or a q35 machine");
    }

    /// <summary>The accelerator the guest will run under: the one insisted on, else KVM for a KVM domain on a host that has it.</summary>
    private static QemuAccelerator Accelerator(QemuCheckInput input) =>
        input.Options.Accelerator ?? (input.Domain.Type == DomainType.Kvm && input.Options.KvmUsable ? QemuAccelerator.Kvm : QemuAccelerator.Tcg);

    private static void LaunchSecurity(LaunchSecurity security, QemuCheckInput input, DiagnosticBag diagnostics)
    {
        if (security.Type != LaunchSecurityType.Sev)
        {
            diagnostics.Error(QemuDiagnostics.DeviceNotForMachine, security.Location,
                $"<launchSecurity type='{LaunchSecurityXml.Type.ToXml(security.Type)}'> is s390 protected virtualization, not for {input.Emulator.Arch}");
            return;
        }
        if (Accelerator(input) != QemuAccelerator.Kvm)
            diagnostics.Error(QemuDiagnostics.LaunchSecurityUnavailable, security.Location,
                "an AMD SEV guest needs KVM on an AMD host with SEV enabled (/dev/kvm and /dev/sev); this launch runs under TCG, which cannot encrypt guest memory");
        else
            diagnostics.Error(QemuDiagnostics.LaunchSecurityUnavailable, security.Location,
                "an AMD SEV guest needs the host's SEV firmware (/dev/sev) and its certificates, which this launcher does not read yet; the guest cannot be started encrypted");
    }
}
