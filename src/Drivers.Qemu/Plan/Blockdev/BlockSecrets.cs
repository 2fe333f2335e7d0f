using System.Text;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Blockdev;

/// <summary>
/// How a secret a block node needs (an encryption passphrase, a network login's password or key)
/// reaches QEMU without a daemon to hand it over at run time. The rule:
/// <list type="bullet">
/// <item>a secret named by usage that the host settings hold is given as the <c>-object secret</c>'s
/// <c>data=</c>, base64-encoded (<c>format=base64</c>), so any byte survives the command line;</item>
/// <item>any other secret is read by QEMU from a file in the host's secret folder,
/// <c>{LibDirectory}/secrets/</c>, named by the secret's UUID (<c>{uuid}</c>) or by its usage type and
/// percent-encoded usage name (<c>{type}-{usage}</c>); the operator writes the value there (mode 0600).</item>
/// </list>
/// The value is never written into a protocol option itself.
/// </summary>
internal static class BlockSecrets
{
    public static PlannedQemuObject Object(string id, SecretUsageType? usageType, string? usage, Guid? uuid, HostSettings host)
    {
        if (usageType is { } type && usage is not null && host.FindSecret(type, usage) is { } held)
            return new PlannedQemuObject("secret", id,
            [
                new("data", Convert.ToBase64String(Encoding.UTF8.GetBytes(held.Value))),
                new("format", "base64"),
            ]);
        return new PlannedQemuObject("secret", id, [new("file", FilePath(usageType, usage, uuid, host)), new("format", "raw")]);
    }

    /// <summary>The file QEMU reads a secret from when the host settings do not hold its value.</summary>
    public static string FilePath(SecretUsageType? usageType, string? usage, Guid? uuid, HostSettings host)
    {
        var name = uuid is { } id ? id.ToString("D")
            : $"{(usageType is { } t ? SecretUsageTypeNames.Table.ToXml(t) : "secret")}-{FileNameText(usage ?? "")}";
        return $"{host.LibDirectory}/secrets/{name}";
    }

    /// <summary>The secret of a network login (<c>&lt;auth&gt;&lt;secret type usage|uuid/&gt;</c>).</summary>
    public static PlannedQemuObject ForAuth(string id, DiskAuth auth, HostSettings host) =>
        Object(id, auth.Secret.Type switch
        {
            AuthSecretType.Ceph => SecretUsageType.Ceph,
            AuthSecretType.Iscsi => SecretUsageType.Iscsi,
            _ => null,
        }, auth.Secret.Usage, auth.Secret.Uuid, host);

    /// <summary>The passphrase of an encrypted image (<c>&lt;encryption&gt;&lt;secret type='passphrase' uuid|usage/&gt;</c>).</summary>
    public static PlannedQemuObject ForEncryption(string id, EncryptionSecret secret, HostSettings host) =>
        Object(id, SecretUsageType.Volume, secret.Usage, secret.Uuid, host);

    // Every byte that is not a letter, digit, '.', '_' or '-' is percent-encoded: no '/' can leave the folder.
    private static string FileNameText(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' || (c == '.' && text.Length > 0))
                text.Append(c);
            else
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
