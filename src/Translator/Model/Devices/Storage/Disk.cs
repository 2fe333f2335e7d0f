using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;disk type device rawio sgio snapshot&gt;</c>: a disk, CD-ROM, floppy or SCSI LUN and how
/// it reaches its backing store. Absent attributes and elements stay null (or false for the
/// presence flags <c>&lt;readonly/&gt;</c>, <c>&lt;shareable/&gt;</c>, <c>&lt;transient/&gt;</c>).
/// </summary>
public sealed record Disk
{
    /// <summary>The <c>type</c> attribute as given; when absent the source is read as a file source.</summary>
    public DiskType? Type { get; init; }
    public DiskDevice? Device { get; init; }
    /// <summary><c>model</c>: the virtio flavour (virtio disks only).</summary>
    public DiskModel? Model { get; init; }
    /// <summary><c>rawio='yes|no'</c> (LUNs only).</summary>
    public bool? RawIo { get; init; }
    public DiskSgio? Sgio { get; init; }
    public DiskSnapshot? Snapshot { get; init; }
    public DiskDriver? Driver { get; init; }
    /// <summary>Null when the disk has no <c>&lt;source&gt;</c> (an empty CD-ROM or floppy drive).</summary>
    public DiskSource? Source { get; init; }
    /// <summary><c>&lt;backingStore&gt;</c>: the images behind the source, as far as the document describes them.</summary>
    public DiskBackingStore? BackingStore { get; init; }
    /// <summary><c>&lt;backenddomain name&gt;</c> (Xen): the domain that serves the disk.</summary>
    public string? BackendDomain { get; init; }
    public required DiskTarget Target { get; init; }
    public DiskIoTune? IoTune { get; init; }
    public bool ReadOnly { get; init; }
    public bool Shareable { get; init; }
    public bool Transient { get; init; }
    /// <summary><c>&lt;transient shareBacking&gt;</c>: several guests share the backing image of a transient disk.</summary>
    public bool? TransientShareBacking { get; init; }
    public string? Serial { get; init; }
    /// <summary>World wide name: 16 hexadecimal digits as written (an optional 0x prefix kept).</summary>
    public string? Wwn { get; init; }
    /// <summary><c>&lt;vendor&gt;</c>: up to 8 printable characters (SCSI).</summary>
    public string? Vendor { get; init; }
    /// <summary><c>&lt;product&gt;</c>: up to 16 printable characters (SCSI).</summary>
    public string? Product { get; init; }
    public DiskEncryption? Encryption { get; init; }
    public DiskGeometry? Geometry { get; init; }
    public DiskBlockIo? BlockIo { get; init; }
    public uint? BootOrder { get; init; }
    public DiskAuth? Auth { get; init; }
    public DiskMirror? Mirror { get; init; }
    /// <summary><c>&lt;acpi index&gt;</c>: the ACPI index the guest sees.</summary>
    public uint? AcpiIndex { get; init; }
    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;target dev bus tray/&gt;</c>: the guest-side name and bus of a disk.</summary>
public sealed record DiskTarget
{
    /// <summary>The guest device name hint (<c>hda</c>, <c>vdb</c>, Xen's <c>ioemu:hda</c>, ...).</summary>
    public required string Dev { get; init; }
    public DiskBus? Bus { get; init; }
    public TrayState? Tray { get; init; }
    /// <summary><c>removable='on|off'</c> (USB and SCSI disks).</summary>
    public bool? Removable { get; init; }
    /// <summary><c>rotation_rate</c>: 1 for a solid-state disk, else RPM.</summary>
    public uint? RotationRate { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>
/// <c>&lt;driver name type cache error_policy rerror_policy io ioeventfd event_idx copy_on_read/&gt;</c>.
/// </summary>
public sealed record DiskDriver
{
    /// <summary>
    /// The backend driver: <c>qemu</c> for QEMU; <c>file</c>, <c>phy</c>, <c>tap</c>, <c>tap2</c> for
    /// Xen. Kept as a string: the set belongs to each hypervisor driver, which checks it.
    /// </summary>
    public string? Name { get; init; }
    /// <summary>The <c>type</c> attribute: the image format (or Xen blktap's <c>aio</c>).</summary>
    public DiskFormat? Format { get; init; }
    public DiskCache? Cache { get; init; }
    public DiskErrorPolicy? ErrorPolicy { get; init; }
    /// <summary><c>rerror_policy</c>: like <see cref="ErrorPolicy"/> but for reads (no <c>enospace</c>).</summary>
    public DiskErrorPolicy? ReadErrorPolicy { get; init; }
    public DiskIo? Io { get; init; }
    public bool? IoEventFd { get; init; }
    public bool? EventIdx { get; init; }
    public bool? CopyOnRead { get; init; }
    public DiskDiscard? Discard { get; init; }
    /// <summary><c>iothread</c>: the I/O thread that serves the disk.</summary>
    public uint? IoThread { get; init; }
    public DiskDetectZeroes? DetectZeroes { get; init; }
    public uint? Queues { get; init; }
    public uint? QueueSize { get; init; }
    public VirtioOptions? Virtio { get; init; }
    /// <summary><c>&lt;metadata_cache&gt;</c> of the top image.</summary>
    public MetadataCache? MetadataCache { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>
/// <c>&lt;iotune&gt;</c>: throttling limits. A total limit and a read or write limit of the same kind
/// (bytes or operations) exclude each other.
/// </summary>
public sealed record DiskIoTune
{
    public ulong? TotalBytesSec { get; init; }
    public ulong? ReadBytesSec { get; init; }
    public ulong? WriteBytesSec { get; init; }
    public ulong? TotalIopsSec { get; init; }
    public ulong? ReadIopsSec { get; init; }
    public ulong? WriteIopsSec { get; init; }
    public ulong? TotalBytesSecMax { get; init; }
    public ulong? ReadBytesSecMax { get; init; }
    public ulong? WriteBytesSecMax { get; init; }
    public ulong? TotalIopsSecMax { get; init; }
    public ulong? ReadIopsSecMax { get; init; }
    public ulong? WriteIopsSecMax { get; init; }
    public ulong? SizeIopsSec { get; init; }
    /// <summary><c>&lt;group_name&gt;</c>: disks of one group share their limits.</summary>
    public string? GroupName { get; init; }
    public ulong? TotalBytesSecMaxLength { get; init; }
    public ulong? ReadBytesSecMaxLength { get; init; }
    public ulong? WriteBytesSecMaxLength { get; init; }
    public ulong? TotalIopsSecMaxLength { get; init; }
    public ulong? ReadIopsSecMaxLength { get; init; }
    public ulong? WriteIopsSecMaxLength { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;encryption format engine&gt;&lt;secret type='passphrase' uuid|usage/&gt;&lt;cipher/&gt;&lt;ivgen/&gt;&lt;/encryption&gt;</c>.</summary>
public sealed record DiskEncryption
{
    public DiskEncryptionFormat? Format { get; init; }
    public EncryptionEngine? Engine { get; init; }
    public ImmutableArray<EncryptionSecret> Secrets { get; init; } = [];
    /// <summary><c>&lt;cipher name size mode hash/&gt;</c> (LUKS, as created).</summary>
    public EncryptionCipher? Cipher { get; init; }
    /// <summary><c>&lt;ivgen name hash/&gt;</c> (LUKS, as created).</summary>
    public EncryptionIvGen? IvGen { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>A secret of an encrypted volume: its type and the libvirt secret, by UUID or by usage (exactly one).</summary>
public sealed record EncryptionSecret
{
    public required EncryptionSecretType Type { get; init; }
    public Guid? Uuid { get; init; }
    public string? Usage { get; init; }
}

/// <summary><c>&lt;cipher name size mode hash/&gt;</c>: the LUKS cipher.</summary>
public sealed record EncryptionCipher
{
    public required string Name { get; init; }
    public required uint Size { get; init; }
    public string? Mode { get; init; }
    public string? Hash { get; init; }
}

/// <summary><c>&lt;ivgen name hash/&gt;</c>: the LUKS initialisation vector generator.</summary>
public sealed record EncryptionIvGen
{
    public required string Name { get; init; }
    public string? Hash { get; init; }
}

/// <summary><c>&lt;geometry cyls heads secs trans/&gt;</c>: the BIOS geometry to present.</summary>
public sealed record DiskGeometry
{
    public required uint Cylinders { get; init; }
    public required uint Heads { get; init; }
    public required uint Sectors { get; init; }
    public GeometryTranslation? Translation { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;blockio logical_block_size physical_block_size/&gt;</c>, in bytes.</summary>
public sealed record DiskBlockIo
{
    public uint? LogicalBlockSize { get; init; }
    public uint? PhysicalBlockSize { get; init; }
}

/// <summary><c>&lt;auth username&gt;&lt;secret type usage|uuid/&gt;&lt;/auth&gt;</c> for network disks.</summary>
public sealed record DiskAuth
{
    public required string Username { get; init; }
    public required DiskAuthSecret Secret { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>The secret an authenticated disk uses, named by its usage or its UUID (exactly one of them).</summary>
public sealed record DiskAuthSecret
{
    public required AuthSecretType Type { get; init; }
    public string? Usage { get; init; }
    public Guid? Uuid { get; init; }
}

/// <summary>
/// <c>&lt;mirror&gt;</c>: a block job in progress (status documents). libvirt 0.10.2 wrote
/// <c>file format</c> attributes; libvirt 9 writes <c>type job</c> with a <c>&lt;source&gt;</c>,
/// a <c>&lt;format&gt;</c> and a backing chain (and still reads the old form).
/// </summary>
public sealed record DiskMirror
{
    /// <summary>The old form's destination file; null in the new form.</summary>
    public string? File { get; init; }
    /// <summary>The old form's <c>format</c> attribute.</summary>
    public DiskFormat? Format { get; init; }
    public MirrorJob? Job { get; init; }
    /// <summary>The new form's <c>type</c>: the kind of <see cref="Source"/>.</summary>
    public DiskType? Type { get; init; }
    public DiskSource? Source { get; init; }
    /// <summary>The <c>&lt;format&gt;</c> child.</summary>
    public DiskImageFormat? ImageFormat { get; init; }
    public DiskBackingStore? BackingStore { get; init; }
    /// <summary><c>ready</c>: the copy has caught up (yes), or is being aborted or pivoted.</summary>
    public MirrorReady? Ready { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;mirror job&gt;</c>: which block job the mirror belongs to.</summary>
public enum MirrorJob { Copy, ActiveCommit }

/// <summary><c>&lt;mirror ready&gt;</c>.</summary>
public enum MirrorReady { Yes, Abort, Pivot }
