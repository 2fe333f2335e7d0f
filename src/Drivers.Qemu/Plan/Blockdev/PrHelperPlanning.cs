using DomainLauncher.Drivers.Qemu.Host;

namespace DomainLauncher.Drivers.Qemu.Plan.Blockdev;

/// <summary>
/// SCSI persistent reservations (<c>&lt;reservations&gt;</c> of a LUN's block source): QEMU forwards the guest's
/// PERSISTENT RESERVE commands to a qemu-pr-helper through a <c>pr-manager-helper</c> object that the host device's
/// protocol node names (<c>pr-manager=</c>). The rule for a launcher without a daemon:
/// <list type="bullet">
/// <item><c>managed='yes'</c>: one helper for the whole guest, object <see cref="ManagedId"/>, listening on
///   <c>STATE/pr-helper/NAME.sock</c> in the host's state (run) directory; the launcher starts qemu-pr-helper there;</item>
/// <item>otherwise: the helper someone runs at the socket the domain names, one object per disk.</item>
/// </list>
/// </summary>
public static class PrHelperPlanning
{
    /// <summary>The id of the object of the guest's managed helper.</summary>
    public const string ManagedId = "pr-helper0";

    public static string ManagedSocket(string domainName, HostSettings host) => $"{host.StateDirectory}/pr-helper/{domainName}.sock";
}
