using System.Text.Json;
using System.Text.Json.Serialization;

namespace DomainLauncher.HostRuntime.Probing;

// The QMP wire shapes the probe reads and writes, bound by source generation (NativeAOT-safe).

internal sealed record QmpVersionTriple(
    [property: JsonPropertyName("major")] int Major,
    [property: JsonPropertyName("minor")] int Minor,
    [property: JsonPropertyName("micro")] int Micro);

internal sealed record QmpVersionInfo(
    [property: JsonPropertyName("qemu")] QmpVersionTriple Qemu,
    [property: JsonPropertyName("package")] string? Package);

internal sealed record QmpCommandInfo([property: JsonPropertyName("name")] string Name);

internal sealed record QmpObjectTypeInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("abstract")] bool? Abstract,
    [property: JsonPropertyName("parent")] string? Parent);

internal sealed record QmpMachineInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("alias")] string? Alias,
    [property: JsonPropertyName("is-default")] bool? IsDefault,
    [property: JsonPropertyName("cpu-max")] int? CpuMax,
    [property: JsonPropertyName("deprecated")] bool? Deprecated);

internal sealed record QmpCpuDefinition(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("alias-of")] string? AliasOf = null,
    [property: JsonPropertyName("static")] bool? Static = null,
    [property: JsonPropertyName("migration-safe")] bool? MigrationSafe = null,
    [property: JsonPropertyName("deprecated")] bool? Deprecated = null,
    [property: JsonPropertyName("unavailable-features")] string[]? UnavailableFeatures = null);

internal sealed record QmpCpuModelInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("props")] Dictionary<string, JsonElement>? Props);

internal sealed record QmpCpuModelExpansionArguments(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("model")] QmpCpuModelInfo Model);

internal sealed record QmpCpuModelExpansion([property: JsonPropertyName("model")] QmpCpuModelInfo Model);

internal sealed record QmpKvmInfo(
    [property: JsonPropertyName("enabled")] bool Enabled,
    [property: JsonPropertyName("present")] bool Present);

internal sealed record QmpTargetInfo([property: JsonPropertyName("arch")] string Arch);

internal sealed record QmpPropertyInfo([property: JsonPropertyName("name")] string Name);

internal sealed record QmpCommandLineParameter([property: JsonPropertyName("name")] string Name);

internal sealed record QmpCommandLineOption(
    [property: JsonPropertyName("option")] string Option,
    [property: JsonPropertyName("parameters")] QmpCommandLineParameter[] Parameters);

internal sealed record QmpSchemaEntry(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("meta-type")] string MetaType,
    [property: JsonPropertyName("features")] string[]? Features);

internal sealed record QmpTypeArguments(
    [property: JsonPropertyName("implements")] string Implements,
    [property: JsonPropertyName("abstract")] bool Abstract);

internal sealed record QmpTypeNameArgument([property: JsonPropertyName("typename")] string TypeName);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(QmpVersionInfo))]
[JsonSerializable(typeof(QmpCommandInfo[]))]
[JsonSerializable(typeof(QmpObjectTypeInfo[]))]
[JsonSerializable(typeof(QmpMachineInfo[]))]
[JsonSerializable(typeof(QmpCpuDefinition[]))]
[JsonSerializable(typeof(QmpCpuModelExpansionArguments))]
[JsonSerializable(typeof(QmpCpuModelExpansion))]
[JsonSerializable(typeof(QmpKvmInfo))]
[JsonSerializable(typeof(QmpTargetInfo))]
[JsonSerializable(typeof(QmpPropertyInfo[]))]
[JsonSerializable(typeof(QmpCommandLineOption[]))]
[JsonSerializable(typeof(QmpSchemaEntry[]))]
[JsonSerializable(typeof(QmpTypeArguments))]
[JsonSerializable(typeof(QmpTypeNameArgument))]
internal sealed partial class QmpJsonContext : JsonSerializerContext;
