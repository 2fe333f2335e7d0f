using System.Text.Json;
using System.Text.Json.Serialization;
using DomainLauncher.Drivers.Qemu.Capabilities;

namespace DomainLauncher.HostRuntime.Probing;

/// <summary>Writes a <see cref="QemuVersion"/> as QEMU prints it (<c>"7.2.22"</c>) and reads only that form.</summary>
public sealed class QemuVersionJsonConverter : JsonConverter<QemuVersion>
{
    public override QemuVersion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"a QEMU version is a string such as \"7.2.0\", not {reader.TokenType}");
        var text = reader.GetString() ?? "";
        return QemuVersion.Parse(text) ?? throw new JsonException($"'{text}' is not a QEMU version (MAJOR.MINOR.MICRO)");
    }

    public override void Write(Utf8JsonWriter writer, QemuVersion value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
