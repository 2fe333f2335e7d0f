using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// A network disk's hosts and name must fit the protocol string QEMU reads (issue 11, item 4): a host
/// is a host name or an address (never <c>a:inj=1</c>); the legacy <c>nbd:host:port</c> and
/// <c>sheepdog:host:port:name</c> strings have no escape, so an IPv6 host or a sheepdog name with
/// <c>:</c> is refused there; rbd and gluster values are escaped by their writers. No value may hold a
/// control character.
/// </summary>
internal sealed class NetworkDiskChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        foreach (var disk in input.Domain.Devices.Disks)
        {
            if (disk.Source is not NetworkDiskSource source) continue;
            var protocol = DiskXml.Protocol.ToXml(source.Protocol);
            if (HostNames.FirstControl(source.Name) is { } control)
                Refuse(diagnostics, source.Location, $"the {protocol} disk name holds the control character U+{(int)control:X4}");
            else if (source.Protocol == DiskProtocol.Sheepdog && source.Name?.Contains(':', StringComparison.Ordinal) == true)
                Refuse(diagnostics, source.Location, $"the sheepdog disk name '{source.Name}' holds ':', which QEMU's sheepdog: file name cannot escape");
            foreach (var host in source.Hosts)
            {
                if (HostNames.FirstControl(host.Socket) is { } socketControl)
                    Refuse(diagnostics, host.Location, $"the socket path holds the control character U+{(int)socketControl:X4}");
                if (host.Name is not { } name) continue;
                // A -blockdev node holds the host as a JSON string of its own: any name or address can be written.
                if (input.Has(QemuCapability.Blockdev)) continue;
                var escapable = source.Protocol is DiskProtocol.Rbd or DiskProtocol.Gluster;
                if (HostNames.IsNameOrIPv4(name) || (escapable && HostNames.IsIPv6(name))) continue;
                var why = HostNames.IsIPv6(name)
                    ? $"an IPv6 address, which QEMU's {protocol}: file name cannot hold"
                    : "neither a host name nor an IP address";
                Refuse(diagnostics, host.Location, $"the {protocol} host '{Printable(name)}' is {why}");
            }
        }
    }

    private static void Refuse(DiagnosticBag diagnostics, SourceLocation where, string message) =>
        diagnostics.Error(QemuDiagnostics.UnwritableValue, where, message);

    /// <summary>The value with control characters shown as code points, so a diagnostic never echoes them.</summary>
    internal static string Printable(string value) =>
        HostNames.FirstControl(value) is null ? value
            : string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
