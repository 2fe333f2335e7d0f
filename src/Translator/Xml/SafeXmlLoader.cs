using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Xml;

/// <summary>
/// Reads untrusted XML into a <see cref="SourceElement"/> tree. It never processes a DTD (so no
/// entity expansion and no external entity is ever fetched), resolves nothing, bounds size, depth
/// and element count, and requires well-formed UTF-8 (or the encoding the document declares).
/// Every failure becomes one located diagnostic; nothing here throws for bad input.
/// </summary>
public static class SafeXmlLoader
{
    /// <summary>Reads the file <paramref name="path"/> from <paramref name="files"/> (refused when over the size limit), then loads it.</summary>
    public static XmlLoadResult LoadFile(IInputFiles files, string path, XmlLimits? limits = null)
    {
        limits ??= XmlLimits.Default;
        var read = files.Read(path, limits.MaxBytes);
        return read.Bytes is { } bytes ? LoadBytes(bytes, path, limits) : new XmlLoadResult(null, read.Error);
    }

    public static XmlLoadResult LoadText(string text, string sourceName, XmlLimits? limits = null) =>
        LoadBytes(new UTF8Encoding(false).GetBytes(text), sourceName, limits);

    public static XmlLoadResult LoadBytes(byte[] bytes, string sourceName, XmlLimits? limits = null) =>
        Load(bytes, sourceName, limits, plainFirst: true);

    /// <summary>Loads with the XmlReader alone, as every document the plain reader gives up on is loaded.</summary>
    internal static XmlLoadResult LoadBytesWithXmlReader(byte[] bytes, string sourceName, XmlLimits? limits = null) =>
        Load(bytes, sourceName, limits, plainFirst: false);

    private static XmlLoadResult Load(byte[] bytes, string sourceName, XmlLimits? limits, bool plainFirst)
    {
        limits ??= XmlLimits.Default;
        var where = SourceLocation.OfFile(sourceName);
        if (bytes.LongLength > limits.MaxBytes)
            return Fail(DiagnosticCatalog.FileTooLarge, where,
                $"document is {bytes.LongLength} bytes; the limit is {limits.MaxBytes} bytes");
        if (IsBlank(bytes))
            return Fail(DiagnosticCatalog.EmptyDocument, where, "the document is empty");

        // Most documents are plain XML, read without an XmlReader; the rest, and every refusal, are the XmlReader's.
        if (plainFirst && PlainXmlReader.OfThisThread.TryRead(bytes, limits, t_levels ??= [], t_whitespace ??= new KeptStrings()) is { } plain)
            return new XmlLoadResult(plain, null);
        var settings = ReferenceEquals(limits, XmlLimits.Default) ? DefaultSettingsOfThisThread() : SettingsFor(limits);
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = XmlReader.Create(stream, settings);
        try
        {
            return new XmlLoadResult(ReadTree(reader, sourceName, limits), null);
        }
        catch (LimitExceededException e)
        {
            return Fail(e.Code, new SourceLocation(sourceName, e.Line, e.Column, ""), e.Message);
        }
        catch (XmlException e)
        {
            // Some refusals (a prohibited DTD) carry no position; the reader still knows where it stopped.
            var code = Classify(e);
            var (line, column) = e.LineNumber > 0 ? (e.LineNumber, e.LinePosition)
                : code == DiagnosticCatalog.DtdProhibited ? PositionOf(bytes, "<!DOCTYPE"u8)
                : (0, 0);
            return Fail(code, new SourceLocation(sourceName, line, column, ""), Describe(e));
        }
        catch (DecoderFallbackException e)
        {
            return Fail(DiagnosticCatalog.InvalidEncoding, where, "invalid byte sequence: " + e.Message);
        }
    }

    // The settings of the usual limits are made once per thread, with a name table the thread's documents
    // share: a batch loads thousands of documents that use the same few hundred names, and a fresh table
    // per document would add each of them again. A name table is not thread-safe, hence one per thread;
    // it is replaced now and then so that a long batch of unusual names cannot grow it without end.
    [ThreadStatic] private static XmlReaderSettings? t_defaultSettings;
    [ThreadStatic] private static int t_loadsWithSettings;
    private const int LoadsPerNameTable = 1024;

    // The pending elements of each level and the whitespace texts are the thread's too: each element
    // starts its level's pending element afresh, so the next document reuses them as they are.
    [ThreadStatic] private static List<PendingElement>? t_levels;
    [ThreadStatic] private static KeptStrings? t_whitespace;

    private static XmlReaderSettings DefaultSettingsOfThisThread()
    {
        if (t_defaultSettings is null || ++t_loadsWithSettings > LoadsPerNameTable)
        {
            var settings = SettingsFor(XmlLimits.Default);
            settings.NameTable = new NameTable();
            t_defaultSettings = settings;
            t_loadsWithSettings = 0;
        }
        return t_defaultSettings;
    }

    private static XmlReaderSettings SettingsFor(XmlLimits limits) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = limits.MaxBytes,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = true,
    };

    private static SourceElement ReadTree(XmlReader reader, string sourceName, XmlLimits limits)
    {
        var info = (IXmlLineInfo)reader;
        // An explicit stack instead of recursion: depth is bounded by the limit, never by the CLR stack.
        // One pending element per level, reused by every element at that level: each element then
        // costs only what it keeps (its attributes and children, in arrays of their exact size).
        var levels = t_levels ??= [];
        var whitespace = t_whitespace ??= new KeptStrings();
        var depth = 0;
        SourceElement? root = null;
        var elementCount = 0;
        var attributeCount = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                {
                    if (root is not null)
                        throw new XmlException("content after the root element", null, info.LineNumber, info.LinePosition);
                    if (++elementCount > limits.MaxElements)
                        throw new LimitExceededException(DiagnosticCatalog.FileTooLarge,
                            $"more than {limits.MaxElements} elements", info.LineNumber, info.LinePosition);
                    if (depth >= limits.MaxDepth)
                        throw new LimitExceededException(DiagnosticCatalog.NestingTooDeep,
                            $"elements nested more than {limits.MaxDepth} levels deep", info.LineNumber, info.LinePosition);
                    if (depth == levels.Count) levels.Add(new PendingElement());
                    var pending = levels[depth];
                    pending.Start(reader.LocalName, reader.NamespaceURI, info.LineNumber, info.LinePosition, elementCount - 1);
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            if (reader.NamespaceURI == "http://www.w3.org/2000/xmlns/") continue;
                            pending.AddAttribute(new SourceAttribute(
                                reader.LocalName, reader.NamespaceURI, reader.Value, info.LineNumber, info.LinePosition, attributeCount++));
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }
                    if (reader.IsEmptyElement)
                        PendingElement.Attach(pending.Build(whitespace), levels, depth, ref root);
                    else
                        depth++;
                    break;
                }
                case XmlNodeType.EndElement:
                    depth--;
                    PendingElement.Attach(levels[depth].Build(whitespace), levels, depth, ref root);
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                    if (depth > 0) levels[depth - 1].AddText(reader.Value);
                    break;
                case XmlNodeType.Whitespace:
                    // Indentation: read into the element's text without a string of its own.
                    if (depth > 0) levels[depth - 1].AddWhitespace(reader);
                    break;
            }
        }
        return root ?? throw new XmlException("the document has no root element", null, info.LineNumber, info.LinePosition);
    }

    private static DiagnosticCode Classify(XmlException e)
    {
        var message = e.Message;
        if (message.Contains("DTD", StringComparison.OrdinalIgnoreCase)) return DiagnosticCatalog.DtdProhibited;
        if (message.Contains("encoding", StringComparison.OrdinalIgnoreCase)
            || message.Contains("Invalid character", StringComparison.OrdinalIgnoreCase))
            return DiagnosticCatalog.InvalidEncoding;
        if (message.Contains("Root element is missing", StringComparison.OrdinalIgnoreCase))
            return DiagnosticCatalog.EmptyDocument;
        return DiagnosticCatalog.MalformedXml;
    }

    private static string Describe(XmlException e)
    {
        // XmlException appends " Line N, position M." which the location already says.
        var message = e.Message;
        var cut = message.IndexOf(" Line ", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        if (message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
            return "document type definitions (DTDs) and entities are not allowed in domain XML";
        if (message.StartsWith("Invalid character in the given encoding", StringComparison.Ordinal))
            return "invalid byte sequence: the document is not valid UTF-8 (or not in the encoding it declares)";
        return message.TrimEnd('.');
    }

    /// <summary>1-based line and column of the first occurrence of a marker, or (0, 0).</summary>
    private static (int Line, int Column) PositionOf(byte[] bytes, ReadOnlySpan<byte> marker)
    {
        var at = bytes.AsSpan().IndexOf(marker);
        if (at < 0) return (0, 0);
        var before = bytes.AsSpan(0, at);
        var line = before.Count((byte)'\n') + 1;
        var column = at - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return (line, column);
    }

    private static bool IsBlank(byte[] bytes)
    {
        foreach (var b in bytes)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        return true;
    }

    private static XmlLoadResult Fail(DiagnosticCode code, SourceLocation where, string message) =>
        new(null, new Diagnostic(code, Severity.Error, message, where));

    private sealed class LimitExceededException(DiagnosticCode code, string message, int line, int column)
        : Exception(message)
    {
        public DiagnosticCode Code { get; } = code;
        public int Line { get; } = line;
        public int Column { get; } = column;
    }
}
