using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Cli.Output;

/// <summary>
/// The JSON lines of a batch command (<c>validate --json</c>, <c>to-native --json</c>,
/// <c>from-native --json</c>), one per document, refused or not:
/// <c>{"file": F, "ok": true|false, ...what the command made..., "diagnostics": [{"severity", "code",
/// "line", "column", "path", "message"}]}</c>. Escaping is the JSON writer's, relaxed so that
/// <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and non-ASCII text stay as they are (the output is never HTML);
/// a line break inside a value is always escaped, so each document is one line.
/// </summary>
internal sealed class DocumentJsonLines : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // One buffer and one writer per thread, reset for each line: a batch writes thousands of lines, and
    // a fresh buffer would grow (and be thrown away) for each. A line's text never outlives Write.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_json;

    [ThreadStatic] private static char[]? t_chars;

    private readonly TextWriter _output;
    // The UTF-8 stream under the output, when the lines' bytes can go there as they are: a line costs no
    // decoding into characters and encoding back (a tenth of what a document's line costs).
    private readonly Stream? _stream;
    // Lines are written to the stream in blocks, as the text writer over it would.
    private readonly OutputBlock _block = new();

    /// <summary>The lines of one batch command, written to <paramref name="output"/>; dispose it to write the last of them.</summary>
    public DocumentJsonLines(TextWriter output)
    {
        _output = output;
        if (output is StreamWriter { Encoding: UTF8Encoding encoding } writer && encoding.Preamble.Length == 0 && output.NewLine == "\n")
            _stream = writer.BaseStream;
    }

    /// <summary>
    /// Writes one document's line and a line break; <paramref name="payload"/> writes the command's own members
    /// (e.g. <c>"xml"</c>) into the open object. Through a buffer this thread reuses: a batch's lines are never
    /// made into strings.
    /// </summary>
    public void WriteLine(string file, IReadOnlyList<Diagnostic> diagnostics, bool ok, Action<Utf8JsonWriter>? payload = null)
    {
        var utf8 = Render(file, diagnostics, ok, payload);
        if (_stream is null)
        {
            WriteChars(utf8);
            return;
        }
        if (!_block.Fits(utf8.Length + 1)) Flush();
        if (!_block.Fits(utf8.Length + 1))
        {
            _output.Flush();
            _stream.Write(utf8);
            _stream.Write("\n"u8);
            return;
        }
        _block.Append(utf8);
        _block.Append("\n"u8);
    }

    /// <summary>Writes the lines still in the block, after whatever the text writer holds (so that the order stays).</summary>
    public void Flush()
    {
        if (_block.Length == 0) return;
        _output.Flush();
        _stream!.Write(_block.Held);
        _block.Clear();
    }

    public void Dispose() => Flush();

    private void WriteChars(ReadOnlySpan<byte> utf8)
    {
        var chars = t_chars;
        var most = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (chars is null || chars.Length < most) t_chars = chars = new char[Math.Max(most, 4096)];
        _output.WriteLine(chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, chars)));
    }

    /// <summary>The line's UTF-8 text, in this thread's buffer: valid until the thread's next line.</summary>
    private static ReadOnlySpan<byte> Render(string file, IReadOnlyList<Diagnostic> diagnostics, bool ok, Action<Utf8JsonWriter>? payload)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var json = t_json ??= new Utf8JsonWriter(buffer, Options);
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteString("file", file);
        json.WriteBoolean("ok", ok);
        payload?.Invoke(json);
        json.WritePropertyName("diagnostics");
        json.WriteStartArray();
        // By index, not foreach through the interface: no enumerator object per line (and none of the runtime's shared
        // empty enumerator, written to at its first use, for the many lines without a diagnostic).
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var diagnostic = diagnostics[i];
            json.WriteStartObject();
            json.WriteString("severity", diagnostic.IsError ? "error" : "warning");
            json.WriteString("code", diagnostic.Code.Id);
            if (diagnostic.Location.Line > 0)
            {
                json.WriteNumber("line", diagnostic.Location.Line);
                json.WriteNumber("column", diagnostic.Location.Column);
            }
            if (diagnostic.Location.Path.Length > 0) json.WriteString("path", diagnostic.Location.Path);
            json.WriteString("message", diagnostic.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        return buffer.WrittenSpan;
    }
}
