using System.Text.Json.Serialization;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.Cli.Lifecycle;

/// <summary>What <c>status --json</c> and <c>list --json</c> print for one guest.</summary>
internal sealed record GuestStatusJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("pid")] int? Pid,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("qmpSocket")] string QmpSocket,
    [property: JsonPropertyName("runDirectory")] string RunDirectory,
    [property: JsonPropertyName("helpers")] HelperJson[]? Helpers = null)
{
    public static GuestStatusJson Of(GuestStatus status) =>
        new(status.Name, status.Pid, status.State, status.QmpSocket, status.RunDirectory,
            [.. status.Helpers.Select(h => new HelperJson(h.Kind, h.Alias, h.Pid))]);
}

/// <summary>A helper process of the guest (swtpm, virtiofsd): its program, the device alias it serves, its pid.</summary>
internal sealed record HelperJson(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("alias")] string Alias,
    [property: JsonPropertyName("pid")] int Pid);

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(GuestStatusJson))]
[JsonSerializable(typeof(GuestStatusJson[]))]
internal sealed partial class LifecycleJsonContext : JsonSerializerContext
{
    /// <summary>The binding for what list and status print: paths and names written as they are.</summary>
    public static LifecycleJsonContext Readable => s_readable ??= new(Translator.Json.ReadableJson.From(Default!.Options));

    private static LifecycleJsonContext? s_readable;
}
