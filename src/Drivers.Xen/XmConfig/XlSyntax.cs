using System.Text;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>
/// Where an xl file spells a device differently from an xm file, in one place. Disks: xl's
/// <c>key=value</c> spec (<c>format=raw,vdev=hda,access=rw,backendtype=phy,target=PATH</c>; the
/// target comes last because it may hold commas) and, when read, also the positional form
/// <c>TARGET,FORMAT,VDEV,ACCESS</c> with keys after it. NICs: an HVM NIC with the PV driver is
/// <c>type=vif</c> (xm: <c>type=netfront</c>).
/// </summary>
public static class XlSyntax
{
    /// <summary>The backend types of a disk spec by the driver name of the domain XML.</summary>
    public static string? BackendType(string? driverName) => driverName switch
    {
        "phy" => "phy",
        "qemu" => "qdisk",
        "tap" or "tap2" => "tap",
        _ => null,
    };

    /// <summary>The NIC type word for "a PV NIC, not an emulated one".</summary>
    public static string PvNicType(XenConfigFormat format) => format == XenConfigFormat.Xl ? "vif" : "netfront";

    /// <summary>The <c>key=value</c> disk spec of a disk with a file or block source, or none.</summary>
    public static string DiskSpec(Disk disk, string? path)
    {
        var spec = new StringBuilder();
        void Add(string key, string value) => spec.Append(spec.Length == 0 ? "" : ",").Append(key).Append('=').Append(value);
        if (disk.Driver?.Format is { } format) Add("format", DiskXml.Format.ToXml(format));
        Add("vdev", disk.Target.Dev);
        Add("access", disk.ReadOnly ? "ro" : "rw");
        if (BackendType(disk.Driver?.Name) is { } backend) Add("backendtype", backend);
        if (disk.Device == DiskDevice.Cdrom) Add("devtype", "cdrom");
        if (path is not null) Add("target", path);
        return spec.ToString();
    }

    /// <summary>The target of a disk: its file or device, or for a Ceph RBD volume QEMU's <c>rbd:</c> string.</summary>
    public static string? DiskTarget(Disk disk) => disk.Source switch
    {
        FileDiskSource f => f.File,
        BlockDiskSource b => b.Dev,
        NetworkDiskSource { Protocol: DiskProtocol.Rbd } rbd => RbdTarget(rbd),
        _ => null,
    };

    /// <summary>Whether xl can name a disk's source: a file, a block device, none, or an RBD volume without authentication.</summary>
    public static bool IsExpressible(Disk disk) =>
        !disk.Transient && disk.Source is null or FileDiskSource or BlockDiskSource or NetworkDiskSource { Protocol: DiskProtocol.Rbd, Auth: null, Name: not null };

    /// <summary>
    /// <c>rbd:POOL/IMAGE:auth_supported=none[:mon_host=HOST\:PORT\;HOST...]</c>, the string QEMU's
    /// block layer reads (':' and ';' inside a value are escaped with a backslash).
    /// </summary>
    public static string RbdTarget(NetworkDiskSource rbd)
    {
        var text = new StringBuilder("rbd:").Append(rbd.Name).Append(":auth_supported=none");
        if (!rbd.Hosts.IsDefaultOrEmpty)
            text.Append(":mon_host=").Append(string.Join("\\;", rbd.Hosts.Select(h =>
                h.Port is { } port ? h.Name + "\\:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) : h.Name)));
        return text.ToString();
    }

    /// <summary>The RBD volume of an <c>rbd:</c> target, or null when the target is not one.</summary>
    public static NetworkDiskSource? ParseRbd(string target)
    {
        if (!target.StartsWith("rbd:", StringComparison.Ordinal)) return null;
        var parts = SplitOptions(target[4..]);
        var hosts = new List<DiskSourceHost>();
        foreach (var option in parts.Skip(1))
        {
            if (!option.StartsWith("mon_host=", StringComparison.Ordinal)) continue;
            foreach (var host in option["mon_host=".Length..].Split(';'))
            {
                var hostParts = host.Split(':');
                uint? port = hostParts.Length > 1 && uint.TryParse(hostParts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null;
                hosts.Add(new DiskSourceHost { Name = hostParts[0], Port = port });
            }
        }
        return new NetworkDiskSource { Protocol = DiskProtocol.Rbd, Name = parts[0], Hosts = [.. hosts] };
    }

    // The options of an rbd: string: split at every ':' not escaped by a backslash, then unescaped.
    private static List<string> SplitOptions(string text)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length) current.Append(text[++i]);
            else if (text[i] == ':')
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else current.Append(text[i]);
        }
        parts.Add(current.ToString());
        return parts;
    }

    /// <summary>What a disk spec says, before it becomes a disk.</summary>
    public sealed record DiskSpecParts(string? Target, string? Format, string? Vdev, string? Access, string? BackendType, string? DevType);

    /// <summary>
    /// The parts of an xl disk spec, or null with the reason: positional parts fill target, format,
    /// vdev and access in that order; a part with '=' names its key; <c>target=</c> takes the rest
    /// of the spec, commas and all. Unknown keys are returned in <paramref name="ignored"/>.
    /// </summary>
    public static DiskSpecParts? ParseDisk(string text, List<string> ignored, out string? error)
    {
        error = null;
        string? target = null, format = null, vdev = null, access = null, backend = null, devtype = null;
        var position = 0;
        var rest = text;
        while (rest.Length > 0 || position == 0)
        {
            string part;
            if (rest.StartsWith("target=", StringComparison.Ordinal))
            {
                target = rest["target=".Length..];
                break;
            }
            var comma = rest.IndexOf(',');
            part = comma < 0 ? rest : rest[..comma];
            rest = comma < 0 ? "" : rest[(comma + 1)..];
            var equals = part.IndexOf('=');
            if (equals < 0)
            {
                var value = part.Trim().Length == 0 ? null : part.Trim();
                switch (position++)
                {
                    case 0: target = value; break;
                    case 1: format = value; break;
                    case 2: vdev = value; break;
                    case 3: access = value; break;
                    default:
                        error = $"has a fifth positional part \"{part}\"; after TARGET,FORMAT,VDEV,ACCESS only key=value parts may follow";
                        return null;
                }
            }
            else
            {
                var value = part[(equals + 1)..];
                switch (part[..equals].Trim())
                {
                    case "format": format = value; break;
                    case "vdev": vdev = value; break;
                    case "access": access = value; break;
                    case "backendtype": backend = value; break;
                    case "devtype": devtype = value; break;
                    case "cdrom": devtype = "cdrom"; break;
                    default: ignored.Add(part[..equals]); break;
                }
            }
            if (comma < 0) break;
        }
        return new DiskSpecParts(target, format, vdev, access, backend, devtype);
    }
}
