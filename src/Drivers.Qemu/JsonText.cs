using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu;

/// <summary>Parses JSON configuration text, turning syntax and type errors into located diagnostics.</summary>
internal static class JsonText
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    public static JsonDocument? Parse(string json, string sourceName, DiagnosticCode code, DiagnosticBag diagnostics)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            // JsonException counts lines and bytes from zero.
            diagnostics.Error(code, new SourceLocation(sourceName, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, ""),
                "not valid JSON: " + FirstSentence(e.Message));
            return null;
        }
    }

    public static T? Deserialize<T>(JsonElement element, JsonTypeInfo<T> type, string sourceName, DiagnosticCode code, DiagnosticBag diagnostics)
        where T : class
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Error(code, SourceLocation.OfFile(sourceName).WithPath("$"), $"expected a JSON object, found {element.ValueKind}");
            return null;
        }
        try
        {
            return element.Deserialize(type);
        }
        catch (JsonException e)
        {
            diagnostics.Error(code, SourceLocation.OfFile(sourceName).WithPath(e.Path ?? "$"), FirstSentence(e.Message));
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
