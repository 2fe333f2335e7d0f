using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Xml;

namespace DomainLauncher.Translator.Xml;

/// <summary>
/// An element whose end tag is still to come, at one level of the tree. Its lists and text buffer
/// are reused by the next element at that level; what <see cref="Build"/> makes keeps no part of them.
/// Most elements have no children or attributes, and the text of most is one piece (or none).
/// </summary>
internal sealed class PendingElement
{
    // The attributes and children so far, in arrays of this level's own (grown as needed) rather than lists:
    // List.ToArray and List.Clear cost a few hundred instructions an element between them.
    private SourceAttribute[] _attributes = new SourceAttribute[4];
    private SourceElement[] _children = new SourceElement[4];
    private int _attributeCount;
    private int _childCount;
    // The text, once it came in more than one piece or as indentation: the pieces, in order.
    private char[] _pieces = new char[64];
    private int _piecesLength;
    private string _localName = "";
    private string _namespaceUri = "";
    private int _line;
    private int _column;
    private int _index;
    private string? _text;
    private bool _textInPieces;
    private bool _onlyWhitespace;

    /// <summary>Above this many characters the pieces' buffer is not kept for the next element.</summary>
    private const int MaxKeptPieces = 64 * 1024;

    public void Start(string localName, string namespaceUri, int line, int column, int index)
    {
        Start(line, column, index);
        Name(localName, namespaceUri);
    }

    /// <summary>Starts an element whose name is given after its attributes (<see cref="Name"/>): the plain reader knows its namespace at the end of the tag.</summary>
    public void Start(int line, int column, int index)
    {
        _index = index;
        _line = line;
        _column = column;
        _attributeCount = 0;
        _childCount = 0;
        _text = null;
        _textInPieces = false;
        _onlyWhitespace = true;
        _piecesLength = 0;
    }

    public void Name(string localName, string namespaceUri)
    {
        _localName = localName;
        _namespaceUri = namespaceUri;
    }

    /// <summary>Gives an element built at <paramref name="depth"/> to its parent, one level up; at depth 0 it is the root.</summary>
    public static void Attach(SourceElement element, List<PendingElement> levels, int depth, ref SourceElement? root)
    {
        if (depth > 0) levels[depth - 1].AddChild(element);
        else root = element;
    }

    // One method per item type, not one generic: in shared generic code each store into the array is checked
    // against the array's actual type (a call per item); into an array of a sealed type it needs no check.
    // Inlined: one call per attribute and per element saved.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddAttribute(SourceAttribute attribute)
    {
        if (_attributeCount == _attributes.Length) Array.Resize(ref _attributes, 2 * _attributes.Length);
        _attributes[_attributeCount++] = attribute;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddChild(SourceElement child)
    {
        if (_childCount == _children.Length) Array.Resize(ref _children, 2 * _children.Length);
        _children[_childCount++] = child;
    }

    public void AddText(string text)
    {
        _onlyWhitespace = false;
        if (!_textInPieces && _text is null)
        {
            _text = text;
            return;
        }
        StartPieces();
        Append(text);
    }

    /// <summary>A piece of text read from the document's characters, whitespace only or not.</summary>
    public void AddText(ReadOnlySpan<char> text, bool onlyWhitespace)
    {
        if (!onlyWhitespace) _onlyWhitespace = false;
        StartPieces();
        Append(text);
    }

    /// <summary>The reader's whitespace node, read straight into the pieces.</summary>
    public void AddWhitespace(XmlReader reader)
    {
        StartPieces();
        while (true)
        {
            if (_pieces.Length - _piecesLength < 64) Array.Resize(ref _pieces, _pieces.Length * 2);
            var read = reader.ReadValueChunk(_pieces, _piecesLength, _pieces.Length - _piecesLength);
            if (read == 0) return;
            _piecesLength += read;
        }
    }

    private void StartPieces()
    {
        if (_textInPieces) return;
        _textInPieces = true;
        if (_text is not null) Append(_text);
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_pieces.Length - _piecesLength < text.Length)
            Array.Resize(ref _pieces, Math.Max(_pieces.Length * 2, _piecesLength + text.Length));
        text.CopyTo(_pieces.AsSpan(_piecesLength));
        _piecesLength += text.Length;
    }

    public SourceElement Build(KeptStrings whitespace)
    {
        var pieces = _pieces.AsSpan(0, _piecesLength);
        var text = !_textInPieces ? _text ?? "" : _onlyWhitespace ? whitespace.Of(pieces) : new string(pieces);
        // A copy of exactly the items and a wrap: ImmutableArray.CreateRange would take them as an IEnumerable
        // and ask through interface casts, several hundred instructions for every element of every document.
        var element = new SourceElement(_localName, _namespaceUri, _line, _column,
            _attributeCount == 0 ? [] : ImmutableCollectionsMarshal.AsImmutableArray(TakeOutAttributes()),
            _childCount == 0 ? [] : ImmutableCollectionsMarshal.AsImmutableArray(TakeOutChildren()),
            text, _index);
        _attributeCount = 0;
        _childCount = 0;
        if (_pieces.Length > MaxKeptPieces) _pieces = new char[64];
        if (_children.Length > MaxKeptItems) _children = new SourceElement[4];
        if (_attributes.Length > MaxKeptItems) _attributes = new SourceAttribute[4];
        return element;
    }

    /// <summary>Above this many the arrays of attributes and children are not kept for the next element.</summary>
    private const int MaxKeptItems = 1024;

    /// <summary>
    /// The attributes so far, in an array of their own; their places are cleared, so that what the next element at
    /// this level does not need is let go now. (Each item type has its own method: see <see cref="AddAttribute"/>.)
    /// </summary>
    private SourceAttribute[] TakeOutAttributes()
    {
        var items = _attributes;
        var taken = new SourceAttribute[_attributeCount];
        for (var i = 0; i < taken.Length; i++)
        {
            taken[i] = items[i];
            items[i] = null!;
        }
        return taken;
    }

    /// <summary>The children so far, as <see cref="TakeOutAttributes"/> takes the attributes.</summary>
    private SourceElement[] TakeOutChildren()
    {
        var items = _children;
        var taken = new SourceElement[_childCount];
        for (var i = 0; i < taken.Length; i++)
        {
            taken[i] = items[i];
            items[i] = null!;
        }
        return taken;
    }
}
