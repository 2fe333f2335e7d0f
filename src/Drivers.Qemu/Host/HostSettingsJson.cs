using System.Text.Json;
using System.Text.Json.Serialization;

namespace DomainLauncher.Drivers.Qemu.Host;

// The JSON shape of a host settings file. Its keys are those of the conformance manifest's `host`
// object, so that object loads as host settings directly. Each object keeps the keys it does not
// know in `Unknown` so the loader can warn about them (a misspelt setting must not pass silently).

internal sealed class HostSettingsJson
{
    public string? Capabilities { get; set; }
    public string? CpuMap { get; set; }
    public string? DefaultConsoleTargetType { get; set; }
    public JsonElement? Environment { get; set; }
    public List<string>? EnvironmentUnset { get; set; }
    public MonitorJson? Monitor { get; set; }
    public string? StateDir { get; set; }
    public string? LibDir { get; set; }
    public string? HugetlbfsMount { get; set; }
    public string? HugepagePath { get; set; }
    public SpiceJson? Spice { get; set; }
    public VncJson? Vnc { get; set; }
    public List<SecretJson>? Secrets { get; set; }
    public Dictionary<string, string>? ScsiGenericDevices { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class MonitorJson
{
    public string? Type { get; set; }
    public string? Path { get; set; }
    public bool? Listen { get; set; }
    public bool? Json { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class SpiceJson
{
    public string? Listen { get; set; }
    public bool? Tls { get; set; }
    public string? TlsX509CertDir { get; set; }
    public string? Password { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class VncJson
{
    public string? Listen { get; set; }
    public bool? AutoUnixSocket { get; set; }
    public bool? Tls { get; set; }
    public string? TlsX509CertDir { get; set; }
    public bool? TlsX509Verify { get; set; }
    public string? Password { get; set; }
    public bool? Sasl { get; set; }
    public string? SaslDir { get; set; }
    public bool? AllowHostAudio { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }

    /// <summary>The base settings with every key given here replacing the base's value.</summary>
    public VncHostSettings ApplyTo(VncHostSettings settings) => settings with
    {
        Listen = Listen ?? settings.Listen,
        AutoUnixSocket = AutoUnixSocket ?? settings.AutoUnixSocket,
        Tls = Tls ?? settings.Tls,
        TlsX509CertDir = TlsX509CertDir ?? settings.TlsX509CertDir,
        TlsX509Verify = TlsX509Verify ?? settings.TlsX509Verify,
        Password = Password ?? settings.Password,
        Sasl = Sasl ?? settings.Sasl,
        SaslDir = SaslDir ?? settings.SaslDir,
        AllowHostAudio = AllowHostAudio ?? settings.AllowHostAudio,
    };
}

internal sealed class SecretJson
{
    public string? UsageType { get; set; }
    public string? Usage { get; set; }
    public string? Value { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(HostSettingsJson))]
[JsonSerializable(typeof(VncJson))]
internal sealed partial class HostSettingsJsonContext : JsonSerializerContext;
