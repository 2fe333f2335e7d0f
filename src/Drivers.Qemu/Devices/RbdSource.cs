using System.Text;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Devices;

/// <summary>
/// The <c>rbd:</c> file name of a Ceph disk: <c>rbd:pool/image</c>, then either the user and the
/// base64 of the host's ceph secret with cephx allowed, or no authentication, then the monitors.
/// Colons inside the user and key are escaped with a backslash (QEMU's rbd option separator);
/// monitors are joined with <c>\;</c> and their ports follow <c>\:</c>.
/// </summary>
internal static class RbdSource
{
    public static string Text(NetworkDiskSource source, DiskAuth? auth, HostSettings host)
    {
        var text = new StringBuilder("rbd:").Append(source.Name);
        if (auth is not null)
        {
            var secret = FindSecret(auth, host)
                ?? throw new InvalidOperationException("an rbd disk's ceph secret is missing; validation lets none through");
            var key = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret.Value));
            text.Append(":id=").Append(EscapeColons(auth.Username))
                .Append(":key=").Append(EscapeColons(key))
                .Append(":auth_supported=cephx\\;none");
        }
        else
        {
            text.Append(":auth_supported=none");
        }
        if (!source.Hosts.IsEmpty)
        {
            text.Append(":mon_host=").Append(string.Join("\\;",
                source.Hosts.Select(h => h.Port is null ? h.Name : $"{h.Name}\\:{h.Port}")));
        }
        return text.ToString();
    }

    /// <summary>The host secret an <c>&lt;auth&gt;</c> names by its ceph usage; null when the host has none (or it is named by UUID).</summary>
    public static HostSecret? FindSecret(DiskAuth auth, HostSettings host) =>
        auth.Secret is { Type: AuthSecretType.Ceph, Usage: { } usage } ? host.FindSecret(SecretUsageType.Ceph, usage) : null;

    private static string EscapeColons(string value) => value.Replace(":", "\\:", StringComparison.Ordinal);
}
