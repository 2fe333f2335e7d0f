using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// A virtiofs share is a <c>vhost-user-fs-pci</c> device on a chardev to virtiofsd's socket. The socket is the one
/// the domain names (<c>&lt;source socket&gt;</c>, a virtiofsd someone else runs), else the rule for a launcher without
/// a daemon: <c>STATE/virtiofs/NAME-ALIAS.sock</c> in the host's state (run) directory, where the virtiofsd that
/// the launcher starts (issue 14, with the <c>&lt;binary&gt;</c> settings) listens.
/// </summary>
internal static class VirtiofsPlanning
{
    public const string DeviceType = "vhost-user-fs-pci";

    public static PlannedFilesystem Plan(PlannedFilesystem planned, string domainName, HostSettings host, bool emitBootIndex)
    {
        var fs = planned.Filesystem;
        if (fs.Driver?.Type != FilesystemDriverType.Virtiofs) return planned;
        return planned with
        {
            QemuType = DeviceType,
            VirtiofsSocket = Socket(fs, planned.Alias, domainName, host),
            BootIndex = emitBootIndex ? fs.BootOrder : null,
        };
    }

    public static string Socket(Filesystem fs, string alias, string domainName, HostSettings host) =>
        fs.Source is SocketMountFilesystemSource socket ? socket.Socket : $"{host.StateDirectory}/virtiofs/{domainName}-{alias}.sock";

    /// <summary>The id of the chardev to virtiofsd.</summary>
    public static string CharId(PlannedFilesystem planned) => "chr-vu-" + planned.Alias;
}
