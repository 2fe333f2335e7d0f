using System.Text.Json;
using System.Text.Json.Serialization;
using DomainLauncher.Drivers.Qemu.Capabilities;

namespace DomainLauncher.HostRuntime.Probing;

/// <summary>Writes a <see cref="QemuVersion"/> as QEMU prints it (<c>"7.2.22"</c>); a profile's is read by <see cref="Profiles.EmulatorProfileReader"/>.</summary>
public sealed class QemuVersionJsonConverter : JsonConverter<QemuVersion>
{
    public override QemuVersion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("profiles are read by EmulatorProfileReader");

    public override void Write(Utf8JsonWriter writer, QemuVersion value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
