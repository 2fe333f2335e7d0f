using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Qemu.Plan.Blockdev;

/// <summary>
/// A disk's storage as a <c>-blockdev</c> node graph: the objects the nodes name (secrets, TLS
/// credentials, a throttle group the disk is the first member of), the nodes in the order QEMU must
/// read them (each after the nodes it refers to), and the node the front end takes as <c>drive=</c>;
/// an empty drive has no nodes and no top node.
/// </summary>
public sealed record PlannedBlockGraph(ImmutableArray<PlannedQemuObject> Objects, ImmutableArray<PlannedBlockNode> Nodes, string? TopNode)
{
    public static readonly PlannedBlockGraph Empty = new([], [], null);

    /// <summary>The front end's <c>write-cache</c> (the writeback half of libvirt's cache mode), or null to leave it out.</summary>
    public bool? WriteCache { get; init; }

    /// <summary>
    /// The front end's <c>share-rw=on</c>, for a <c>&lt;shareable/&gt;</c> disk: QEMU locks the images it opens, and
    /// without it a second guest could not open the image the first one writes.
    /// </summary>
    public bool ShareRw { get; init; }

    /// <summary>The top image's format node; <see cref="TopNode"/> differs when a transient overlay or filters (copy-on-read, throttle) sit above it.</summary>
    public string? ImageNode { get; init; }

    /// <summary>For a vhost-user disk: the socket chardev the <c>vhost-user-blk-pci</c> front end talks to (no nodes then).</summary>
    public PlannedVhostUserSocket? VhostUser { get; init; }

    /// <summary>
    /// The guest's managed qemu-pr-helper, on the graph of the first disk whose reservations are managed (its object is
    /// among <see cref="Objects"/>); the launcher starts the helper at this socket.
    /// </summary>
    public string? ManagedPrHelperSocket { get; init; }

    /// <summary>For a <c>&lt;transient/&gt;</c> disk: the overlay that takes the guest's writes above the read-only image.</summary>
    public PlannedTransientOverlay? TransientOverlay { get; init; }
}

/// <summary>
/// The qcow2 overlay of a transient disk: the launcher creates <see cref="Path"/> empty (the image's virtual size, read
/// from <see cref="BaseImage"/>) before the start, and the run directory holding it goes when the guest does, so the
/// guest's writes never reach the image. The overlay node names the image's format node as its backing.
/// </summary>
public sealed record PlannedTransientOverlay(string Path, string BaseImage, string OverlayNode, string BaseNode);

/// <summary>The client socket of a vhost-user disk: the chardev id, the server's path and the reconnect delay (seconds), if any.</summary>
public sealed record PlannedVhostUserSocket(string ChardevId, string Path, uint? ReconnectSeconds);
