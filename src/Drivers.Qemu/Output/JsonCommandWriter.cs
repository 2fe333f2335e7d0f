using System.Collections.Immutable;
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
        json.WriteStartObject();
        json.WriteStartObject(Members.Environment);
        WriteEnvironment(json, commandLine.Environment);
        json.WriteEndObject();
        json.WriteString(Members.Emulator, commandLine.Emulator);
        json.WriteStartArray(Members.Args);
        foreach (var arg in commandLine.Args) json.WriteStringValue(arg);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// The member names, encoded once rather than for every document (none of them has a character to escape).
    /// A class of their own: fields of the writer's would have its first use build the serializer's type
    /// information too, which <see cref="WriteTo"/> never needs (~1.4M instructions).
    /// </summary>
    private static class Members
    {
        public static readonly JsonEncodedText Environment = JsonEncodedText.Encode("environment");
        public static readonly JsonEncodedText Emulator = JsonEncodedText.Encode("emulator");
        public static readonly JsonEncodedText Args = JsonEncodedText.Encode("args");
    }

    /// <summary>Up to this many assignments are merged by looking at the others, not through a dictionary.</summary>
    private const int FewAssignments = 16;

    /// <summary>
    /// Each name once, where it was first assigned, with the value it was last given: what a dictionary filled
    /// in order gives. A command has a handful of assignments, compared here with each other rather than
    /// hashed into a dictionary made for every document.
    /// </summary>
    private static void WriteEnvironment(Utf8JsonWriter json, ImmutableArray<EnvironmentAssignment> environment)
    {
        if (environment.Length > FewAssignments)
        {
            var merged = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var assignment in environment) merged[assignment.Name] = assignment.Value;
            foreach (var (name, value) in merged) json.WriteString(name, value);
            return;
        }
        for (var i = 0; i < environment.Length; i++)
        {
            var name = environment[i].Name;
            if (AssignedBefore(environment, i, name)) continue;
            var value = environment[i].Value;
            for (var j = i + 1; j < environment.Length; j++)
                if (environment[j].Name == name) value = environment[j].Value;
            json.WriteString(name, value);
        }
    }

    private static bool AssignedBefore(ImmutableArray<EnvironmentAssignment> environment, int at, string name)
    {
        for (var i = 0; i < at; i++)
            if (environment[i].Name == name) return true;
        return false;
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
