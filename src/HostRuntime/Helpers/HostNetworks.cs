using System.Xml.Linq;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// The host networks a launch without a daemon can give a guest: a bridge (<c>type='bridge'</c>, or
/// <c>type='network'</c> through the bridge its libvirt network definition names) is joined through QEMU's
/// bridge helper (<c>-netdev bridge,br=</c>, QEMU running qemu-bridge-helper, which makes the tap), when the
/// helper is installed, the bridge exists and the helper's ACL allows it. Otherwise the interface is refused at
/// its element, saying what to do. <c>user</c> and <c>ethernet</c> (a tap the user made) need nothing here;
/// <c>direct</c> (macvtap) is refused by <see cref="Launching.LaunchStartDefaults"/>.
/// </summary>
public static class HostNetworks
{
    private static readonly string[] HelperPlaces = ["/usr/lib/qemu/qemu-bridge-helper", "/usr/libexec/qemu-bridge-helper"];

    /// <summary>libvirt's network definitions: the running network's status first, then its persistent definition.</summary>
    private static readonly string[] NetworkFolders = ["/run/libvirt/network", "/etc/libvirt/qemu/networks"];

    /// <summary>What the rule reads from the host, given as functions so it can be tested on any host.</summary>
    public sealed record Host
    {
        public required Func<string, string?> ReadFile { get; init; }
        public required Func<string, bool> BridgeExists { get; init; }
        public required string? BridgeHelper { get; init; }

        public static Host OfThisHost() => new()
        {
            ReadFile = path =>
            {
                try { return File.Exists(path) ? File.ReadAllText(path) : null; }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
            },
            BridgeExists = bridge => !bridge.Contains('/', StringComparison.Ordinal) && Directory.Exists($"/sys/class/net/{bridge}/bridge"),
            BridgeHelper = HelperPlaces.FirstOrDefault(File.Exists),
        };
    }

    /// <summary>The domain with each network interface turned into the bridge it names; null (with errors) when an interface cannot join its bridge.</summary>
    public static Domain? Resolve(Domain domain, Host host, List<Diagnostic> diagnostics)
    {
        var failed = false;
        var interfaces = new List<NetworkInterface>();
        foreach (var nic in domain.Devices.Interfaces)
        {
            switch (nic)
            {
                case VirtualNetworkInterface network:
                {
                    var bridge = network.Bridge ?? BridgeOf(network.Network, host);
                    if (bridge is null)
                    {
                        diagnostics.Add(new Diagnostic(HelperDiagnostics.NetworkUnknown, Severity.Error,
                            $"libvirt network '{network.Network}' has no definition naming a bridge on this host (looked in {string.Join(" and ", NetworkFolders)}); " +
                            "use <interface type='bridge'><source bridge='NAME'/> with a bridge of this host, or type='user'", nic.Location));
                        failed = true;
                        interfaces.Add(nic);
                        continue;
                    }
                    if (!Joinable(bridge, $" (libvirt network '{network.Network}')", nic.Location, host, diagnostics)) failed = true;
                    interfaces.Add(nic.WithGuestSideOn(new BridgeInterface { Bridge = bridge }));
                    break;
                }
                case BridgeInterface bridged:
                    if (!Joinable(bridged.Bridge, "", nic.Location, host, diagnostics)) failed = true;
                    interfaces.Add(nic);
                    break;
                default:
                    interfaces.Add(nic);
                    break;
            }
        }
        return failed ? null : domain with { Devices = domain.Devices with { Interfaces = [.. interfaces] } };
    }

    private static bool Joinable(string bridge, string from, SourceLocation where, Host host, List<Diagnostic> diagnostics)
    {
        if (host.BridgeHelper is null)
        {
            diagnostics.Add(new Diagnostic(HelperDiagnostics.BridgeHelperMissing, Severity.Error,
                $"bridge '{bridge}'{from} is joined through QEMU's bridge helper, which is not installed (looked for {string.Join(", ", HelperPlaces)}; " +
                "Debian ships it in qemu-system-common)", where));
            return false;
        }
        if (!host.BridgeExists(bridge))
        {
            diagnostics.Add(new Diagnostic(HelperDiagnostics.BridgeMissing, Severity.Error,
                $"bridge '{bridge}'{from} does not exist on this host (no /sys/class/net/{bridge}/bridge); create it, or start the libvirt network that makes it", where));
            return false;
        }
        if (BridgeHelperAcl.Allows(bridge, host.ReadFile) == false)
        {
            diagnostics.Add(new Diagnostic(HelperDiagnostics.BridgeNotAllowed, Severity.Error,
                $"qemu-bridge-helper's ACL {BridgeHelperAcl.DefaultFile} does not allow bridge '{bridge}'{from}: add the line 'allow {bridge}' to it " +
                $"(as root), and make {host.BridgeHelper} setuid root (chmod u+s) for users other than root", where));
            return false;
        }
        return true;
    }

    /// <summary>The bridge a libvirt network definition names (<c>&lt;network&gt;&lt;bridge name='...'/&gt;</c>), else null.</summary>
    public static string? BridgeOf(string network, Host host)
    {
        if (network.Contains('/', StringComparison.Ordinal) || network.StartsWith('.')) return null;
        foreach (var folder in NetworkFolders)
        {
            if (host.ReadFile(Path.Combine(folder, network + ".xml")) is not { } text) continue;
            try
            {
                var root = XDocument.Parse(text).Root;
                var definition = root?.Name.LocalName == "networkstatus" ? root.Element("network") : root;
                if (definition?.Element("bridge")?.Attribute("name")?.Value is { Length: > 0 } bridge) return bridge;
            }
            catch (System.Xml.XmlException)
            {
                // An unreadable definition names nothing; the next place may.
            }
        }
        return null;
    }
}
