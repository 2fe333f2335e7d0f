using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Reads one element for a parser: attributes, children and text, typed and checked, each read
/// remembered so that what is left over can be reported as unknown. Every problem becomes a
/// diagnostic located at the attribute or element at fault; the accessors return null instead of
/// throwing, so a parser carries on and reports all problems of a document in one go.
/// </summary>
public sealed class ElementReader : IElementPath
{
    internal ElementReader(SourceElement element, string path, ParseContext context)
    {
        Element = element;
        _path = path;
        Context = context;
        context.MarkRead(element);
    }

    /// <summary>A child opened by name, at <paramref name="index"/> among its parent's children.</summary>
    // Inlined into the few walks that open children: a call for each of the ~25 readers a document opens by name.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ElementReader(SourceElement element, ElementReader parent, int index)
    {
        Element = element;
        _parent = parent;
        _indexInParent = index;
        Context = parent.Context;
        Context.MarkRead(element);
    }

    // Most children a parser opens are read and never named in a message: their path (a string, and
    // a walk over the siblings to index it) is made only when something asks for it.
    private string? _path;
    private readonly ElementReader? _parent;
    private readonly int _indexInParent;
    // For an element of many children, each child's place among its same-named siblings (see ChildPlaces), made at the
    // first child's path asked for: a walk over the siblings for each path asked would grow with the square of their number.
    private int[]? _childPlaces;

    public SourceElement Element { get; }

    /// <summary>Element path for messages, e.g. <c>domain/devices/disk[2]/target</c>.</summary>
    public string Path => _path ??= _parent!.PathOfChild(_indexInParent);

    /// <summary>The path of the child at <paramref name="index"/>.</summary>
    private string PathOfChild(int index)
    {
        var children = Element.Children;
        if (children.Length <= FewChildren) return ChildPathAt(Path, children, index);
        var place = (_childPlaces ??= ChildPlaces(children))[index];
        return ChildPath(Path, children[index], Math.Abs(place), indexed: place > 0);
    }

    /// <summary>
    /// For each child, its 1-based index among the children of its name: positive when there are several of them, negative
    /// when it is the only one (its path is not indexed).
    /// </summary>
    private static int[] ChildPlaces(ImmutableArray<SourceElement> children)
    {
        var counts = NameCounts(children);
        var places = new int[children.Length];
        for (var i = 0; i < places.Length; i++)
        {
            var (index, total) = NextOfName(counts, children[i].LocalName);
            places[i] = total > 1 ? index : -index;
        }
        return places;
    }

    public ParseContext Context { get; }

    public string Name => Element.LocalName;

    /// <summary>Where the element is; its path is made only when the location is asked for it (see <see cref="SourceLocation.Path"/>).</summary>
    public SourceLocation Location => new(Context.File, Element.Line, Element.Column, (IElementPath)this);

    // ---- attributes ----

    public bool HasAttribute(string name)
    {
        Context.AskedForAttribute(Element, name);
        return Element.Attribute(name) is not null;
    }

    /// <summary>The attribute's raw value, or null when absent.</summary>
    public string? Attr(string name)
    {
        Context.AskedForAttribute(Element, name);
        var attribute = Element.Attribute(name);
        if (attribute is null) return null;
        Context.MarkRead(attribute);
        return attribute.Value;
    }

    /// <summary>The attribute's value; reports an error when it is absent.</summary>
    public string? RequiredAttr(string name)
    {
        var value = Attr(name);
        if (value is null)
            Error(DiagnosticCatalog.MissingAttribute, $"missing required attribute '{name}'");
        return value;
    }

    public SourceLocation AttrLocation(string name)
    {
        var attribute = Element.Attribute(name);
        return attribute is null ? Location : new(Context.File, attribute.Line, attribute.Column, $"{Path}/@{name}");
    }

    public T? Enum<T>(string name, XmlEnum<T> table) where T : struct, Enum
    {
        var text = Attr(name);
        return text is null ? null : ParseEnum(text, table, name);
    }

    public T? RequiredEnum<T>(string name, XmlEnum<T> table) where T : struct, Enum
    {
        var text = RequiredAttr(name);
        return text is null ? null : ParseEnum(text, table, name);
    }

    /// <summary>A yes/no attribute.</summary>
    public bool? YesNo(string name) => Bool(name, "yes", "no");

    /// <summary>An on/off attribute.</summary>
    public bool? OnOff(string name) => Bool(name, "on", "off");

    private bool? Bool(string name, string trueWord, string falseWord)
    {
        var text = Attr(name);
        if (text is null) return null;
        if (text == trueWord) return true;
        if (text == falseWord) return false;
        AttrError(name, DiagnosticCatalog.UnknownEnumValue,
            $"'{text}' is not valid for attribute '{name}'; allowed: {trueWord}, {falseWord}");
        return null;
    }

    /// <summary>A signed integer attribute within [min, max]; hexadecimal (0x...) only when allowed.</summary>
    public long? Integer(string name, long min = long.MinValue, long max = long.MaxValue, bool allowHex = false)
    {
        var text = Attr(name);
        return text is null ? null : ParseInteger(text, min, max, allowHex, name);
    }

    public int? Int(string name, int min = int.MinValue, int max = int.MaxValue, bool allowHex = false) =>
        (int?)Integer(name, min, max, allowHex);

    /// <summary>An unsigned integer attribute no larger than max.</summary>
    public ulong? Unsigned(string name, ulong max = ulong.MaxValue, bool allowHex = false)
    {
        var text = Attr(name);
        return text is null ? null : ParseUnsigned(text, max, allowHex, name);
    }

    public uint? UInt(string name, uint max = uint.MaxValue, bool allowHex = false) =>
        (uint?)Unsigned(name, max, allowHex);

    // ---- children ----

    /// <summary>The first child element with this name (in no namespace), or null.</summary>
    public ElementReader? Child(string name, string namespaceUri = "")
    {
        if (namespaceUri.Length == 0) Context.AskedForChild(Element, name);
        // Most names asked for are absent, told without a walk over the children.
        if (!Element.MayHaveChild(name)) return null;
        var children = Element.Children;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (IsNamed(child, name, namespaceUri))
                return new ElementReader(child, this, i);
        }
        return null;
    }

    /// <summary>
    /// The child element with this name, or null, for elements that may appear once: a second one
    /// is an error (the reference silently used the first).
    /// </summary>
    public ElementReader? SingleChild(string name)
    {
        Context.AskedForChild(Element, name);
        if (!Element.MayHaveChild(name)) return null;
        // One walk over the children, not Children's enumerator: parsers ask this of every element they read.
        ElementReader? first = null;
        var children = Element.Children;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (!IsNamed(child, name, "")) continue;
            var reader = new ElementReader(child, this, i);
            if (first is null) first = reader;
            else
            {
                reader.Error(DiagnosticCatalog.DuplicateElement, $"only one <{name}> is allowed in <{Name}>");
                // Already an error: its attributes are not reported again as unknown.
                reader.ReadWhole();
            }
        }
        return first;
    }

    /// <summary>Every child element with this name (in no namespace), in document order.</summary>
    public IEnumerable<ElementReader> Children(string name, string namespaceUri = "")
    {
        if (namespaceUri.Length == 0) Context.AskedForChild(Element, name);
        // Most names asked for are absent: those cost no enumerator, and most no walk either.
        if (!Element.MayHaveChild(name)) return [];
        var children = Element.Children;
        for (var i = 0; i < children.Length; i++)
            if (SameName(children[i].LocalName, name)) return ChildrenNamed(name, namespaceUri, i);
        return [];
    }

    /// <summary>
    /// Every child element with this name (in no namespace, unless one is given) that <paramref name="parse"/> makes an
    /// item of, in document order; a child it makes nothing of (null) is left out. The children are walked here: Children
    /// and Select made an iterator, a selector and an enumeration through interfaces for every list asked for, most of
    /// them absent. The builder is made at the first item.
    /// </summary>
    public ImmutableArray<T> ChildrenParsed<T>(string name, Func<ElementReader, T?> parse, string namespaceUri = "") where T : class
    {
        if (namespaceUri.Length == 0) Context.AskedForChild(Element, name);
        if (!Element.MayHaveChild(name)) return [];
        ImmutableArray<T>.Builder? items = null;
        var children = Element.Children;
        for (var i = 0; i < children.Length; i++)
        {
            if (!IsNamed(children[i], name, namespaceUri)) continue;
            if (parse(new ElementReader(children[i], this, i)) is { } item) (items ??= ImmutableArray.CreateBuilder<T>()).Add(item);
        }
        return items is null ? [] : items.DrainToImmutable();
    }

    /// <summary>The children called <paramref name="name"/> from <paramref name="first"/> on, each opened as it is reached.</summary>
    private IEnumerable<ElementReader> ChildrenNamed(string name, string namespaceUri, int first)
    {
        var children = Element.Children;
        for (var i = first; i < children.Length; i++)
        {
            var child = children[i];
            if (IsNamed(child, name, namespaceUri))
                yield return new ElementReader(child, this, i);
        }
    }

    private static bool IsNamed(SourceElement child, string name, string namespaceUri) =>
        SameName(child.LocalName, name) && child.NamespaceUri == namespaceUri;

    // Length and first character first: most children a parser walks past have other names, nearly all of them
    // of another length or initial (names of four letters abound), and this test costs no call to String.Equals
    // for those. Inlined into the walks that ask it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SameName(string localName, string name) =>
        localName.Length == name.Length && (name.Length == 0 || localName[0] == name[0]) && localName == name;

    /// <summary>Every child element, whatever its name, in document order (not yet marked read).</summary>
    public IEnumerable<(SourceElement Element, string Path)> AllChildren() => ChildPaths(Element, Path);

    /// <summary>A reader over a child found through <see cref="AllChildren"/>.</summary>
    public ElementReader Open(SourceElement child, string path) => new(child, path, Context);

    /// <summary>A reader over the child at <paramref name="index"/> of <see cref="SourceElement.Children"/>, whatever its name; its path is made when asked.</summary>
    public ElementReader ChildAt(int index) => new(Element.Children[index], this, index);

    public bool HasChild(string name)
    {
        Context.AskedForChild(Element, name);
        if (!Element.MayHaveChild(name)) return false;
        var children = Element.Children;
        for (var i = 0; i < children.Length; i++)
            if (SameName(children[i].LocalName, name) && children[i].NamespaceUri.Length == 0) return true;
        return false;
    }

    /// <summary>The text of a child element, or null when the child is absent.</summary>
    public string? ChildText(string name) => Child(name)?.Text;

    /// <summary>The text of a child element, trimmed; null when the child is absent.</summary>
    public string? ChildTrimmedText(string name) => Child(name)?.Text.Trim();

    // ---- text ----

    public string Text => Element.Text;

    public ulong? UnsignedText(ulong max = ulong.MaxValue) =>
        ParseUnsigned(Text.Trim(), max, allowHex: false, attribute: null);

    public long? IntegerText(long min = long.MinValue, long max = long.MaxValue) =>
        ParseInteger(Text.Trim(), min, max, allowHex: false, attribute: null);

    public T? EnumText<T>(XmlEnum<T> table) where T : struct, Enum =>
        ParseEnum(Text.Trim(), table, attribute: null);

    /// <summary>Takes back the mark of an element opened only to look at its name: it stays unknown.</summary>
    public void LeaveUnread() => Context.MarkUnread(Element);

    /// <summary>Marks this element and everything inside it as understood.</summary>
    public void ReadWhole() => Context.MarkOpaque(Element);

    // ---- diagnostics ----

    public void Error(DiagnosticCode code, string message) => Context.Diagnostics.Error(code, Location, message);

    public void Warning(DiagnosticCode code, string message) => Context.Diagnostics.Warning(code, Location, message);

    public void AttrError(string name, DiagnosticCode code, string message) =>
        Context.Diagnostics.Error(code, AttrLocation(name), message);

    // ---- shared value parsing ----

    // A value is read from an attribute (named) or from the element's text (attribute null). Where it
    // is and what to call it are worked out only for a message: most values are fine, and these
    // strings would otherwise be made for every value read.
    private SourceLocation ValueLocation(string? attribute) => attribute is null ? Location : AttrLocation(attribute);

    private string ValueName(string? attribute, string ofText) => attribute is null ? ofText : $"attribute '{attribute}'";

    private string NumberName(string? attribute) => ValueName(attribute, $"<{Name}> value");

    private T? ParseEnum<T>(string text, XmlEnum<T> table, string? attribute) where T : struct, Enum
    {
        if (table.TryParse(text, out var value)) return value;
        Context.Diagnostics.Error(DiagnosticCatalog.UnknownEnumValue, ValueLocation(attribute),
            $"'{text}' is not valid for {ValueName(attribute, $"<{Name}>")}; allowed: {table.AllowedList}");
        return null;
    }

    private ulong? ParseUnsigned(string text, ulong max, bool allowHex, string? attribute)
    {
        var read = ReadNumber(Digits(text, allowHex, out var hex), hex, out var value);
        if (read == NumberRead.Number && value <= max) return value;
        if (read != NumberRead.NotDigits)
        {
            Context.Diagnostics.Error(DiagnosticCatalog.NumberOutOfRange, ValueLocation(attribute),
                $"{NumberName(attribute)} '{text}' is too large; the largest allowed is {max}");
            return null;
        }
        if (text.StartsWith('-') && ReadNumber(text.AsSpan(1), hex: false, out _) != NumberRead.NotDigits)
        {
            Context.Diagnostics.Error(DiagnosticCatalog.NumberOutOfRange, ValueLocation(attribute), $"{NumberName(attribute)} '{text}' must not be negative");
            return null;
        }
        Context.Diagnostics.Error(DiagnosticCatalog.InvalidNumber, ValueLocation(attribute),
            $"{NumberName(attribute)} '{text}' is not a non-negative integer");
        return null;
    }

    private long? ParseInteger(string text, long min, long max, bool allowHex, string? attribute)
    {
        var negative = text.StartsWith('-');
        var read = ReadNumber(Digits(negative ? text.AsSpan(1) : text, allowHex, out var hex), hex, out var magnitude);
        if (read == NumberRead.NotDigits)
        {
            Context.Diagnostics.Error(DiagnosticCatalog.InvalidNumber, ValueLocation(attribute), $"{NumberName(attribute)} '{text}' is not an integer");
            return null;
        }
        if (read == NumberRead.Number)
        {
            var limit = negative ? (ulong)long.MaxValue + 1 : long.MaxValue;
            if (magnitude <= limit)
            {
                var value = negative ? (long)(0 - magnitude) : (long)magnitude;
                if (value >= min && value <= max) return value;
            }
        }
        Context.Diagnostics.Error(DiagnosticCatalog.NumberOutOfRange, ValueLocation(attribute),
            $"{NumberName(attribute)} '{text}' is out of range; allowed: {min} to {max}");
        return null;
    }

    /// <summary>The digits of a number: after its <c>0x</c> or <c>0X</c> when hexadecimal is allowed and it is written so.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<char> Digits(ReadOnlySpan<char> text, bool allowHex, out bool hex)
    {
        hex = allowHex && text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
        return hex ? text[2..] : text;
    }

    private enum NumberRead { Number, TooLarge, NotDigits }

    /// <summary>
    /// The value of ASCII decimal (or hexadecimal) digits, leading zeros allowed; <see cref="NumberRead.NotDigits"/> when
    /// there are none or one is something else (told before a value too large for 64 bits, as before). Read here, one step
    /// a digit: a substring for the hexadecimal ones, a check of every character, then ulong.TryParse with its culture and
    /// style cost ~230 instructions a number, and addresses alone have four or five.
    /// </summary>
    private static NumberRead ReadNumber(ReadOnlySpan<char> digits, bool hex, out ulong value)
    {
        value = 0;
        if (digits.Length == 0) return NumberRead.NotDigits;
        var tooLarge = false;
        foreach (var ch in digits)
        {
            uint digit;
            if (char.IsAsciiDigit(ch)) digit = (uint)(ch - '0');
            else if (hex && char.IsAsciiHexDigit(ch)) digit = (uint)((ch | 0x20) - 'a' + 10);
            else return NumberRead.NotDigits;
            if (tooLarge) continue;
            if (hex)
            {
                if (value > ulong.MaxValue >> 4) tooLarge = true;
                else value = (value << 4) | digit;
            }
            else if (value > ulong.MaxValue / 10 || (value == ulong.MaxValue / 10 && digit > ulong.MaxValue % 10)) tooLarge = true;
            else value = value * 10 + digit;
        }
        if (tooLarge) value = 0;
        return tooLarge ? NumberRead.TooLarge : NumberRead.Number;
    }

    /// <summary>The path of the child at <paramref name="index"/>: one pass over its siblings, no allocation but the path.</summary>
    private static string ChildPathAt(string parentPath, ImmutableArray<SourceElement> children, int index)
    {
        var (at, total) = PlaceAmongSiblings(children, index);
        return ChildPath(parentPath, children[index], at, total > 1);
    }

    /// <summary>A child's path: indexed (<c>disk[2]</c>) only when it has same-named siblings.</summary>
    private static string ChildPath(string parentPath, SourceElement child, int index, bool indexed)
    {
        var name = child.NamespaceUri.Length > 0 && child.NamespaceUri == XmlNamespaces.QemuCommandLine
            ? "qemu:" + child.LocalName
            : child.LocalName;
        return indexed ? IndexedPath(parentPath, name, index) : string.Concat(parentPath, "/", name);
    }

    /// <summary>
    /// <c>parent/name[index]</c>, written straight into a string of its exact length: an interpolated string
    /// rents, fills and returns a pooled buffer, several hundred instructions for each indexed child.
    /// </summary>
    private static string IndexedPath(string parentPath, string name, int index)
    {
        var digits = 1;
        for (var rest = index; rest >= 10; rest /= 10) digits++;
        return string.Create(parentPath.Length + name.Length + digits + 3, (parentPath, name, index), static (path, parts) =>
        {
            parts.parentPath.CopyTo(path);
            var at = parts.parentPath.Length;
            path[at++] = '/';
            parts.name.CopyTo(path[at..]);
            at += parts.name.Length;
            path[at++] = '[';
            parts.index.TryFormat(path[at..], out var written, provider: CultureInfo.InvariantCulture);
            path[at + written] = ']';
        });
    }

    internal static IEnumerable<(SourceElement Element, string Path)> ChildPaths(SourceElement parent, string parentPath)
    {
        // Index a child in its path only when it has same-named siblings: disk[2], not name[1]. A few
        // children are counted by looking at their siblings; many, through one table of names.
        var children = parent.Children;
        var counts = children.Length > FewChildren ? NameCounts(children) : null;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            var (index, total) = counts is null ? PlaceAmongSiblings(children, i) : NextOfName(counts, child.LocalName);
            yield return (child, ChildPath(parentPath, child, index, total > 1));
        }
    }

    private const int FewChildren = 16;

    private static Dictionary<string, (int Seen, int Total)> NameCounts(ImmutableArray<SourceElement> children)
    {
        var counts = new Dictionary<string, (int Seen, int Total)>(StringComparer.Ordinal);
        for (var i = 0; i < children.Length; i++)
            CollectionsMarshal.GetValueRefOrAddDefault(counts, children[i].LocalName, out _).Total++;
        return counts;
    }

    /// <summary>The 1-based index of the next child with this name, and how many have it.</summary>
    private static (int Index, int Total) NextOfName(Dictionary<string, (int Seen, int Total)> counts, string name)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(counts, name);
        count.Seen++;
        return (count.Seen, count.Total);
    }

    /// <summary>The 1-based index of the child at <paramref name="at"/> among its same-named siblings, and how many there are.</summary>
    private static (int Index, int Total) PlaceAmongSiblings(ImmutableArray<SourceElement> children, int at)
    {
        var name = children[at].LocalName;
        int before = 0, total = 0;
        for (var j = 0; j < children.Length; j++)
        {
            if (!SameName(children[j].LocalName, name)) continue;
            total++;
            if (j < at) before++;
        }
        return (before + 1, total);
    }
}
