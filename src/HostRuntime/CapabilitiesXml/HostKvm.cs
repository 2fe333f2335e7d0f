namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary>
/// Whether this host can run guests under KVM: <c>/dev/kvm</c> opens for reading and writing. Existing
/// is not enough (a container may show the node without access to it), and QEMU itself opens it read-write.
/// </summary>
public static class HostKvm
{
    public const string DevicePath = "/dev/kvm";

    public static bool IsUsable() => CapabilitiesXml.HostFactsReader.CanOpenReadWrite(DevicePath);
}
