using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DomainLauncher.HostRuntime.Profiles;

/// <summary>
/// The profile document's JSON binding (source-generated, NativeAOT-safe): camelCase names, indented,
/// unknown members refused, every member required (see the <c>[JsonRequired]</c> marks), no nulls where
/// the model has none; name tables written with their keys sorted so a recorded profile diffs cleanly.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(NameListJsonConverter), typeof(NameTableJsonConverter)])]
[JsonSerializable(typeof(EmulatorProfile))]
internal sealed partial class ProfileJsonContext : JsonSerializerContext
{
    /// <summary>The same binding writing '+' and other HTML-sensitive characters as they are (a profile is never embedded in HTML).</summary>
    public static ProfileJsonContext Readable => s_readable ??= new(Translator.Json.ReadableJson.From(Default!.Options));

    private static ProfileJsonContext? s_readable;
}

/// <summary>A list of names: a JSON array of strings, none null.</summary>
internal sealed class NameListJsonConverter : JsonConverter<ImmutableArray<string>>
{
    public override ImmutableArray<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException($"expected an array of strings, found {Token(reader)}");
        var names = ImmutableArray.CreateBuilder<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String) throw new JsonException($"expected a string, found {Token(reader)}");
            names.Add(reader.GetString()!);
        }
        return names.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, ImmutableArray<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var name in value.IsDefault ? [] : value) writer.WriteStringValue(name);
        writer.WriteEndArray();
    }

    internal static string Token(Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        var other => other.ToString(),
    };
}

/// <summary>Names with their lists of names: a JSON object of string arrays, written with its keys in ordinal order.</summary>
internal sealed class NameTableJsonConverter : JsonConverter<ImmutableDictionary<string, ImmutableArray<string>>>
{
    private static readonly NameListJsonConverter Lists = new();

    public override ImmutableDictionary<string, ImmutableArray<string>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"expected an object of string arrays, found {NameListJsonConverter.Token(reader)}");
        var table = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (!table.TryAdd(key, Lists.Read(ref reader, typeof(ImmutableArray<string>), options)))
                throw new JsonException($"'{key}' appears twice");
        }
        return table.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, ImmutableDictionary<string, ImmutableArray<string>> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, names) in value.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            Lists.Write(writer, names, options);
        }
        writer.WriteEndObject();
    }
}
