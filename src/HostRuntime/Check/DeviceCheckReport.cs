using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DomainLauncher.HostRuntime.Check;

/// <summary>How long each stage of a live check took.</summary>
public sealed record CheckTimings(TimeSpan Start, TimeSpan Inventory, TimeSpan Stop);

/// <summary>
/// The result of a live check: which domain, which emulator, the host substitutions made before the
/// start, and one row per expected device. <see cref="ToTable"/> is for people (the substitutions
/// above a table of kind, device, expectation, found/missing, detail); <see cref="ToJson"/> for scripts.
/// </summary>
public sealed record DeviceCheckReport
{
    public required string Domain { get; init; }

    public required string Emulator { get; init; }

    public ImmutableArray<string> Substitutions { get; init; } = [];

    public ImmutableArray<DeviceCheckRow> Rows { get; init; } = [];

    public CheckTimings? Timings { get; init; }

    public bool AllFound => Rows.All(r => r.Found);

    public int FoundCount => Rows.Count(r => r.Found);

    public int MissingCount => Rows.Count(r => !r.Found);

    /// <summary>
    /// The report as a table. With <paramref name="width"/> (a terminal's columns) no line is longer:
    /// the device, expectation and detail columns wrap within their share of the width; without it every row is one line, however long.
    /// </summary>
    public string ToTable(int? width = null)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"domain {Domain} on {Emulator}\n");
        if (Substitutions.IsEmpty)
        {
            text.Append("substitutions: none\n");
        }
        else
        {
            text.Append("substitutions:\n");
            foreach (var substitution in Substitutions)
                foreach (var line in TextColumns.Wrap("  " + substitution, width is { } w ? Math.Max(w, 20) : int.MaxValue, "    "))
                    text.Append(line).Append('\n');
        }
        text.Append('\n');
        string[] header = ["KIND", "DEVICE", "EXPECTATION", "RESULT", "DETAIL"];
        var rows = Rows.Select(r => new[]
        {
            DeviceKindNames.Name(r.Expected.Kind), r.Expected.Name, r.Expected.Expectation, r.Found ? "found" : "MISSING", r.Detail.TrimEnd(),
        }).Prepend(header).ToList();
        text.Append(TextColumns.Table(rows, width, wrapping: [1, 2, 4]));
        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"{FoundCount} found, {MissingCount} missing");
        if (Timings is { } t)
            text.Append(CultureInfo.InvariantCulture,
                $" (start {t.Start.TotalSeconds:0.00} s, inventory {t.Inventory.TotalSeconds:0.00} s, stop {t.Stop.TotalSeconds:0.00} s)");
        text.Append('\n');
        return text.ToString();
    }

    public string ToJson()
    {
        var json = new CheckReportJson(
            Domain, Emulator, [.. Substitutions], AllFound, FoundCount, MissingCount,
            [.. Rows.Select(r => new CheckRowJson(DeviceKindNames.Name(r.Expected.Kind), r.Expected.Name, r.Expected.Expectation, r.Found, r.Detail))],
            Timings is { } t ? new CheckTimingsJson(Seconds(t.Start), Seconds(t.Inventory), Seconds(t.Stop)) : null);
        return JsonSerializer.Serialize(json, CheckJsonContext.Readable.CheckReportJson);
    }

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3);
}
