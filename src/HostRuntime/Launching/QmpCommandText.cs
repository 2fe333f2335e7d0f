using System.Buffers;
using System.Text.Json;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// A QMP command as a person types it for <c>qemu-monitor-command</c>: a command object
/// (<c>{"execute": "query-status", "arguments": {...}}</c>) or a bare command name.
/// </summary>
public static class QmpCommandText
{
    public static bool TryRead(string text, out string execute, out JsonElement? arguments, out string? problem)
    {
        execute = "";
        arguments = null;
        problem = null;
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            execute = trimmed;
            return true;
        }
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(trimmed, new JsonDocumentOptions { MaxDepth = 64 });
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            problem = $"the QMP command is neither a command name nor a JSON object: {e.Message}";
            return false;
        }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("execute", out var name) || name.ValueKind != JsonValueKind.String)
        {
            problem = "a QMP command object needs an \"execute\" string, e.g. {\"execute\": \"query-status\"}";
            return false;
        }
        if (root.TryGetProperty("arguments", out var given))
        {
            if (given.ValueKind != JsonValueKind.Object)
            {
                problem = "the \"arguments\" of a QMP command must be an object";
                return false;
            }
            arguments = given;
        }
        execute = name.GetString()!;
        return true;
    }

    /// <summary>The arguments object <c>{"NAME": "VALUE"}</c>, the value escaped by the JSON writer.</summary>
    public static JsonElement Arguments(string name, string value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(name, value);
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
