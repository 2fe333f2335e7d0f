using System.Collections.Immutable;
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
    private readonly List<SourceAttribute> _attributes = [];
    private readonly List<SourceElement> _children = [];
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
        _index = index;
        _localName = localName;
        _namespaceUri = namespaceUri;
        _line = line;
        _column = column;
        _attributes.Clear();
        _children.Clear();
        _text = null;
        _textInPieces = false;
        _onlyWhitespace = true;
        _piecesLength = 0;
    }

    /// <summary>Gives an element built at <paramref name="depth"/> to its parent, one level up; at depth 0 it is the root.</summary>
    public static void Attach(SourceElement element, List<PendingElement> levels, int depth, ref SourceElement? root)
    {
        if (depth > 0) levels[depth - 1].AddChild(element);
        else root = element;
    }

    public void AddAttribute(SourceAttribute attribute) => _attributes.Add(attribute);

    public void AddChild(SourceElement child) => _children.Add(child);

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
        // List.ToArray and a wrap: ImmutableArray.CreateRange would take the list as an IEnumerable and ask it
        // through interface casts, several hundred instructions for every element of every document.
        var element = new SourceElement(_localName, _namespaceUri, _line, _column,
            _attributes.Count == 0 ? [] : ImmutableCollectionsMarshal.AsImmutableArray(_attributes.ToArray()),
            _children.Count == 0 ? [] : ImmutableCollectionsMarshal.AsImmutableArray(_children.ToArray()),
            text, _index);
        // What the next element at this level does not need is let go now.
        _children.Clear();
        _attributes.Clear();
        if (_pieces.Length > MaxKeptPieces) _pieces = new char[64];
        return element;
    }
}
