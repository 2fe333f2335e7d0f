using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DomainLauncher.Conformance;

/// <summary>
/// Writes and reads the result file of a conformance run:
/// <c>{"suite": NAME, "cases": [{"id", "status", "actual", "message"}]}</c>, with
/// <c>actual</c> and <c>message</c> written as null when absent and status one of
/// <c>pass</c>, <c>fail</c>, <c>error</c>, <c>unscored</c>.
/// </summary>
public static class ConformanceResultJson
{
    private static readonly JsonTypeInfo<RunJson> TypeInfo = (JsonTypeInfo<RunJson>)new JsonSerializerOptions
    {
        TypeInfoResolver = ConformanceJsonContext.Default,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Relaxed escaping keeps command lines readable ('+', '<', '&', quotes); this is a file, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }.GetTypeInfo(typeof(RunJson));

    public static string Write(ConformanceRun run)
    {
        var json = new RunJson
        {
            Suite = run.Suite,
            Cases = [.. run.Cases.Select(c => new CaseJson
            {
                Id = c.Id,
                Status = ConformanceStatusNames.Table.ToXml(c.Status),
                Actual = c.Actual,
                Message = c.Message,
            })],
        };
        return JsonSerializer.Serialize(json, TypeInfo) + "\n";
    }

    public static void WriteFile(ConformanceRun run, string path) => File.WriteAllText(path, Write(run));

    /// <summary>Reads a result file; throws <see cref="JsonException"/> or <see cref="FormatException"/> when it is not one.</summary>
    public static ConformanceRun Read(string json)
    {
        var run = JsonSerializer.Deserialize(json, TypeInfo) ?? throw new JsonException("the result file is null");
        var cases = ImmutableArray.CreateBuilder<ConformanceCaseResult>();
        foreach (var c in run.Cases ?? [])
        {
            if (c.Id is null || c.Status is null) throw new FormatException("every case needs 'id' and 'status'");
            if (!ConformanceStatusNames.Table.TryParse(c.Status, out var status))
                throw new FormatException($"'{c.Status}' is not a status; allowed: {ConformanceStatusNames.Table.AllowedList}");
            cases.Add(new ConformanceCaseResult(c.Id, status, c.Actual, c.Message));
        }
        return new ConformanceRun(run.Suite ?? throw new FormatException("the result file needs 'suite'"), cases.ToImmutable());
    }
}

internal sealed class RunJson
{
    public string? Suite { get; set; }
    public List<CaseJson>? Cases { get; set; }
}

internal sealed class CaseJson
{
    public string? Id { get; set; }
    public string? Status { get; set; }
    public string? Actual { get; set; }
    public string? Message { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RunJson))]
internal sealed partial class ConformanceJsonContext : JsonSerializerContext;
