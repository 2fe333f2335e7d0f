using DomainLauncher.HostRuntime.Native;
using DomainLauncher.Drivers.Xen;
using System.Collections.Immutable;
using System.Text.Json;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Conformance.Xen;

/// <summary>What loading a suite produced: the suite (null after an error) and every diagnostic.</summary>
public sealed record XmConfigSuiteLoadResult(XmConfigSuite? Suite, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// An xmconfig conformance suite loaded from its folder's <c>manifest.json</c>: the host's guest
/// defaults (from its capabilities file) and the cases, with paths made absolute.
/// </summary>
public sealed record XmConfigSuite
{
    public required string Name { get; init; }
    public required string Directory { get; init; }
    public required XenGuestDefaults Guests { get; init; }
    public ImmutableArray<XmConfigCase> Cases { get; init; } = [];

    public static XmConfigSuiteLoadResult Load(string directory)
    {
        var manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath))
            return new(null, [new Diagnostic(DiagnosticCatalog.FileNotFound, Severity.Error, "no manifest.json in the suite folder",
                SourceLocation.OfFile(manifestPath))]);
        return Parse(File.ReadAllText(manifestPath), manifestPath, Path.GetFullPath(directory));
    }

    public static XmConfigSuiteLoadResult Parse(string json, string sourceName, string directory)
    {
        var diagnostics = new DiagnosticBag();
        void Error(string path, string message) =>
            diagnostics.Error(XenXmDiagnostics.InvalidManifest, SourceLocation.OfFile(sourceName).WithPath(path), message);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            diagnostics.Error(XenXmDiagnostics.InvalidManifest, new SourceLocation(sourceName, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, ""),
                $"the manifest is not JSON: {e.Message}");
            return new(null, diagnostics.ToList());
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", "the manifest must be a JSON object");
                return new(null, diagnostics.ToList());
            }
            var name = String(root, "suite") ?? Path.GetFileName(directory);
            XenGuestDefaults guests = new(null, null);
            if (root.TryGetProperty("host", out var host) && String(host, "capabilities") is { } capabilities)
            {
                var loaded = XenHostCapabilities.LoadFile(Path.Combine(directory, capabilities));
                diagnostics.AddRange(loaded.Diagnostics);
                guests = loaded.Guests ?? guests;
            }
            else Error("$.host", "the manifest names no host capabilities file ('host': {'capabilities': ...})");

            var cases = ImmutableArray.CreateBuilder<XmConfigCase>();
            if (root.TryGetProperty("cases", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var c in list.EnumerateArray())
                {
                    var id = String(c, "id");
                    var xml = String(c, "xml");
                    var cfg = String(c, "cfg");
                    var version = c.ValueKind == JsonValueKind.Object && c.TryGetProperty("xendConfigVersion", out var v)
                        && v.TryGetInt32(out var n) ? n : (int?)null;
                    if (id is null || xml is null || cfg is null || version is null)
                        Error($"$.cases[{i}]", "a case needs 'id', 'xml', 'cfg' and 'xendConfigVersion'");
                    else if (XenTarget.ForConfigVersion(version.Value, SourceLocation.OfFile(sourceName).WithPath($"$.cases[{i}].xendConfigVersion"), diagnostics) is { } target)
                        cases.Add(new XmConfigCase(id, Path.Combine(directory, xml), Path.Combine(directory, cfg), target));
                    i++;
                }
            }
            else Error("$.cases", "the manifest has no 'cases' list");

            var suite = new XmConfigSuite { Name = name, Directory = directory, Guests = guests, Cases = cases.ToImmutable() };
            return new(diagnostics.HasErrors ? null : suite, diagnostics.ToList());
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
