using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads a disk's <c>&lt;backingStore&gt;</c> chain, image by image.</summary>
internal static class DiskBackingStoreParser
{
    /// <summary>
    /// The longest chain read. The loader already bounds nesting at <see cref="XmlLimits.MaxDepth"/>
    /// levels; the same bound here keeps the reader's recursion independent of the loader's settings.
    /// </summary>
    public static readonly int MaxChainLength = XmlLimits.Default.MaxDepth;

    public static DiskBackingStore? Parse(ElementReader disk) =>
        disk.SingleChild("backingStore") is { } store ? Store(store, 1) : null;

    private static DiskBackingStore? Store(ElementReader store, int length)
    {
        if (length > MaxChainLength)
        {
            store.Error(DiagnosticCatalog.NumberOutOfRange,
                $"the backing chain is longer than {MaxChainLength} images");
            store.ReadWhole();
            return null;
        }
        // <backingStore/> with nothing in it ends the chain.
        if (!store.HasAttribute("type") && !store.Element.Children.Any())
            return new DiskBackingStore { Location = store.Location };
        var type = store.RequiredEnum("type", DiskXml.Type);
        var index = store.HasAttribute("index") ? store.UInt("index") : null;
        var format = store.SingleChild("format") is { } formatElement ? Format(formatElement) : null;
        if (format is null && type is not null)
            store.Error(DiagnosticCatalog.MissingElement, "missing required element <format>");
        var sourceElement = store.SingleChild("source");
        var source = sourceElement is not null && type is not null ? DiskSourceParser.Parse(sourceElement, type.Value) : null;
        var next = store.SingleChild("backingStore") is { } nextElement ? Store(nextElement, length + 1) : null;
        return type is null ? null : new DiskBackingStore
        {
            Type = type,
            Index = index,
            Format = format,
            Source = source,
            Next = next,
            Location = store.Location,
        };
    }

    /// <summary><c>&lt;format type&gt;</c> with its optional metadata cache bound.</summary>
    public static DiskImageFormat? Format(ElementReader format)
    {
        var type = format.RequiredEnum("type", DiskXml.Format);
        var cache = format.Child("metadata_cache") is { } cacheElement ? MetadataCache(cacheElement) : null;
        return type is null ? null : new DiskImageFormat { Type = type.Value, MetadataCache = cache };
    }

    /// <summary><c>&lt;metadata_cache&gt;&lt;max_size unit&gt;</c>, kept in bytes.</summary>
    public static MetadataCache MetadataCache(ElementReader cache)
    {
        var maxSize = cache.Child("max_size");
        return new MetadataCache { MaxSizeBytes = maxSize is null ? null : ScaledBytes(maxSize) };
    }

    /// <summary>A scaled integer element: its value times its unit (bytes when no unit is given).</summary>
    private static ulong? ScaledBytes(ElementReader element)
    {
        var unit = element.Attr("unit") ?? "bytes";
        if (!MemoryUnit.TryGetBytes(unit, out var perUnit))
        {
            element.AttrError("unit", DiagnosticCatalog.UnknownEnumValue,
                $"'{unit}' is not a size unit; allowed: {string.Join(", ", MemoryUnit.Names)}");
            return null;
        }
        var value = element.UnsignedText();
        if (value is null) return null;
        if (value.Value > ulong.MaxValue / perUnit)
        {
            element.Error(DiagnosticCatalog.NumberOutOfRange, $"{value} {unit} is too large; at most 16 EiB can be expressed");
            return null;
        }
        return value.Value * perUnit;
    }
}
