using System.Text.Json;
using System.Text.Json.Serialization;
using DomainLauncher.Drivers.Qemu.Host;

namespace DomainLauncher.Conformance.Qemu;

// The JSON shape of a qemuxml2argv manifest.json. The `host` object is read twice: as host
// settings (HostSettingsFile) and, for the suite-only keys, as QemuxmlHostRulesJson.

internal sealed class QemuxmlManifestJson
{
    public string? Suite { get; set; }
    public JsonElement? Host { get; set; }
    public List<QemuxmlCaseJson>? Cases { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class QemuxmlHostRulesJson
{
    public List<string>? CapsAlwaysSet { get; set; }
    public Dictionary<string, List<string>>? CapsSetForArch { get; set; }
    public string? JsonMonitorWhenCap { get; set; }
    public DomainIdRuleJson? DomainIdWhenCap { get; set; }
    public string? AddressAssignmentWhenCap { get; set; }
    public List<MachineRewriteJson>? MachineRewrite { get; set; }
    public List<string>? GuestCpuModels { get; set; }
    public List<string>? LegacyGuestCpuModels { get; set; }

    /// <summary>The keys above: the ones host settings must not warn about.</summary>
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal)
    {
        "capsAlwaysSet", "capsSetForArch", "jsonMonitorWhenCap", "domainIdWhenCap", "addressAssignmentWhenCap",
        "machineRewrite", "guestCpuModels", "legacyGuestCpuModels",
    };
}

internal sealed class DomainIdRuleJson
{
    public string? Cap { get; set; }
    public int? Id { get; set; }
    public int? Otherwise { get; set; }
}

internal sealed class MachineRewriteJson
{
    public string? Emulator { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
}

internal sealed class QemuxmlCaseJson
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Xml { get; set; }
    public string? Args { get; set; }
    public string? Expect { get; set; }
    public List<string>? Caps { get; set; }
    public string? MigrateFrom { get; set; }
    public int? MigrateFd { get; set; }
    public VncJson? Vnc { get; set; }
    public bool? LegacyCpuModels { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(QemuxmlManifestJson))]
[JsonSerializable(typeof(QemuxmlHostRulesJson))]
internal sealed partial class QemuxmlManifestJsonContext : JsonSerializerContext;
