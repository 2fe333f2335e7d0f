using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using DomainLauncher.HostRuntime.Probing;

namespace DomainLauncher.HostRuntime.Profiles;

/// <summary>
/// The profile document's JSON writing (source-generated, NativeAOT-safe): camelCase names, indented, no
/// nulls where the model has none; name tables written with their keys sorted so a recorded profile
/// diffs cleanly. Reading is <see cref="EmulatorProfileReader"/>'s, so the converters here only write.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    Converters = [typeof(NameListJsonConverter), typeof(NameTableJsonConverter)])]
[JsonSerializable(typeof(EmulatorProfile))]
internal sealed partial class ProfileJsonContext : JsonSerializerContext
{
    /// <summary>The same binding writing '+' and other HTML-sensitive characters as they are (a profile is never embedded in HTML).</summary>
    public static ProfileJsonContext Readable => s_readable ??= new(Translator.Json.ReadableJson.From(Default!.Options));

    /// <summary>The readable binding without indentation, for probe cache entries (only this tool reads them).</summary>
    public static ProfileJsonContext Compact => s_compact ??= new(new JsonSerializerOptions(Readable.Options) { WriteIndented = false });

    private static ProfileJsonContext? s_readable;
    private static ProfileJsonContext? s_compact;
}

/// <summary>A list of names: a JSON array of strings.</summary>
internal sealed class NameListJsonConverter : JsonConverter<ImmutableArray<string>>
{
    public override ImmutableArray<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("profiles are read by EmulatorProfileReader");

    public override void Write(Utf8JsonWriter writer, ImmutableArray<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var name in value.IsDefault ? [] : value) writer.WriteStringValue(name);
        writer.WriteEndArray();
    }
}

/// <summary>Names with their lists of names: a JSON object of string arrays, keys in ordinal order (the table's own).</summary>
internal sealed class NameTableJsonConverter : JsonConverter<NameTable>
{
    private static readonly NameListJsonConverter Lists = new();

    public override NameTable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("profiles are read by EmulatorProfileReader");

    public override void Write(Utf8JsonWriter writer, NameTable value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, names) in value)
        {
            writer.WritePropertyName(key);
            Lists.Write(writer, names, options);
        }
        writer.WriteEndObject();
    }
}
