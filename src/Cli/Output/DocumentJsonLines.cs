using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Cli.Output;

/// <summary>
/// The one JSON line a batch command (<c>validate --json</c>, <c>to-native --json</c>,
/// <c>from-native --json</c>) writes per document, refused or not:
/// <c>{"file": F, "ok": true|false, ...what the command made..., "diagnostics": [{"severity", "code",
/// "line", "column", "path", "message"}]}</c>. Escaping is the JSON writer's, relaxed so that
/// <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and non-ASCII text stay as they are (the output is never HTML);
/// a line break inside a value is always escaped, so each document is one line.
/// </summary>
internal static class DocumentJsonLine
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // One buffer and one writer per thread, reset for each line: a batch writes thousands of lines, and
    // a fresh buffer would grow (and be thrown away) for each. A line's text never outlives Write.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_json;

    [ThreadStatic] private static char[]? t_chars;

    /// <summary>
    /// Writes one document's line and a line break to <paramref name="output"/>; <paramref name="payload"/> writes the
    /// command's own members (e.g. <c>"xml"</c>) into the open object. Through a buffer this thread reuses: a batch's
    /// lines are never made into strings.
    /// </summary>
    public static void WriteLine(TextWriter output, string file, IReadOnlyList<Diagnostic> diagnostics, bool ok, Action<Utf8JsonWriter>? payload = null)
    {
        var utf8 = Render(file, diagnostics, ok, payload);
        var chars = t_chars;
        var most = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (chars is null || chars.Length < most) t_chars = chars = new char[Math.Max(most, 4096)];
        output.WriteLine(chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, chars)));
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
        foreach (var diagnostic in diagnostics)
        {
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
