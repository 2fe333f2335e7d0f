using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>Runs every check and collects all their diagnostics; the build stops when any is an error.</summary>
internal static class QemuValidator
{
    private static readonly IQemuCheck[] Checks =
    [
        new GeneralChecks(), new DeviceChecks(), new DisplayChecks(), new ControllerChecks(), new HostDeviceChecks(),
        new SmartcardChecks(), new RedirectedDeviceChecks(), new DiskFeatureChecks(), new BlockdevChecks(), new NetworkDiskChecks(), new LegacyCharDeviceChecks(), new SmbiosChecks(), new ChannelChecks(),
        new FilesystemChecks(), new NumaChecks(), new FirmwareChecks(), new MemoryChecks(), new VcpuChecks(), new ClockChecks(), new AcceleratorChecks(), new LaunchFitChecks(), new Untranslated.UntranslatedChecks(), new CpuLevelChecks(),
        new UnixSocketPathChecks(), new MiscDeviceChecks(), new AudioChecks(), new ModernCharDeviceChecks(), new ModernInputChecks(),
        new PciTopologyChecks(), new AcpiIndexChecks(),
    ];

    public static void Validate(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        foreach (var check in Checks) check.Check(input, diagnostics);
    }
}
