using DomainLauncher.Drivers.Xen;
using System.Collections.Immutable;
using System.Text.Json;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Conformance.Xen;

/// <summary>An xml2sexpr conformance suite loaded from its folder's <c>manifest.json</c>.</summary>
public sealed record Xml2SexprSuite
{
    public required string Name { get; init; }
    public required string Directory { get; init; }
    public ImmutableArray<Xml2SexprCase> Cases { get; init; } = [];

    /// <summary>
    /// Loads <c>manifest.json</c> from a suite folder (paths in it are relative to that folder). The
    /// suite is null when an error was found; every diagnostic is returned.
    /// </summary>
    public static (Xml2SexprSuite? Suite, IReadOnlyList<Diagnostic> Diagnostics) Load(string directory)
    {
        var manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath))
            return (null, [new Diagnostic(DiagnosticCatalog.FileNotFound, Severity.Error, "no manifest.json in the suite folder",
                SourceLocation.OfFile(manifestPath))]);
        return Parse(File.ReadAllText(manifestPath), manifestPath, Path.GetFullPath(directory));
    }

    public static (Xml2SexprSuite? Suite, IReadOnlyList<Diagnostic> Diagnostics) Parse(string json, string sourceName, string directory)
    {
        var diagnostics = new DiagnosticBag();
        var where = SourceLocation.OfFile(sourceName);
        Xml2SexprManifestJson? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(json, Xml2SexprManifestJsonContext.Default.Xml2SexprManifestJson);
        }
        catch (JsonException e)
        {
            var at = new SourceLocation(sourceName, (int)(e.LineNumber ?? -1) + 1, (int)(e.BytePositionInLine ?? -1) + 1, e.Path ?? "$");
            diagnostics.Error(XenSexprDiagnostics.InvalidManifest, at, $"not a manifest: {e.Message}");
            return (null, diagnostics.ToList());
        }
        if (manifest is null)
        {
            diagnostics.Error(XenSexprDiagnostics.InvalidManifest, where.WithPath("$"), "the manifest is null");
            return (null, diagnostics.ToList());
        }
        WarnUnknown(manifest.Unknown, where.WithPath("$"), diagnostics);

        var cases = ImmutableArray.CreateBuilder<Xml2SexprCase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var list = manifest.Cases ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var at = where.WithPath($"$.cases[{i}]");
            var c = ReadCase(list[i], directory, at, diagnostics);
            if (c is null) continue;
            if (!ids.Add(c.Id)) diagnostics.Error(XenSexprDiagnostics.InvalidManifest, at, $"case id '{c.Id}' is used more than once");
            cases.Add(c);
        }
        var suite = new Xml2SexprSuite
        {
            Name = manifest.Suite ?? Path.GetFileName(directory),
            Directory = directory,
            Cases = cases.ToImmutable(),
        };
        return (diagnostics.HasErrors ? null : suite, diagnostics.ToList());
    }

    private static Xml2SexprCase? ReadCase(Xml2SexprCaseJson json, string directory, SourceLocation at, DiagnosticBag diagnostics)
    {
        WarnUnknown(json.Unknown, at, diagnostics);
        if (json.Id is null || json.Xml is null || json.XendConfigVersion is null)
        {
            diagnostics.Error(XenSexprDiagnostics.InvalidManifest, at, "a case needs 'id', 'xml' and 'xendConfigVersion'");
            return null;
        }
        var target = XenTarget.ForConfigVersion(json.XendConfigVersion.Value, at.WithPath(at.Path + ".xendConfigVersion"), diagnostics);
        if (target is null) return null;
        return new Xml2SexprCase
        {
            Id = json.Id,
            XmlPath = Path.Combine(directory, json.Xml),
            SexprPath = json.Sexpr is null ? null : Path.Combine(directory, json.Sexpr),
            DomainName = json.DomainName,
            Target = target,
        };
    }

    private static void WarnUnknown(Dictionary<string, JsonElement>? unknown, SourceLocation at, DiagnosticBag diagnostics)
    {
        foreach (var key in unknown?.Keys ?? Enumerable.Empty<string>())
            diagnostics.Warning(XenSexprDiagnostics.InvalidManifest, at.WithPath($"{at.Path}.{key}"), $"unknown key '{key}' ignored");
    }
}
