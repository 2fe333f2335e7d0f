using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// The machine-wide settings that need an emulator capability or host configuration: dump-guest-core,
/// reboot timeout, S3/S4, huge pages, memory locking, KVM, fewer vCPUs than the maximum, clock offsets.
/// </summary>
internal sealed class GeneralChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var d = input.Domain;
        void Needs(QemuCapability capability, bool when, SourceLocation where, string what)
        {
            if (when && !input.Has(capability))
                diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, where,
                    $"{what} needs the emulator capability '{QemuCapabilityNames.Name(capability)}', which '{input.Emulator.Path}' lacks");
        }
        var os = d.Os?.Location ?? d.Location;
        Needs(QemuCapability.DumpGuestCore, d.MemoryDumpCore is not null, d.Location, "<memory dumpCore>");
        Needs(QemuCapability.RebootTimeout, d.Os?.BiosRebootTimeout is not null, os, "<bios rebootTimeout>");
        Needs(QemuCapability.SplashTimeout, d.Os is { BootMenu: true, BootMenuTimeout: not null }, os, "<bootmenu timeout>");
        Needs(QemuCapability.DisableS3, d.PowerManagement?.SuspendToMem is not null, d.Location, "<pm><suspend-to-mem>");
        Needs(QemuCapability.DisableS4, d.PowerManagement?.SuspendToDisk is not null, d.Location, "<pm><suspend-to-disk>");
        if (!input.Has(QemuCapability.Overcommit))
            Needs(QemuCapability.Mlock, d.MemoryBacking?.Locked == true, d.Location, "<memoryBacking><locked>");
        if (!input.Has(QemuCapability.MachineGraphics))
            Needs(QemuCapability.Sga, d.Os?.BiosUseSerial == true, os, "<bios useserial='yes'>");
        if (d.MemoryBacking?.Hugepages == true)
        {
            Needs(QemuCapability.MemPath, true, d.Location, "<memoryBacking><hugepages>");
            if (input.Host.ResolvedHugepagePath is null)
                diagnostics.Error(QemuDiagnostics.UnsupportedByHost, d.Location, "<memoryBacking><hugepages> needs a hugetlbfs mount on the host, and none is mounted or configured");
        }
        // With -accel, AcceleratorChecks decides between KVM and TCG against the host.
        if (d.Type == DomainType.Kvm && !input.Has(QemuCapability.Accel) && !input.Has(QemuCapability.Kvm) && !input.Has(QemuCapability.EnableKvm))
            diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, d.Location,
                $"domain type 'kvm' needs an emulator with KVM support ('kvm' or 'enable-kvm'), which '{input.Emulator.Path}' lacks");
        if (d.Vcpu is { Current: { } current } vcpu && current != vcpu.Count)
            Needs(QemuCapability.SmpTopology, true, vcpu.Location, $"<vcpu current='{current}'> below the maximum {vcpu.Count}");
        if (d.QemuDeprecation is { Behavior: not QemuDeprecationBehavior.None } deprecation && !input.Has(QemuCapability.CompatDeprecated))
            diagnostics.Warning(QemuDiagnostics.UnsupportedByEmulator, deprecation.Location,
                $"<qemu:deprecation> is left out: it needs the emulator capability '{QemuCapabilityNames.Name(QemuCapability.CompatDeprecated)}' (-compat), which '{input.Emulator.Path}' lacks");
        if (d.Clock is { Offset: ClockOffset.Variable } clock)
            diagnostics.Error(QemuDiagnostics.UnsupportedDevice, clock.Location,
                "<clock offset='variable'> depends on the current time, which the command-line builder does not read");
    }
}
