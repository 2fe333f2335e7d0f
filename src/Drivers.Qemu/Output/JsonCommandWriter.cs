using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DomainLauncher.Drivers.Qemu.Output;

/// <summary>
/// Writes a command line as JSON for programs: <c>{"environment": {"NAME": "value"}, "emulator": "...", "args": ["..."]}</c>.
/// Environment names keep their order; when a name is assigned twice the last value wins, as in a shell.
/// </summary>
public static class JsonCommandWriter
{
    // Relaxed escaping keeps '+', '<', '&' and non-ASCII readable; the output is a file, never HTML.
    private static readonly JsonTypeInfo<CommandLineJson> Compact = TypeInfo(indented: false);
    private static readonly JsonTypeInfo<CommandLineJson> Indented = TypeInfo(indented: true);

    public static string Write(QemuCommandLine commandLine, bool indented = true)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in commandLine.Environment) environment[assignment.Name] = assignment.Value;
        var json = new CommandLineJson { Environment = environment, Emulator = commandLine.Emulator, Args = [.. commandLine.Args] };
        return JsonSerializer.Serialize(json, indented ? Indented : Compact);
    }

    /// <summary>
    /// The same object, compact, written into an open writer as a value (a JSON line's member): no
    /// text made and read back per document. The writer's encoder decides the escaping; give it
    /// relaxed escaping for the same text as <see cref="Write"/>.
    /// </summary>
    public static void WriteTo(Utf8JsonWriter json, QemuCommandLine commandLine)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in commandLine.Environment) environment[assignment.Name] = assignment.Value;
        json.WriteStartObject();
        json.WriteStartObject("environment");
        foreach (var (name, value) in environment) json.WriteString(name, value);
        json.WriteEndObject();
        json.WriteString("emulator", commandLine.Emulator);
        json.WriteStartArray("args");
        foreach (var arg in commandLine.Args) json.WriteStringValue(arg);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static JsonTypeInfo<CommandLineJson> TypeInfo(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = CommandLineJsonContext.Default,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        return (JsonTypeInfo<CommandLineJson>)options.GetTypeInfo(typeof(CommandLineJson));
    }
}

internal sealed class CommandLineJson
{
    public required Dictionary<string, string> Environment { get; init; }
    public required string Emulator { get; init; }
    public required List<string> Args { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CommandLineJson))]
internal sealed partial class CommandLineJsonContext : JsonSerializerContext;
