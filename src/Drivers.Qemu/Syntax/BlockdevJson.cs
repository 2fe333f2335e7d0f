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
                    writer.WritePropertyName(key);
                    Value(writer, member);
                }
                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"unknown block value {value.GetType().Name}");
        }
    }
}
