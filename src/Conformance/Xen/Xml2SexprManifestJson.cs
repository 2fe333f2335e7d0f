using System.Text.Json;
using System.Text.Json.Serialization;

namespace DomainLauncher.Conformance.Xen;

// The JSON shape of an xml2sexpr manifest.json. The `host` object (capabilities file, default
// console target types) describes the reference's test host; the S-expression needs none of it.

internal sealed class Xml2SexprManifestJson
{
    public string? Suite { get; set; }
    public JsonElement? Host { get; set; }
    public List<Xml2SexprCaseJson>? Cases { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class Xml2SexprCaseJson
{
    public string? Id { get; set; }
    public string? Xml { get; set; }
    public string? Sexpr { get; set; }
    public string? DomainName { get; set; }
    public int? XendConfigVersion { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(Xml2SexprManifestJson))]
internal sealed partial class Xml2SexprManifestJsonContext : JsonSerializerContext;
