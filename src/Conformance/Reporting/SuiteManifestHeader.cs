using System.Text.Json;
using System.Text.Json.Serialization;

namespace DomainLauncher.Conformance.Reporting;

/// <summary>
/// The one key every conformance manifest shares, <c>suite</c>, read before the suite itself so
/// the command can pick the runner for it (or say it has none yet).
/// </summary>
internal sealed class SuiteManifestHeader
{
    public string? Suite { get; set; }

    /// <summary>The manifest's <c>suite</c>, or an error message when the file is not a JSON object.</summary>
    public static (string? Suite, string? Error) Read(string manifestPath)
    {
        try
        {
            var header = JsonSerializer.Deserialize(File.ReadAllText(manifestPath), SuiteManifestHeaderContext.Default.SuiteManifestHeader);
            return (header?.Suite, null);
        }
        catch (JsonException e)
        {
            return (null, e.Message);
        }
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(SuiteManifestHeader))]
internal sealed partial class SuiteManifestHeaderContext : JsonSerializerContext;
