using System.Text;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Devices;

/// <summary>
/// The <c>rbd:</c> file name of a Ceph disk: <c>rbd:pool/image</c>, then either the user and the
/// base64 of the host's ceph secret with cephx allowed, or no authentication, then the monitors.
/// Every value from the document or the host (image name, user, key, monitor hosts) is escaped by
/// <see cref="ColonProtocol"/>, so none can end its field and add a librados option; monitors are
/// joined with <c>\;</c> and their ports follow <c>\:</c>. Validation refuses monitor hosts that are
/// not host names or addresses (librados itself splits the list at <c>;</c>, <c>,</c> and spaces).
/// </summary>
internal static class RbdSource
{
    public static string Text(NetworkDiskSource source, DiskAuth? auth, HostSettings host)
    {
        var text = new StringBuilder("rbd:").Append(ColonProtocol.Escape(source.Name ?? ""));
        if (auth is not null)
        {
            var secret = FindSecret(auth, host)
                ?? throw new InvalidOperationException("an rbd disk's ceph secret is missing; validation lets none through");
            var key = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret.Value));
            text.Append(":id=").Append(ColonProtocol.Escape(auth.Username))
                .Append(":key=").Append(ColonProtocol.Escape(key))
                .Append(":auth_supported=cephx\\;none");
        }
        else
        {
            text.Append(":auth_supported=none");
        }
        if (!source.Hosts.IsEmpty)
        {
            text.Append(":mon_host=").Append(string.Join("\\;",
                source.Hosts.Select(h => h.Port is null ? ColonProtocol.Escape(h.Name ?? "") : $"{ColonProtocol.Escape(h.Name ?? "")}\\:{h.Port}")));
        }
        return text.ToString();
    }

    /// <summary>The host secret an <c>&lt;auth&gt;</c> names by its ceph usage; null when the host has none (or it is named by UUID).</summary>
    public static HostSecret? FindSecret(DiskAuth auth, HostSettings host) =>
        auth.Secret is { Type: AuthSecretType.Ceph, Usage: { } usage } ? host.FindSecret(SecretUsageType.Ceph, usage) : null;
}
