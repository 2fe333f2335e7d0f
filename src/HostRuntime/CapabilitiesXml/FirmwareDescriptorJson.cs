using System.Text.Json.Serialization;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

// The parts of QEMU's firmware description files (docs/interop/firmware.json) the loader list uses,
// bound by source generation (NativeAOT-safe). Everything else in a file is ignored.

internal sealed record FirmwareFileJson(
    [property: JsonPropertyName("mapping")] FirmwareMappingJson? Mapping,
    [property: JsonPropertyName("targets")] FirmwareTargetJson[]? Targets)
{
    [JsonPropertyName("interface-types")] public string[]? InterfaceTypes { get; init; }

    [JsonPropertyName("features")] public string[]? Features { get; init; }
}

internal sealed record FirmwareMappingJson(
    [property: JsonPropertyName("device")] string? Device,
    [property: JsonPropertyName("executable")] FirmwareFlashFileJson? Executable,
    [property: JsonPropertyName("filename")] string? Filename)
{
    [JsonPropertyName("mode")] public string? Mode { get; init; }

    [JsonPropertyName("nvram-template")] public FirmwareFlashFileJson? NvramTemplate { get; init; }

    [JsonPropertyName("format")] public string? Format { get; init; }
}

internal sealed record FirmwareFlashFileJson([property: JsonPropertyName("filename")] string? Filename)
{
    [JsonPropertyName("format")] public string? Format { get; init; }
}

internal sealed record FirmwareTargetJson(
    [property: JsonPropertyName("architecture")] string? Architecture,
    [property: JsonPropertyName("machines")] string[]? Machines);

[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(FirmwareFileJson))]
internal sealed partial class FirmwareJsonContext : JsonSerializerContext;
