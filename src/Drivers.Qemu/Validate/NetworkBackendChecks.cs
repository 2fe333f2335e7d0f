using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// The interface families a modern emulator's <c>-netdev</c> back-ends carry without a host-opened descriptor
/// (<see cref="Plan.NetworkBackendPlanning"/>): a bridge through qemu-bridge-helper, vhost-user, vDPA, UDP tunnels
/// and passt. Each needs its back-end in the emulator; without it the interface is refused naming the capability.
/// </summary>
internal static class NetworkBackendChecks
{
    /// <summary>Whether the interface is one of these families and the emulator has its back-end.</summary>
    public static bool Modern(NetworkInterface nic, QemuCheckInput input) =>
        Needed(nic) is { } capability && input.Has(capability) && input.Has(QemuCapability.Netdev);

    /// <summary>Why the emulator cannot carry the interface, or null.</summary>
    public static string? Refusal(NetworkInterface nic, QemuCheckInput input)
    {
        // A bridge without -netdev bridge keeps libvirt 0.10.2's refusal (a tap passed by descriptor).
        if (nic is BridgeInterface || Needed(nic) is not { } capability || input.Has(capability)) return null;
        return $"interface type '{InterfaceTypeXml.Table.ToXml(nic.Type)}'{(nic is UserInterface ? " with a passt back-end" : "")} needs the emulator capability '{QemuCapabilityNames.Name(capability)}', which '{input.Emulator.Path}' lacks";
    }

    private static QemuCapability? Needed(NetworkInterface nic) => nic switch
    {
        BridgeInterface => QemuCapability.NetdevBridgeHelper,
        VhostUserInterface => QemuCapability.NetdevVhostUser,
        VdpaInterface => QemuCapability.NetdevVhostVdpa,
        UdpInterface => QemuCapability.Netdev,
        UserInterface when nic.Options?.Backend?.Type == InterfaceBackendType.Passt => QemuCapability.NetdevStream,
        _ => null,
    };
}
