using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Native;

/// <summary>
/// What <c>to-native</c> assumes of the host when no host settings file is given and this host lacks a setting the
/// domain needs: it shows the command line of a host set up for the domain, with the conventional locations, and
/// says so in a warning at the element that needs it. <c>launch</c> assumes nothing (it refuses instead), and
/// <c>check</c> substitutes.
/// <list type="bullet">
/// <item>Huge pages with no hugetlbfs mount: systemd's mount point, <see cref="ConventionalHugetlbfsMount"/>.</item>
/// <item>SPICE TLS (a TLS port or a secure channel) while the host's SPICE settings turn it off: TLS on, with the
/// settings' certificate folder (libvirt's default <c>/etc/pki/libvirt-spice</c>).</item>
/// </list>
/// </summary>
public static class DryRunHostAssumptions
{
    public const string ConventionalHugetlbfsMount = "/dev/hugepages";

    public static HostSettings Apply(HostSettings host, Domain domain, List<Diagnostic> diagnostics)
    {
        if (host.ResolvedHugepagePath is null && HugePagesAt(domain) is { } needsHugePages)
        {
            diagnostics.Add(new Diagnostic(DryRunDiagnostics.HostResourceAssumed, Severity.Warning,
                $"this host has no hugetlbfs mounted; the command line assumes one at {ConventionalHugetlbfsMount} (launch refuses the domain until one is mounted)", needsHugePages));
            host = host with { HugetlbfsMount = ConventionalHugetlbfsMount };
        }
        if (!host.Spice.Tls && SpiceTlsAt(domain) is { } needsTls)
        {
            diagnostics.Add(new Diagnostic(DryRunDiagnostics.HostResourceAssumed, Severity.Warning,
                $"the host's SPICE settings turn TLS off; the command line assumes it on, with the certificates in {host.Spice.TlsX509CertDir} (give a host settings file to decide)", needsTls));
            host = host with { Spice = host.Spice with { Tls = true } };
        }
        return host;
    }

    /// <summary>Whether the domain backs any guest memory with huge pages (and so needs a hugetlbfs mount).</summary>
    public static bool NeedsHugePages(Domain domain) => HugePagesAt(domain) is not null;

    /// <summary>The first element that backs guest memory with huge pages, or null.</summary>
    private static SourceLocation? HugePagesAt(Domain domain)
    {
        if (domain.MemoryBacking is { Hugepages: true } backing) return backing.Location.Line > 0 ? backing.Location : domain.Location;
        return domain.Devices.Memories.FirstOrDefault(m => m.Source?.PageSize is not null)?.Location;
    }

    /// <summary>The SPICE display that asks for TLS (a TLS port, or a channel in secure mode), or null.</summary>
    private static SourceLocation? SpiceTlsAt(Domain domain) =>
        domain.Devices.Graphics.OfType<SpiceGraphics>()
            .FirstOrDefault(s => GraphicsDefaults.TlsPort(s) > 0 || s.Channels.Any(c => c.Mode == SpiceChannelMode.Secure))?.Location;
}
