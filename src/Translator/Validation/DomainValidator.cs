using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// Runs every domain check and returns all their diagnostics. These are the rules that hold for
/// any hypervisor; what a particular emulator can do is checked by its driver.
/// </summary>
public static class DomainValidator
{
    private static readonly IDomainCheck[] Checks =
    [
        new VcpuCheck(),
        new MemoryCheck(),
        new DiskTargetCheck(),
        new DiskIdentityCheck(),
        new DeviceAddressCheck(),
        new BootOrderCheck(),
        new ControllerIndexCheck(),
        new UsbAvailabilityCheck(),
        new TaintCheck(),
        new FirmwareCheck(),
        new DiskFormatCheck(),
        new DiskPartitionTargetCheck(),
        new DiskSecretCheck(),
        new DiskEncryptionCheck(),
        new UsbDeviceAddressCheck(),
        new GraphicsCombinationCheck(),
        new HostDeviceUseCheck(),
        new VirtiofsReadOnlyCheck(),
        new MachineFeatureCheck(),
        new HugePageNodeCheck(),
        new ScsiHostDeviceDiskTargetCheck(),
    ];

    public static IReadOnlyList<Diagnostic> Validate(Domain domain)
    {
        var diagnostics = new DiagnosticBag();
        foreach (var check in Checks) check.Check(domain, diagnostics);
        // In document order, whichever check found them, as the parser reports its own.
        return DocumentOrder.Sort(diagnostics.Items);
    }
}
