using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// The host side of the interfaces a launcher without a daemon can give QEMU, one rule per family, where libvirt
/// opens a descriptor and passes it:
/// <list type="bullet">
/// <item>user: QEMU's own stack (<c>-netdev user</c>); with a passt back-end, a stream socket to the passt the
///   launcher starts (issue 14) at <c>STATE/passt/NAME-ALIAS.socket</c> (<see cref="PasstSocket"/>);</item>
/// <item>ethernet: QEMU opens the tap named by <c>&lt;target dev&gt;</c> itself (<c>-netdev tap,ifname=</c>);</item>
/// <item>bridge: QEMU runs qemu-bridge-helper, which creates a tap on the bridge (<c>-netdev bridge,br=</c>);</item>
/// <item>vhost-user: a chardev to the back-end's socket (QEMU listens or connects, as the domain says);</item>
/// <item>vdpa: QEMU opens the vDPA device itself (<c>vhostdev=</c>);</item>
/// <item>server, client, mcast, udp: QEMU's own sockets.</item>
/// </list>
/// A libvirt network and a macvtap (direct) interface need the host's network definitions or a descriptor; they stay refused.
/// </summary>
internal static class NetworkBackendPlanning
{
    /// <summary>The passt socket of a user interface with a passt back-end, in the host's state (run) directory; else null.</summary>
    public static string? PasstSocket(NetworkInterface nic, string alias, string domainName, HostSettings host) =>
        nic is UserInterface && nic.Options?.Backend?.Type == InterfaceBackendType.Passt
            ? $"{host.StateDirectory}/passt/{domainName}-{alias}.socket"
            : null;
}
