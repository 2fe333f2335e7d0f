using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;backingStore type index&gt;&lt;format/&gt;&lt;source/&gt;&lt;backingStore/&gt;&lt;/backingStore&gt;</c>:
/// one image of a disk's backing chain and the rest of the chain behind it. An empty
/// <c>&lt;backingStore/&gt;</c> (no type) says the chain ends here.
/// </summary>
public sealed record DiskBackingStore
{
    /// <summary>Null for the empty element that ends the chain.</summary>
    public DiskType? Type { get; init; }
    public uint? Index { get; init; }
    public DiskImageFormat? Format { get; init; }
    public DiskSource? Source { get; init; }
    /// <summary>The next image of the chain, or null when the document says nothing more.</summary>
    public DiskBackingStore? Next { get; init; }
    public SourceLocation Location { get; init; }

    /// <summary>True for the empty element that says the chain ends.</summary>
    public bool IsEnd => Type is null;
}

/// <summary><c>&lt;format type&gt;&lt;metadata_cache&gt;&lt;max_size/&gt;&lt;/metadata_cache&gt;&lt;/format&gt;</c> of a chain image.</summary>
public sealed record DiskImageFormat
{
    public required DiskFormat Type { get; init; }
    /// <summary>Present when <c>&lt;metadata_cache&gt;</c> is given; its max_size (bytes) may still be null.</summary>
    public MetadataCache? MetadataCache { get; init; }
}

/// <summary><c>&lt;metadata_cache&gt;&lt;max_size unit&gt;N&lt;/max_size&gt;&lt;/metadata_cache&gt;</c>: the qcow2 metadata cache bound, in bytes.</summary>
public sealed record MetadataCache
{
    public ulong? MaxSizeBytes { get; init; }
}
