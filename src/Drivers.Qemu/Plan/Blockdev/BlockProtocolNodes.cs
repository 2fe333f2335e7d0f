using System.Collections.Immutable;
using System.Globalization;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Blockdev;

/// <summary>
/// The protocol node of one image: the QEMU block driver that reaches the bytes (<c>file</c>,
/// <c>host_device</c>, <c>host_cdrom</c>, <c>vvfat</c>, <c>nvme</c>, <c>nbd</c>, <c>iscsi</c>, <c>rbd</c>,
/// <c>gluster</c>, <c>http</c>..., <c>ssh</c>, <c>nfs</c>) with its location and login, plus the objects
/// (secrets, TLS credentials) it names. Validation (<see cref="Validate.BlockdevChecks"/>) lets through only
/// sources this class can write.
/// </summary>
internal static class BlockProtocolNodes
{
    /// <summary>The protocol node's driver-specific options (everything but node-name and the shared settings), and its objects.</summary>
    public static (BlockObjectBuilder Options, ImmutableArray<PlannedQemuObject> Objects) Of(
        DiskSource source, DiskAuth? diskAuth, DiskDevice device, string nodeName, DiskDriver? driver, HostSettings host)
    {
        var options = new BlockObjectBuilder();
        // Most sources need no object: a builder that grows at the first one, not an array of 8.
        var objects = ImmutableArray.CreateBuilder<PlannedQemuObject>(0);
        var aio = driver?.Io switch
        {
            DiskIo.Native => "native",
            DiskIo.Threads => "threads",
            DiskIo.IoUring => "io_uring",
            _ => null,
        };
        switch (source)
        {
            case FileDiskSource { File: NullDevice }:
                // QEMU's -drive reads "null-co://" as its null protocol (check stands it in for host storage): the same device here.
                options.Add("driver", "null-co");
                break;
            case FileDiskSource file:
                options.Add("driver", "file").Add("filename", file.File ?? "").Add("aio", aio);
                break;
            case BlockDiskSource block:
                options.Add("driver", device == DiskDevice.Cdrom ? "host_cdrom" : "host_device").Add("filename", block.Dev).Add("aio", aio);
                break;
            case DirDiskSource dir:
                options.Add("driver", "vvfat").Add("dir", dir.Dir).Add("floppy", device == DiskDevice.Floppy).Add("rw", false);
                break;
            case NvmeDiskSource nvme:
                options.Add("driver", "nvme").Add("device", HostPciAddress(nvme.Address)).Add("namespace", (ulong)nvme.Namespace);
                break;
            case NetworkDiskSource network:
                Network(network, network.Auth ?? diskAuth, nodeName, options, objects, host);
                break;
            default:
                throw new InvalidOperationException($"a {source.Type} disk source passed blockdev validation");
        }
        return (options, objects.ToImmutable());
    }

    private static void Network(NetworkDiskSource n, DiskAuth? auth, string nodeName, BlockObjectBuilder options,
        ImmutableArray<PlannedQemuObject>.Builder objects, HostSettings host)
    {
        var first = n.Hosts.FirstOrDefault();
        string AuthSecret(string purpose)
        {
            var id = $"{nodeName}-{purpose}-secret";
            objects.Add(BlockSecrets.ForAuth(id, auth!, host));
            return id;
        }
        switch (n.Protocol)
        {
            case DiskProtocol.Nbd:
                options.Add("driver", "nbd").Add("server", Server(first, defaultPort: 10809)).Add("export", n.Name);
                if (n.Tls == true)
                {
                    var tlsId = nodeName + "-tls";
                    objects.Add(new PlannedQemuObject("tls-creds-x509", tlsId,
                        [new("dir", NbdTlsFolder), new("endpoint", "client"), new("verify-peer", "on")]));
                    options.Add("tls-creds", tlsId).Add("tls-hostname", n.TlsHostname);
                }
                break;
            case DiskProtocol.Iscsi:
            {
                var (target, lun) = IscsiTarget(n.Name ?? "");
                options.Add("driver", "iscsi").Add("portal", Portal(first, 3260)).Add("target", target).Add("lun", lun).Add("transport", "tcp");
                if (auth is not null) options.Add("user", auth.Username).Add("password-secret", AuthSecret("auth"));
                options.Add("initiator-name", n.InitiatorIqn).Add("timeout", n.TimeoutSeconds);
                break;
            }
            case DiskProtocol.Rbd:
            {
                var (pool, nameSpace, image) = RbdName(n.Name ?? "");
                options.Add("driver", "rbd").Add("pool", pool).Add("namespace", nameSpace).Add("image", image)
                    .Add("snapshot", n.SnapshotName).Add("conf", n.ConfigFile);
                if (!n.Hosts.IsEmpty)
                    options.Add("server", new BlockArray([.. n.Hosts.Select(h => (BlockValue)new BlockObjectBuilder()
                        .Add("host", h.Name ?? "").Add("port", (h.Port ?? 6789).ToString(CultureInfo.InvariantCulture)).Build())]));
                if (auth is not null)
                    options.Add("user", auth.Username).Add("auth-client-required", new BlockArray([new BlockString("cephx"), new BlockString("none")])).Add("key-secret", AuthSecret("auth"));
                break;
            }
            case DiskProtocol.Gluster:
            {
                var name = n.Name ?? "";
                var slash = name.IndexOf('/', StringComparison.Ordinal);
                options.Add("driver", "gluster").Add("volume", slash < 0 ? name : name[..slash]).Add("path", slash < 0 ? "" : name[(slash + 1)..])
                    .Add("server", new BlockArray([.. n.Hosts.Select(h => (BlockValue)Server(h, defaultPort: 24007))]));
                break;
            }
            case DiskProtocol.Http or DiskProtocol.Https or DiskProtocol.Ftp or DiskProtocol.Ftps:
            {
                var scheme = DiskXml.Protocol.ToXml(n.Protocol);
                var port = first?.Port ?? (uint)(n.Protocol switch { DiskProtocol.Http => 80, DiskProtocol.Https => 443, DiskProtocol.Ftp => 21, _ => 990 });
                var path = n.Name ?? "";
                var url = $"{scheme}://{UrlHost(first?.Name ?? "")}:{port}{(path.StartsWith('/') ? "" : "/")}{UriText.Escape(path)}{(n.Query is { } q ? "?" + q : "")}";
                options.Add("driver", scheme).Add("url", url);
                if (n.Protocol is DiskProtocol.Https or DiskProtocol.Ftps) options.Add("sslverify", n.SslVerify);
                options.Add("readahead", n.ReadaheadSize).Add("timeout", n.TimeoutSeconds);
                if (auth is not null) options.Add("username", auth.Username).Add("password-secret", AuthSecret("auth"));
                if (!n.Cookies.IsEmpty)
                {
                    var id = nodeName + "-cookie-secret";
                    objects.Add(new PlannedQemuObject("secret", id,
                    [
                        new("data", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(string.Join("; ", n.Cookies.Select(c => c.Name + "=" + c.Value))))),
                        new("format", "base64"),
                    ]));
                    options.Add("cookie-secret", id);
                }
                break;
            }
            case DiskProtocol.Nfs:
                options.Add("driver", "nfs").Add("server", new BlockObjectBuilder().Add("type", "inet").Add("host", first?.Name ?? "").Build())
                    .Add("path", n.Name ?? "").Add("user", NumericId(n.Identity?.User)).Add("group", NumericId(n.Identity?.Group));
                break;
            default:
                throw new InvalidOperationException($"network protocol {n.Protocol} passed blockdev validation");
        }
    }

    /// <summary>The file name QEMU's -drive reads as its null block device (zeros, writes dropped).</summary>
    public const string NullDevice = "null-co://";

    /// <summary>Where the client certificates of an NBD disk with TLS are read (libvirt's default nbd_tls_x509_cert_dir).</summary>
    public const string NbdTlsFolder = "/etc/pki/qemu";

    /// <summary>Whether the protocol has a <c>-blockdev</c> driver this class writes (sheepdog, VxHS and TFTP left QEMU).</summary>
    public static bool Writes(DiskProtocol protocol) => protocol is not (DiskProtocol.Sheepdog or DiskProtocol.Vxhs or DiskProtocol.Tftp);

    /// <summary>An NFS identity is written only as a number (<c>+1234</c>); a user or group name needs the host's user database.</summary>
    public static ulong? NumericId(string? id) =>
        id is null ? null
        : ulong.TryParse(id.TrimStart('+'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new InvalidOperationException($"NFS identity '{id}' passed blockdev validation");

    /// <summary>A SocketAddress: <c>{"type":"unix","path"}</c> or <c>{"type":"inet","host","port"}</c> (QAPI's port is a string).</summary>
    private static BlockObject Server(DiskSourceHost? host, uint defaultPort)
    {
        if (host is { Transport: HostTransport.Unix })
            return new BlockObjectBuilder().Add("type", "unix").Add("path", host.Socket ?? "").Build();
        return new BlockObjectBuilder().Add("type", "inet").Add("host", host?.Name ?? "")
            .Add("port", (host?.Port ?? defaultPort).ToString(CultureInfo.InvariantCulture)).Build();
    }

    private static string Portal(DiskSourceHost? host, uint defaultPort) => $"{UrlHost(host?.Name ?? "")}:{host?.Port ?? defaultPort}";

    private static string UrlHost(string name) => name.Contains(':', StringComparison.Ordinal) ? "[" + name + "]" : name;

    /// <summary>An iSCSI source name is <c>target/lun</c>; without a LUN it is LUN 0.</summary>
    public static (string Target, ulong Lun) IscsiTarget(string name)
    {
        var slash = name.LastIndexOf('/');
        if (slash > 0 && ulong.TryParse(name.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var lun))
            return (name[..slash], lun);
        return (name, 0);
    }

    /// <summary>An RBD source name is <c>pool/image</c> or <c>pool/namespace/image</c>.</summary>
    public static (string Pool, string? Namespace, string Image) RbdName(string name)
    {
        var parts = name.Split('/');
        return parts.Length switch
        {
            >= 3 => (parts[0], parts[1], string.Join('/', parts[2..])),
            2 => (parts[0], null, parts[1]),
            _ => ("", null, name),
        };
    }

    private static string HostPciAddress(PciAddress a) =>
        string.Create(CultureInfo.InvariantCulture, $"{a.Domain ?? 0:x4}:{a.Bus ?? 0:x2}:{a.Slot ?? 0:x2}.{a.Function ?? 0:x}");
}
