using System.Text.Json.Serialization;

namespace DomainLauncher.HostRuntime.Check;

// The QMP answers the live check reads, and its report, bound by source generation (NativeAOT-safe).

internal sealed record QmpBlockInserted(
    [property: JsonPropertyName("file")] string? File,
    [property: JsonPropertyName("ro")] bool? ReadOnly,
    [property: JsonPropertyName("drv")] string? Driver);

internal sealed record QmpBlockInfo(
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("qdev")] string? Qdev,
    [property: JsonPropertyName("removable")] bool Removable,
    [property: JsonPropertyName("tray_open")] bool? TrayOpen,
    [property: JsonPropertyName("inserted")] QmpBlockInserted? Inserted);

internal sealed record QmpPciClass(
    [property: JsonPropertyName("class")] int Class,
    [property: JsonPropertyName("desc")] string? Desc);

internal sealed record QmpPciId(
    [property: JsonPropertyName("vendor")] int Vendor,
    [property: JsonPropertyName("device")] int Device);

internal sealed record QmpPciBridge(
    [property: JsonPropertyName("devices")] QmpPciDevice[]? Devices);

internal sealed record QmpPciDevice(
    [property: JsonPropertyName("bus")] int Bus,
    [property: JsonPropertyName("slot")] int Slot,
    [property: JsonPropertyName("function")] int Function,
    [property: JsonPropertyName("class_info")] QmpPciClass ClassInfo,
    [property: JsonPropertyName("id")] QmpPciId Id,
    [property: JsonPropertyName("qdev_id")] string? QdevId,
    [property: JsonPropertyName("pci_bridge")] QmpPciBridge? PciBridge);

internal sealed record QmpPciBus(
    [property: JsonPropertyName("bus")] int Bus,
    [property: JsonPropertyName("devices")] QmpPciDevice[] Devices);

internal sealed record QmpChardevInfo(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("filename")] string Filename,
    [property: JsonPropertyName("frontend-open")] bool? FrontendOpen);

internal sealed record QmpObjectProperty(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type);

internal sealed record QmpPathArgument([property: JsonPropertyName("path")] string Path);

internal sealed record QmpPropertyArgument(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("property")] string Property);

/// <summary>The report as <c>domainlauncher check --json</c> prints it.</summary>
internal sealed record CheckReportJson(
    [property: JsonPropertyName("domain")] string Domain,
    [property: JsonPropertyName("emulator")] string Emulator,
    [property: JsonPropertyName("substitutions")] string[] Substitutions,
    [property: JsonPropertyName("allFound")] bool AllFound,
    [property: JsonPropertyName("found")] int Found,
    [property: JsonPropertyName("missing")] int Missing,
    [property: JsonPropertyName("devices")] CheckRowJson[] Devices,
    [property: JsonPropertyName("timings")] CheckTimingsJson? Timings);

internal sealed record CheckRowJson(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("expectation")] string Expectation,
    [property: JsonPropertyName("found")] bool Found,
    [property: JsonPropertyName("detail")] string Detail);

internal sealed record CheckTimingsJson(
    [property: JsonPropertyName("startSeconds")] double Start,
    [property: JsonPropertyName("inventorySeconds")] double Inventory,
    [property: JsonPropertyName("stopSeconds")] double Stop);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(QmpBlockInfo[]))]
[JsonSerializable(typeof(QmpPciBus[]))]
[JsonSerializable(typeof(QmpChardevInfo[]))]
[JsonSerializable(typeof(QmpObjectProperty[]))]
[JsonSerializable(typeof(QmpPathArgument))]
[JsonSerializable(typeof(QmpPropertyArgument))]
[JsonSerializable(typeof(CheckReportJson))]
internal sealed partial class CheckJsonContext : JsonSerializerContext
{
    /// <summary>The binding for what check prints: '-&gt;' and '&lt;' written as they are.</summary>
    public static CheckJsonContext Readable => s_readable ??= new(Translator.Json.ReadableJson.From(Default!.Options));

    private static CheckJsonContext? s_readable;
}
