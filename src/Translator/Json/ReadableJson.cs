using System.Text.Encodings.Web;
using System.Text.Json;

namespace DomainLauncher.Translator.Json;

/// <summary>
/// How every JSON document the tools print escapes text: only what JSON requires (quotes, backslash,
/// control characters), never HTML-sensitive characters, so <c>-&gt;</c> stays <c>-&gt;</c> instead of
/// <c>-\u003E</c>. Our JSON is read by programs and people, never embedded in HTML.
/// </summary>
public static class ReadableJson
{
    /// <summary><paramref name="options"/> (a source-generated context's) with the readable encoder.</summary>
    public static JsonSerializerOptions From(JsonSerializerOptions options) =>
        new(options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
