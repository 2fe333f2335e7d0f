using System.Buffers;
using System.Text;
using System.Text.Json;
using DomainLauncher.Drivers.Qemu.Plan.Blockdev;

namespace DomainLauncher.Drivers.Qemu.Syntax;

/// <summary>
/// Writes a <c>-blockdev</c> node's options as the JSON object QEMU reads (its keyval form cannot say
/// <c>null</c>, which <c>"backing": null</c> needs). The only writer of that syntax: strings are escaped by
/// <see cref="Utf8JsonWriter"/> (no reflection), integers and booleans keep their QAPI types.
/// </summary>
public static class BlockdevJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Keep non-ASCII text readable in the argument; only what JSON requires is escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    // One buffer and one writer per thread, reset for each node: a disk has two or more nodes, a batch
    // thousands of disks, and a fresh buffer grows (and is thrown away) for each. Only the string is kept.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    // Member names, kept as the encoder escapes them: they are the planner's few dozen option names (driver,
    // node-name, file...), each written thousands of times in a batch. A table indexed by a cheap hash of the name,
    // one name per place (a name landing on a taken place replaces it), correct for any name since a place is used
    // only for the name it holds: a look-up is a few instructions, against ~400 for the writer's transcoding and
    // escaping check of a name and ~180 for a Dictionary look-up (9.0 corpus x2: ~6,300 names).
    // Values are not kept: they are strings of the heap, which a long-lived table would hold on to, and every
    // collection would scan it (tried for the JSON lines' words: +5M instructions).
    [ThreadStatic] private static (string Name, JsonEncodedText Encoded)[]? t_names;
    private const int NamePlaces = 128;

    public static string Write(BlockObject options)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, Options);
        writer.Reset(buffer);
        Value(writer, options);
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Value(Utf8JsonWriter writer, BlockValue value)
    {
        switch (value)
        {
            case BlockString s: writer.WriteStringValue(s.Value); break;
            case BlockInteger i: writer.WriteNumberValue(i.Value); break;
            case BlockBoolean b: writer.WriteBooleanValue(b.Value); break;
            case BlockNull: writer.WriteNullValue(); break;
            case BlockArray a:
                writer.WriteStartArray();
                foreach (var item in a.Items) Value(writer, item);
                writer.WriteEndArray();
                break;
            case BlockObject o:
                writer.WriteStartObject();
                foreach (var (key, member) in o.Members)
                {
                    writer.WritePropertyName(Name(key));
                    Value(writer, member);
                }
                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"unknown block value {value.GetType().Name}");
        }
    }

    /// <summary>A member name as the writer's encoder escapes it, from this thread's table.</summary>
    private static JsonEncodedText Name(string key)
    {
        if (key.Length == 0) return JsonEncodedText.Encode(key, Options.Encoder);
        var names = t_names ??= new (string, JsonEncodedText)[NamePlaces];
        ref var place = ref names[(key.Length * 7 + key[0] * 31 + key[^1]) & (NamePlaces - 1)];
        if (place.Name is not { } name || !(ReferenceEquals(name, key) || name == key))
            place = (key, JsonEncodedText.Encode(key, Options.Encoder));
        return place.Encoded;
    }
}
