using System.Collections.Immutable;
using System.Globalization;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Blockdev;

/// <summary>
/// Decides each disk's <c>-blockdev</c> graph once, for an emulator with the blockdev capability: per image
/// (the source, then each <c>&lt;backingStore&gt;</c> layer) a protocol node and a format node, a raw slice
/// node between them when a non-raw image sits in a <c>&lt;slice&gt;</c>, <c>backing</c> linking the layers;
/// above the top image a <c>copy-on-read</c> filter and a <c>throttle</c> filter when asked for. Node names
/// are <c>nodeN-storage</c>, <c>nodeN-slice</c>, <c>nodeN-format</c> with N counting the guest's images
/// from 1 in disk order (top image first), and <c>nodeN-cor</c>, <c>nodeN-throttle</c> after the top image's
/// N: unique in the guest, stable for a given document, at most 31 characters as QEMU requires.
/// </summary>
internal sealed class BlockGraphPlanning(HostSettings host, string domainName)
{
    private readonly BlockThrottling _throttling = new();
    private int _images;
    private string? _managedPrHelperSocket;

    public PlannedBlockGraph Plan(Disk disk, DiskDevice device, string alias)
    {
        // A vhost-user disk's storage is served by another process: the front end gets a socket, not a node.
        if (disk.Source is VhostUserDiskSource vhost)
            return PlannedBlockGraph.Empty with
            {
                VhostUser = new PlannedVhostUserSocket("chr-vu-" + alias, vhost.Path, vhost.Reconnect is { Enabled: true } r ? r.Timeout ?? 1 : null),
            };
        var cacheMode = CacheMode(disk, device);
        // An open tray or a drive without a source holds no medium: the front end has no drive.
        if (disk.Target.Tray == TrayState.Open || disk.Source is null or FileDiskSource { File: null })
            return PlannedBlockGraph.Empty with { WriteCache = WriteCache(cacheMode), ShareRw = disk.Shareable };
        // Most disks need no object (secret, TLS, reservations) and two nodes (protocol and format): builders of those
        // sizes, grown when a disk needs more, rather than an array of 8 each (9.0 corpus: ~350 bytes a disk).
        var objects = ImmutableArray.CreateBuilder<PlannedQemuObject>(0);
        var nodes = ImmutableArray.CreateBuilder<PlannedBlockNode>(2);
        var cache = CacheOptions(cacheMode);
        var firstManagedPrHelper = _managedPrHelperSocket is null && disk.Source is BlockDiskSource { Reservations.Managed: true };
        // A transient disk's image is only read: its writes go to an overlay (validation let through only local images).
        var top = Image(disk.Source, disk.Auth, disk.Encryption, disk.Driver?.Format, disk.BackingStore, device,
            readOnly: disk.ReadOnly || device == DiskDevice.Cdrom || disk.Transient, disk.Driver, cache, objects, nodes, out var topNumber);
        var image = top;
        PlannedTransientOverlay? overlay = null;
        if (disk.Transient)
        {
            var storage = $"node{topNumber}-overlay-storage";
            var name = $"node{topNumber}-overlay";
            overlay = new PlannedTransientOverlay($"{host.StateDirectory}/transient/{domainName}-{alias}.qcow2", LocalPath(disk.Source), name, top);
            nodes.Add(new PlannedBlockNode(storage, new BlockObjectBuilder()
                .Add("driver", "file").Add("filename", overlay.Path).Add("node-name", storage).Add("cache", cache).Add("discard", "unmap").Build()));
            nodes.Add(new PlannedBlockNode(name, new BlockObjectBuilder()
                .Add("node-name", name).Add("read-only", false).Add("driver", "qcow2").Add("cache", cache).Add("file", storage).Add("backing", top).Build()));
            top = name;
        }
        if (disk.Driver?.CopyOnRead == true)
        {
            var name = $"node{topNumber}-cor";
            nodes.Add(new PlannedBlockNode(name, new BlockObjectBuilder()
                .Add("driver", "copy-on-read").Add("node-name", name).Add("file", top).Add("discard", "unmap").Build()));
            top = name;
        }
        if (BlockThrottling.HasLimits(disk.IoTune))
        {
            var (group, groupObject) = _throttling.Group(disk.IoTune!);
            if (groupObject is not null) objects.Add(groupObject);
            var name = $"node{topNumber}-throttle";
            nodes.Add(new PlannedBlockNode(name, new BlockObjectBuilder()
                .Add("driver", "throttle").Add("node-name", name).Add("throttle-group", group).Add("file", top).Build()));
            top = name;
        }
        return new PlannedBlockGraph(objects.ToImmutable(), nodes.ToImmutable(), top)
        {
            WriteCache = WriteCache(cacheMode),
            ShareRw = disk.Shareable,
            ImageNode = image,
            ManagedPrHelperSocket = firstManagedPrHelper ? _managedPrHelperSocket : null,
            TransientOverlay = overlay,
        };
    }

    /// <summary>
    /// One image and (first) the chain behind it; returns its format node's name. Layers below the top are
    /// read-only; a chain the document ends with <c>&lt;backingStore/&gt;</c> has <c>"backing": null</c>; a chain
    /// it says nothing about is left to the image's own header.
    /// </summary>
    private string Image(DiskSource source, DiskAuth? auth, DiskEncryption? encryption, DiskFormat? format, DiskBackingStore? backing,
        DiskDevice device, bool readOnly, DiskDriver? driver, BlockObject? cache,
        ImmutableArray<PlannedQemuObject>.Builder objects, ImmutableArray<PlannedBlockNode>.Builder nodes, out int number)
    {
        number = ++_images;
        var n = number.ToString(CultureInfo.InvariantCulture);
        var storage = $"node{n}-storage";
        var formatName = $"node{n}-format";

        var encryptionInEffect = source.Encryption ?? encryption;
        var driverName = BlockFormats.Driver(format) ?? throw new InvalidOperationException($"format {format} passed blockdev validation");
        // A raw image with LUKS encryption that QEMU decrypts is a LUKS image: the luks driver reads it.
        if (driverName == "raw" && encryptionInEffect is { Format: DiskEncryptionFormat.Luks or DiskEncryptionFormat.Luks2, Engine: not EncryptionEngine.Librbd })
            driverName = "luks";

        // Only copy-on-write formats have a backing image; a chain described behind any other format is not read.
        BlockValue? backingValue = null;
        if (!BlockFormats.HasBacking(driverName)) backing = null;
        if (backing is { IsEnd: true }) backingValue = BlockNull.Instance;
        else if (backing is { Source: { } layer })
            backingValue = new BlockString(Image(layer, null, null, backing.Format?.Type, backing.Next, DiskDevice.Disk, readOnly: true,
                driver: null, cache, objects, nodes, out _));

        var (protocol, protocolObjects) = BlockProtocolNodes.Of(source, auth, device, storage, driver, host);
        objects.AddRange(protocolObjects);
        if (source is BlockDiskSource { Reservations: { } reservations })
            protocol.Add("pr-manager", PrManager(reservations, storage, objects));
        if (encryptionInEffect is { Engine: EncryptionEngine.Librbd } && source is NetworkDiskSource { Protocol: DiskProtocol.Rbd })
        {
            // librbd decrypts the image itself: the secret goes to the RBD node, the format node reads plain data.
            protocol.Add("encrypt", LibrbdEncryption(encryptionInEffect, formatName, objects));
            encryptionInEffect = null;
        }
        protocol.Add("node-name", storage).Add("cache", cache).Add("auto-read-only", true).Add("discard", "unmap");
        nodes.Add(new PlannedBlockNode(storage, protocol.Build()));

        var slice = source.Slices.FirstOrDefault(s => s.Type == SliceType.Storage);
        var file = storage;
        if (slice is not null && driverName != "raw")
        {
            // Only the raw driver takes offset and size: another format reads its slice through a raw node.
            file = $"node{n}-slice";
            nodes.Add(new PlannedBlockNode(file, new BlockObjectBuilder().Add("driver", "raw").Add("node-name", file)
                .Add("offset", slice.Offset).Add("size", slice.Size).Add("file", storage)
                .Add("cache", cache).Add("auto-read-only", true).Add("discard", "unmap").Build()));
        }

        var options = new BlockObjectBuilder().Add("node-name", formatName).Add("read-only", readOnly).Add("driver", driverName);
        if (driver is not null)
        {
            options.Add("discard", driver.Discard switch { DiskDiscard.Unmap => "unmap", DiskDiscard.Ignore => "ignore", _ => null });
            options.Add("detect-zeroes", driver.DetectZeroes switch
            {
                DiskDetectZeroes.On => "on",
                DiskDetectZeroes.Off => "off",
                // QEMU unmaps zeroes only where discard is allowed; otherwise it writes them as zeroes.
                DiskDetectZeroes.Unmap => driver.Discard == DiskDiscard.Unmap ? "unmap" : "on",
                _ => null,
            });
        }
        options.Add("cache", cache);
        if (slice is not null && driverName == "raw") options.Add("offset", slice.Offset).Add("size", slice.Size);
        if (encryptionInEffect is { } encrypted && Encryption(encrypted, driverName, formatName, objects) is { } encrypt)
        {
            if (driverName == "luks") options.Add("key-secret", encrypt["key-secret"]);
            else options.Add("encrypt", encrypt);
        }
        options.Add("file", file).Add("backing", backingValue);
        nodes.Add(new PlannedBlockNode(formatName, options.Build()));
        return formatName;
    }

    private static string LocalPath(DiskSource source) => source switch
    {
        FileDiskSource { File: { } file } => file,
        BlockDiskSource block => block.Dev,
        _ => throw new InvalidOperationException($"a transient {source.Type} disk passed validation"),
    };

    /// <summary>The <c>pr-manager-helper</c> object a host device's reservations go through (<see cref="PrHelperPlanning"/>): its id.</summary>
    private string PrManager(DiskReservations reservations, string storage, ImmutableArray<PlannedQemuObject>.Builder objects)
    {
        if (reservations.Managed == true)
        {
            if (_managedPrHelperSocket is null)
            {
                _managedPrHelperSocket = PrHelperPlanning.ManagedSocket(domainName, host);
                objects.Add(new PlannedQemuObject("pr-manager-helper", PrHelperPlanning.ManagedId, [new("path", _managedPrHelperSocket)]));
            }
            return PrHelperPlanning.ManagedId;
        }
        // Validation refused unmanaged reservations without a socket.
        var id = storage + "-pr-manager";
        objects.Add(new PlannedQemuObject("pr-manager-helper", id, [new("path", reservations.Source!.Path)]));
        return id;
    }

    /// <summary>
    /// The <c>encrypt</c> options of a format node and the passphrase's secret object: LUKS (the <c>luks</c>
    /// driver's own <c>key-secret</c>, or qcow2's LUKS encryption) or the old qcow AES scheme. Null when the
    /// image is decrypted by someone else (<c>engine='librbd'</c> is written on the RBD node instead) or has no passphrase.
    /// </summary>
    private BlockObject? Encryption(DiskEncryption encryption, string driver, string formatName, ImmutableArray<PlannedQemuObject>.Builder objects)
    {
        if (encryption.Secrets.FirstOrDefault() is not { } secret) return null;
        var id = formatName + "-encryption-secret";
        objects.Add(BlockSecrets.ForEncryption(id, secret, host));
        var scheme = encryption.Format switch
        {
            DiskEncryptionFormat.Luks or DiskEncryptionFormat.Luks2 => "luks",
            // libvirt's default (and 'qcow') encryption: AES for qcow and an old qcow2, LUKS on the luks driver.
            _ => driver == "luks" ? "luks" : "aes",
        };
        return new BlockObjectBuilder().Add("format", scheme).Add("key-secret", id).Build();
    }

    /// <summary>The RBD node's <c>encrypt</c>: librbd's LUKS or LUKS2 with the passphrase's secret; null without a passphrase.</summary>
    private BlockObject? LibrbdEncryption(DiskEncryption encryption, string formatName, ImmutableArray<PlannedQemuObject>.Builder objects)
    {
        if (encryption.Secrets.FirstOrDefault() is not { } secret) return null;
        var id = formatName + "-encryption-secret";
        objects.Add(BlockSecrets.ForEncryption(id, secret, host));
        return new BlockObjectBuilder().Add("format", encryption.Format == DiskEncryptionFormat.Luks2 ? "luks2" : "luks").Add("key-secret", id).Build();
    }

    /// <summary>
    /// The disk's cache mode in effect: the XML's, else for a disk other guests write too (<c>&lt;shareable/&gt;</c>,
    /// not read-only) libvirt's <c>none</c>, so that no write waits in this host's page cache while another guest reads
    /// the image; else none given (QEMU's default).
    /// </summary>
    private static DiskCache? CacheMode(Disk disk, DiskDevice device) => disk.Driver?.Cache switch
    {
        { } given and not DiskCache.Default => given,
        _ when disk.Shareable && !disk.ReadOnly && device != DiskDevice.Cdrom => DiskCache.None,
        _ => null,
    };

    /// <summary>libvirt's cache modes as the node options they mean (writeback or not is the front end's <c>write-cache</c>).</summary>
    private static BlockObject? CacheOptions(DiskCache? cache) => cache switch
    {
        DiskCache.None or DiskCache.Directsync => new BlockObjectBuilder().Add("direct", true).Add("no-flush", false).Build(),
        DiskCache.Writeback or DiskCache.Writethrough => new BlockObjectBuilder().Add("direct", false).Add("no-flush", false).Build(),
        DiskCache.Unsafe => new BlockObjectBuilder().Add("direct", false).Add("no-flush", true).Build(),
        _ => null,
    };

    /// <summary>The front end's <c>write-cache</c> for a cache mode: off for writethrough and directsync; null when the mode is the default.</summary>
    public static bool? WriteCache(DiskCache? cache) => cache switch
    {
        DiskCache.None or DiskCache.Writeback or DiskCache.Unsafe => true,
        DiskCache.Writethrough or DiskCache.Directsync => false,
        _ => null,
    };
}
