using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace DomainLauncher.Translator.Xml;

/// <summary>
/// Reads the XML domain documents are written in (UTF-8; elements, attributes, text, comments, the
/// five predefined entities and namespace declarations) straight from the document's characters into
/// the tree, without an XmlReader and the buffers and tables it makes for every document. It accepts
/// only what it has checked to be well-formed in full: anything else (a DTD, CDATA, a processing
/// instruction, a character reference, another encoding, a name outside ASCII, an <c>xml:</c>
/// attribute, any error, a limit reached) makes it give up, and the loader reads the document again
/// with the XmlReader, which words every refusal. So every tree it makes is the one the XmlReader
/// would have made, positions included.
/// </summary>
internal sealed class PlainXmlReader
{
    [ThreadStatic] private static PlainXmlReader? t_reader;

    /// <summary>This thread's reader: its buffers and names serve the thread's documents one after the other.</summary>
    public static PlainXmlReader OfThisThread => t_reader ??= new PlainXmlReader();

    // Bounds that keep every step linear: more attributes on one element or more namespace
    // declarations in one document than this are left to the XmlReader (real documents have a few).
    private const int MaxAttributes = 32;
    private const int MaxNamespaceDeclarations = 16;
    /// <summary>A character buffer larger than this (a very large document) is not kept for the next one.</summary>
    private const int MaxKeptChars = 256 * 1024;

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    // Characters XML 1.0 does not allow anywhere in a document (the decoder already refuses lone surrogates). Texts
    // and attribute values are told them as they are scanned (NotXml, and the two above U+FFFD), comments and the
    // rest of a value that needs more than a copy through this set; every other character the reader accepts is
    // one it compares with what the grammar expects there, so a document that has one is never read here.
    private static readonly SearchValues<char> s_notXmlChars = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    // What each ASCII character is to the reader, looked up one character at a time: names, values and
    // texts are a few characters long, too short for a vectorized search to pay for its set-up.
    private const byte NameStart = 1;
    private const byte NamePart = 2; // the colon aside: a name has at most one, looked at on its own
    private const byte ValueSpecial = 4; // in an attribute value: more than a copy of its characters
    private const byte Quote = 16; // may close an attribute value
    private const byte TextStop = 32; // in a text: its end, a line end, or more than a copy of its characters
    private const byte NotXml = 64; // the controls XML does not allow (all but tab, LF and CR)
    // By character code 0-127: letters and '_' are NameStart | NamePart, digits, '.' and '-' NamePart,
    // '<', '&', tab, LF and CR ValueSpecial, '"' and '\'' Quote, '<', '&', ']', LF and CR TextStop, the other
    // controls NotXml. Data in the binary, no table to build.
    private static ReadOnlySpan<byte> Classes =>
    [
        64, 64, 64, 64, 64, 64, 64, 64, 64, 4, 36, 64, 64, 36, 64, 64,
        64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
        0, 0, 16, 0, 0, 0, 36, 16, 0, 0, 0, 0, 0, 2, 2, 0,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 36, 0, 0, 0,
        0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 32, 0, 3,
        0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
    ];

    private static bool Is(char ch, byte @class) => ch < 128 && (Classes[ch] & @class) != 0;

    private static bool IsOutsideAscii(char ch) => ch >= 128;

    /// <summary>Whether a character outside ASCII is one XML does not allow: U+FFFE or U+FFFF.</summary>
    private static bool IsNotXml(char ch) => ch >= '\uFFFE';

    private readonly KeptStrings _names = new();
    private readonly RawAttribute[] _attributes = new RawAttribute[MaxAttributes];
    // The values of the start tag's attributes not added as they were read (declarations, prefixed ones and those after them).
    private readonly string?[] _values = new string?[MaxAttributes];
    private readonly Namespace[] _namespaces = new Namespace[MaxNamespaceDeclarations];
    private readonly List<(int Start, int Length)> _openNames = [];
    // Sized by the documents read (a one-shot command reads one), up to MaxKeptChars kept for the next.
    private char[] _chars = [];
    private char[] _value = new char[256];
    private char[] _document = [];
    private int _end;
    private int _pos;
    private int _line;
    private int _lineStart;
    private int _namespaceCount;
    private int _attributeCount;

    private PlainXmlReader()
    {
    }

    /// <summary>The root of <paramref name="bytes"/>, or null when the XmlReader is to read them.</summary>
    public SourceElement? TryRead(ReadOnlySpan<byte> bytes, XmlLimits limits, List<PendingElement> levels, KeptStrings whitespace)
    {
        if (bytes.Length > limits.MaxBytes) return null;
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        var chars = bytes.Length <= _chars.Length ? _chars
            : bytes.Length <= MaxKeptChars ? _chars = new char[Math.Min(MaxKeptChars, Math.Max(bytes.Length, 2 * _chars.Length))]
            : new char[bytes.Length];
        if (Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done) return null;
        _document = chars;
        _end = written;
        _pos = 0;
        _line = 1;
        _lineStart = 0;
        _namespaceCount = 0;
        _attributeCount = 0;
        _openNames.Clear();
        try
        {
            return ReadDocument(limits, levels, whitespace);
        }
        finally
        {
            _document = [];
        }
    }

    private SourceElement? ReadDocument(XmlLimits limits, List<PendingElement> levels, KeptStrings whitespace)
    {
        if (At("<?xml") && _end > 5 && IsSpace(_document[5]) && !XmlDeclaration()) return null;
        if (!Misc() || !At("<")) return null;
        SourceElement? root = null;
        var depth = 0;
        var elementCount = 0;
        do
        {
            if (_pos >= _end) return null;
            if (_document[_pos] != '<')
            {
                if (depth == 0 || !Text(levels[depth - 1])) return null;
                continue;
            }
            if (_pos + 1 >= _end) return null;
            var next = _document[_pos + 1];
            if (next == '/')
            {
                if (depth == 0 || !EndTag()) return null;
                depth--;
                EndScope(depth);
                PendingElement.Attach(levels[depth].Build(whitespace), levels, depth, ref root);
            }
            else if (next == '!')
            {
                if (depth == 0 || !Comment()) return null;
            }
            else
            {
                if (++elementCount > limits.MaxElements || depth >= limits.MaxDepth) return null;
                if (depth == levels.Count) levels.Add(new PendingElement());
                if (!StartTag(levels[depth], depth, elementCount - 1, out var empty)) return null;
                if (empty)
                {
                    EndScope(depth);
                    PendingElement.Attach(levels[depth].Build(whitespace), levels, depth, ref root);
                }
                else
                    depth++;
            }
        }
        while (depth > 0);
        return Misc() && _pos == _end ? root : null;
    }

    private bool At(string literal) => _document.AsSpan(_pos, _end - _pos).StartsWith(literal);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(char ch) => ch is ' ' or '\t' or '\n' or '\r';

    private static bool IsNameStart(char ch) => ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    /// <summary>Whitespace and comments, as may stand before and after the root element.</summary>
    private bool Misc()
    {
        while (true)
        {
            SkipSpace();
            if (!At("<!--")) return true;
            if (!Comment()) return false;
        }
    }

    // Most places where space may stand have none: that is told here, inlined, without a call.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool SkipSpace() => _pos < _end && IsSpace(_document[_pos]) && SkipSpaceFromHere();

    private bool SkipSpaceFromHere()
    {
        var start = _pos;
        while (_pos < _end)
        {
            var ch = _document[_pos];
            if (ch is ' ' or '\t') _pos++;
            else if (ch == '\n') NewLineAfter(_pos++);
            else if (ch == '\r')
            {
                if (++_pos < _end && _document[_pos] == '\n') _pos++;
                NewLineAfter(_pos - 1);
            }
            else break;
        }
        return _pos > start;
    }

    /// <summary>A line ends with the character at <paramref name="at"/>; the next starts after it.</summary>
    private void NewLineAfter(int at)
    {
        _line++;
        _lineStart = at + 1;
    }

    /// <summary>Counts the line ends among the characters from <paramref name="start"/> up to <paramref name="end"/>.</summary>
    private void CountLines(int start, int end)
    {
        while (start < end)
        {
            var found = _document.AsSpan(start, end - start).IndexOfAny('\n', '\r');
            if (found < 0) return;
            var at = start + found;
            // A CR LF pair ends one line, at its LF.
            if (_document[at] == '\n' || at + 1 >= _end || _document[at + 1] != '\n') NewLineAfter(at);
            start = at + 1;
        }
    }

    /// <summary>&lt;?xml version="1.0" encoding="UTF-8" standalone="yes"?&gt;, the last two optional.</summary>
    private bool XmlDeclaration()
    {
        _pos = 5;
        SkipSpace();
        if (!PseudoAttribute("version", out var version) || !version.SequenceEqual("1.0")) return false;
        var space = SkipSpace();
        if (space && At("encoding"))
        {
            if (!PseudoAttribute("encoding", out var encoding)
                || !encoding.Equals("UTF-8", StringComparison.OrdinalIgnoreCase))
                return false;
            space = SkipSpace();
        }
        if (space && At("standalone"))
        {
            if (!PseudoAttribute("standalone", out var standalone) || !(standalone.SequenceEqual("yes") || standalone.SequenceEqual("no")))
                return false;
            SkipSpace();
        }
        if (!At("?>")) return false;
        _pos += 2;
        return true;
    }

    private bool PseudoAttribute(string name, out ReadOnlySpan<char> value)
    {
        value = default;
        if (!At(name)) return false;
        _pos += name.Length;
        if (!ValueOpens(out var quote)) return false;
        var length = _document.AsSpan(_pos, _end - _pos).IndexOf(quote);
        if (length < 0) return false;
        value = _document.AsSpan(_pos, length);
        _pos += length + 1;
        return true;
    }

    /// <summary>What follows an attribute's name up to its value: <c>=</c> between optional spaces, then the opening quote.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ValueOpens(out char quote)
    {
        // Nearly every attribute is written name='value', with nothing around the '=': told here, inlined.
        if (_pos + 1 < _end && _document[_pos] == '=' && _document[_pos + 1] is '"' or '\'')
        {
            quote = _document[_pos + 1];
            _pos += 2;
            return true;
        }
        return ValueOpensAfterSpace(out quote);
    }

    private bool ValueOpensAfterSpace(out char quote)
    {
        quote = default;
        SkipSpace();
        if (!At("=")) return false;
        _pos++;
        SkipSpace();
        if (_pos >= _end || _document[_pos] is not ('"' or '\'')) return false;
        quote = _document[_pos++];
        return true;
    }

    /// <summary>&lt;!-- ... --&gt;, with no <c>--</c> inside.</summary>
    private bool Comment()
    {
        if (!At("<!--")) return false;
        var start = _pos + 4;
        var dashes = _document.AsSpan(start, _end - start).IndexOf("--");
        if (dashes < 0) return false;
        var close = start + dashes;
        if (close + 2 >= _end || _document[close + 2] != '>') return false;
        if (_document.AsSpan(start, close - start).ContainsAny(s_notXmlChars)) return false;
        CountLines(start, close);
        _pos = close + 3;
        return true;
    }

    /// <summary>An ASCII name, with at most one colon between a prefix and a local part.</summary>
    private bool Name(out int start, out int length, out int colon)
    {
        start = _pos;
        length = 0;
        colon = -1;
        var document = _document.AsSpan(0, _end);
        if (start >= document.Length || !Is(document[start], NameStart)) return false;
        var at = start + 1;
        while (true)
        {
            while ((uint)at < (uint)document.Length && Is(document[at], NamePart)) at++;
            if (at >= document.Length || document[at] != ':') break;
            if (colon >= 0 || at + 1 >= document.Length || !Is(document[at + 1], NameStart)) return false;
            colon = at - start;
            at += 2;
        }
        length = at - start;
        _pos = at;
        // A name going on in characters outside ASCII is the XmlReader's to judge.
        return at >= document.Length || document[at] < 0x80;
    }

    private bool StartTag(PendingElement pending, int depth, int index, out bool empty)
    {
        empty = false;
        _pos++;
        var line = _line;
        var column = _pos - _lineStart + 1;
        if (!Name(out var nameStart, out var nameLength, out var nameColon)) return false;
        // The element's name is given once its namespace is known, after the whole tag.
        pending.Start(line, column, index);
        var count = 0;
        var declarations = 0;
        // Attributes without a prefix are in no namespace whatever the tag declares: each is added as it is read, until a
        // prefixed one (whose namespace a later declaration may give) is left for after the tag, with all that follow it
        // so that they stay in document order. Each added one saved keeping its value for a second walk, ~40 instructions.
        var addNow = true;
        while (true)
        {
            var space = SkipSpace();
            if (_pos >= _end) return false;
            var ch = _document[_pos];
            if (ch == '>')
            {
                _pos++;
                break;
            }
            if (ch == '/')
            {
                if (_pos + 1 >= _end || _document[_pos + 1] != '>') return false;
                _pos += 2;
                empty = true;
                break;
            }
            if (!space || count == MaxAttributes) return false;
            var attributeLine = _line;
            var attributeColumn = _pos - _lineStart + 1;
            if (!Name(out var start, out var length, out var colon)) return false;
            if (!ValueOpens(out var quote)) return false;
            var valueEnd = ValueEnd(_pos, quote, out var special);
            if (valueEnd < 0) return false;
            var value = special ? AttributeValue(_pos, valueEnd - _pos) : new string(_document, _pos, valueEnd - _pos);
            if (value is null) return false;
            _pos = valueEnd + 1;
            var name = _document.AsSpan(start, length);
            for (var i = 0; i < count; i++)
                if (_document.AsSpan(_attributes[i].Start, _attributes[i].Length).SequenceEqual(name)) return false;
            var declaration = IsDeclaration(name);
            if (declaration) declarations++;
            else if (colon >= 0) addNow = false;
            var added = addNow && !declaration;
            if (added)
                pending.AddAttribute(new SourceAttribute(_names.Of(name), "", value, attributeLine, attributeColumn, _attributeCount++));
            else
                _values[count] = value;
            _attributes[count++] = new RawAttribute(start, length, colon, declaration, added, attributeLine, attributeColumn);
        }
        if (declarations > 0 && !DeclareNamespaces(count, depth)) return false;
        var elementName = _document.AsSpan(nameStart, nameLength);
        var namespaceUri = nameColon < 0 ? NamespaceOf("") : NamespaceOf(elementName[..nameColon]);
        if (namespaceUri is null || (nameColon >= 0 && elementName[..nameColon] is "xml" or "xmlns")) return false;
        pending.Name(_names.Of(nameColon < 0 ? elementName : elementName[(nameColon + 1)..]), namespaceUri);
        for (var i = 0; i < count; i++)
        {
            ref readonly var attribute = ref _attributes[i];
            if (attribute.IsAdded || attribute.IsDeclaration) continue;
            var name = _document.AsSpan(attribute.Start, attribute.Length);
            var attributeNamespace = "";
            var localName = name;
            if (attribute.Colon >= 0)
            {
                var prefix = name[..attribute.Colon];
                // xml:space and xml:lang carry rules of their own: the XmlReader's to apply.
                if (prefix is "xml" || NamespaceOf(prefix) is not { Length: > 0 } uri) return false;
                attributeNamespace = uri;
                localName = name[(attribute.Colon + 1)..];
                // Two prefixes for one namespace can still name the same attribute twice.
                for (var j = 0; j < i; j++)
                    if (_attributes[j].Colon >= 0 && !_attributes[j].IsDeclaration
                        && _document.AsSpan(_attributes[j].Start + _attributes[j].Colon + 1, _attributes[j].Length - _attributes[j].Colon - 1).SequenceEqual(localName)
                        && NamespaceOf(_document.AsSpan(_attributes[j].Start, _attributes[j].Colon)) == uri)
                        return false;
            }
            pending.AddAttribute(new SourceAttribute(_names.Of(localName), attributeNamespace, _values[i]!, attribute.Line, attribute.Column, _attributeCount++));
        }
        if (!empty) _openNames.Add((nameStart, nameLength));
        return true;
    }

    private static bool IsDeclaration(ReadOnlySpan<char> name) => name is "xmlns" || name.StartsWith("xmlns:");

    /// <summary>
    /// Where the attribute value from <paramref name="start"/> ends at <paramref name="quote"/> (-1: nowhere), and
    /// whether it holds more than its characters (read then by <see cref="AttributeValue"/>).
    /// </summary>
    private int ValueEnd(int start, char quote, out bool special)
    {
        special = false;
        var document = _document.AsSpan(0, _end);
        for (var at = start; (uint)at < (uint)document.Length; at++)
        {
            var ch = document[at];
            if (IsOutsideAscii(ch))
            {
                if (IsNotXml(ch)) return -1;
                continue;
            }
            if (!Is(ch, ValueSpecial | Quote | NotXml)) continue;
            if (ch == quote) return at;
            if (Is(ch, NotXml)) return -1;
            if (Is(ch, ValueSpecial))
            {
                // AttributeValue reads the rest character by character: only the value's end is looked for here.
                special = true;
                var close = document[at..].IndexOf(quote);
                return close < 0 || document.Slice(at, close).ContainsAny(s_notXmlChars) ? -1 : at + close;
            }
        }
        return -1;
    }

    /// <summary>The element's xmlns attributes, in scope until its end tag.</summary>
    private bool DeclareNamespaces(int count, int depth)
    {
        for (var i = 0; i < count; i++)
        {
            if (!_attributes[i].IsDeclaration) continue;
            var name = _document.AsSpan(_attributes[i].Start, _attributes[i].Length);
            var uri = _values[i]!;
            if (uri is XmlnsNamespace or XmlNamespace || _namespaceCount == MaxNamespaceDeclarations) return false;
            var prefix = name.Length == 5 ? "" : _names.Of(name[6..]);
            if (prefix.Length > 0 && (uri.Length == 0 || prefix is "xml" or "xmlns")) return false;
            _namespaces[_namespaceCount++] = new Namespace(prefix, _names.Of(uri), depth);
        }
        return true;
    }

    /// <summary>The namespace a prefix ("" for none) stands for where the reader is; null for an undeclared prefix.</summary>
    private string? NamespaceOf(ReadOnlySpan<char> prefix)
    {
        for (var i = _namespaceCount - 1; i >= 0; i--)
            if (prefix.SequenceEqual(_namespaces[i].Prefix)) return _namespaces[i].Uri;
        return prefix.Length == 0 ? "" : null;
    }

    /// <summary>Ends the namespace declarations of the element at <paramref name="depth"/>.</summary>
    private void EndScope(int depth)
    {
        while (_namespaceCount > 0 && _namespaces[_namespaceCount - 1].Depth >= depth) _namespaceCount--;
    }

    private bool EndTag()
    {
        _pos += 2;
        // The open element's name, then a character no name goes on with (nor one outside ASCII, the XmlReader's
        // to judge): what Name would read there and find equal, without reading the name again.
        var (openStart, openLength) = _openNames[^1];
        var after = _pos + openLength;
        if (after >= _end || !_document.AsSpan(_pos, openLength).SequenceEqual(_document.AsSpan(openStart, openLength))) return false;
        var next = _document[after];
        if (next >= 0x80 || next == ':' || Is(next, NamePart)) return false;
        _pos = after;
        _openNames.RemoveAt(_openNames.Count - 1);
        SkipSpace();
        if (!At(">")) return false;
        _pos++;
        return true;
    }

    /// <summary>The text up to the next tag, into the element it stands in.</summary>
    private bool Text(PendingElement pending)
    {
        var start = _pos;
        var special = false;
        var lines = 0;
        var lastLineFeed = -1;
        var document = _document.AsSpan(0, _end);
        var at = start;
        // Whitespace first: most texts are the indentation between two tags, nearly all of it spaces, told first.
        for (; (uint)at < (uint)document.Length; at++)
        {
            var ch = document[at];
            if (ch == ' ') continue;
            if (ch == '\n')
            {
                lines++;
                lastLineFeed = at;
            }
            else if (ch == '\r')
                special = true;
            else if (ch != '\t')
                break;
        }
        var onlyWhitespace = at == document.Length || document[at] == '<';
        if (!onlyWhitespace)
        {
            // The rest of a text up to the next tag: only '<', line ends, '&' and ']' are looked at.
            for (; (uint)at < (uint)document.Length; at++)
            {
                var ch = document[at];
                if (IsOutsideAscii(ch))
                {
                    if (IsNotXml(ch)) return false;
                    continue;
                }
                if (!Is(ch, TextStop | NotXml)) continue;
                if (Is(ch, NotXml)) return false;
                if (ch == '<') break;
                if (ch == '\n')
                {
                    lines++;
                    lastLineFeed = at;
                }
                else
                    special = true;
            }
        }
        if (at == _end) return false;
        _pos = at;
        var length = at - start;
        if (!special)
        {
            if (lines > 0)
            {
                _line += lines;
                _lineStart = lastLineFeed + 1;
            }
            pending.AddText(_document.AsSpan(start, length), onlyWhitespace);
            return true;
        }
        // Entities, CR LF line ends (read as LF) or a ']' that may begin a forbidden "]]>": character by character.
        var value = ValueBuffer(length);
        var written = 0;
        for (var i = start; i < _pos; i++)
        {
            var ch = _document[i];
            if (ch == '&')
            {
                if ((i = Entity(i, _pos, out ch)) < 0) return false;
            }
            else if (ch == '\r')
            {
                if (i + 1 < _pos && _document[i + 1] == '\n') i++;
                ch = '\n';
                NewLineAfter(i);
            }
            else if (ch == '\n')
                NewLineAfter(i);
            else if (ch == ']' && _document.AsSpan(i, _end - i).StartsWith("]]>"))
                return false;
            value[written++] = ch;
        }
        pending.AddText(value.AsSpan(0, written), onlyWhitespace);
        return true;
    }

    /// <summary>
    /// An attribute's value that holds more than its characters, as XML reads it: entities replaced, and
    /// each tab and line end (a CR LF pair being one) a space. Null when it holds a '&lt;' or an entity the reader leaves to the XmlReader.
    /// </summary>
    private string? AttributeValue(int start, int length)
    {
        var value = ValueBuffer(length);
        var written = 0;
        var end = start + length;
        for (var i = start; i < end; i++)
        {
            var ch = _document[i];
            switch (ch)
            {
                case '<':
                    return null;
                case '&':
                    if ((i = Entity(i, end, out ch)) < 0) return null;
                    break;
                case '\t':
                    ch = ' ';
                    break;
                case '\n':
                    ch = ' ';
                    NewLineAfter(i);
                    break;
                case '\r':
                    if (i + 1 < end && _document[i + 1] == '\n') i++;
                    ch = ' ';
                    NewLineAfter(i);
                    break;
            }
            value[written++] = ch;
        }
        return new string(value, 0, written);
    }

    /// <summary>The predefined entity at <paramref name="at"/> as its character; the index of its ';', or -1.</summary>
    private int Entity(int at, int end, out char ch)
    {
        ch = '\0';
        var semicolon = _document.AsSpan(at + 1, Math.Min(end - at - 1, 5)).IndexOf(';');
        if (semicolon < 0) return -1;
        ch = _document.AsSpan(at + 1, semicolon) switch
        {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => '\0',
        };
        return ch == '\0' ? -1 : at + 1 + semicolon;
    }

    private char[] ValueBuffer(int length)
    {
        if (_value.Length < length) _value = new char[Math.Max(length, _value.Length * 2)];
        var value = _value;
        // A very large value's buffer is not kept for the next document.
        if (_value.Length > MaxKeptChars) _value = new char[256];
        return value;
    }

    /// <summary>
    /// An attribute as it stood in the start tag: its name's place in the document, and whether it was added to the element
    /// as it was read (its value is in <see cref="_values"/> at the same place when it was not).
    /// </summary>
    private readonly record struct RawAttribute(int Start, int Length, int Colon, bool IsDeclaration, bool IsAdded, int Line, int Column);

    private readonly record struct Namespace(string Prefix, string Uri, int Depth);
}
