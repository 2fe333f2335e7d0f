using System.Text.Json;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Conformance.Xen;

/// <summary>What loading a suite produced: the suite (null after an error) and every diagnostic.</summary>
public sealed record XenSuiteLoadResult<T>(T? Suite, IReadOnlyList<Diagnostic> Diagnostics) where T : class;

/// <summary>
/// What the Xen config suites (xmconfig of libvirt 0.10.2, xlconfig and xmconfig-libxl of libvirt 9)
/// read alike from their <c>manifest.json</c>: the file itself, its root object, string values and
/// each case's <c>id</c>, <c>xml</c> and <c>cfg</c>. Every problem is an error with the suite's own
/// manifest code, located at the JSON path concerned.
/// </summary>
internal sealed class XenSuiteManifest
{
    private readonly string _sourceName;
    private readonly DiagnosticCode _invalid;

    private XenSuiteManifest(string sourceName, DiagnosticCode invalid, DiagnosticBag diagnostics)
    {
        _sourceName = sourceName;
        _invalid = invalid;
        Diagnostics = diagnostics;
    }

    public DiagnosticBag Diagnostics { get; }

    /// <summary>Reads <c>manifest.json</c> of <paramref name="directory"/> and hands its text to <paramref name="parse"/>.</summary>
    public static XenSuiteLoadResult<T> Load<T>(string directory, Func<string, string, string, XenSuiteLoadResult<T>> parse) where T : class
    {
        var manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath))
            return new(null, [new Diagnostic(DiagnosticCatalog.FileNotFound, Severity.Error, "no manifest.json in the suite folder",
                SourceLocation.OfFile(manifestPath))]);
        return parse(File.ReadAllText(manifestPath), manifestPath, Path.GetFullPath(directory));
    }

    /// <summary>
    /// The manifest's JSON document, whose root is an object, or null with the error recorded in
    /// <paramref name="manifest"/>'s diagnostics. The caller disposes the document.
    /// </summary>
    public static JsonDocument? Open(string json, string sourceName, DiagnosticCode invalid, out XenSuiteManifest manifest)
    {
        manifest = new XenSuiteManifest(sourceName, invalid, new DiagnosticBag());
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            manifest.Diagnostics.Error(invalid, new SourceLocation(sourceName, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, ""),
                $"the manifest is not JSON: {e.Message}");
            return null;
        }
        if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
        document.Dispose();
        manifest.Error("$", "the manifest must be a JSON object");
        return null;
    }

    /// <summary>An error at a JSON path of the manifest.</summary>
    public void Error(string path, string message) =>
        Diagnostics.Error(_invalid, SourceLocation.OfFile(_sourceName).WithPath(path), message);

    /// <summary>A location at a JSON path of the manifest.</summary>
    public SourceLocation At(string path) => SourceLocation.OfFile(_sourceName).WithPath(path);

    /// <summary>
    /// The objects of the root's <c>cases</c> list with their <c>id</c>, <c>xml</c> and <c>cfg</c> (any
    /// of them null when missing) and their JSON path; an error when there is no such list.
    /// </summary>
    public IEnumerable<(JsonElement Case, string Path, string? Id, string? Xml, string? Cfg)> Cases(JsonElement root)
    {
        if (!root.TryGetProperty("cases", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            Error("$.cases", "the manifest has no 'cases' list");
            yield break;
        }
        var i = 0;
        foreach (var c in list.EnumerateArray())
            yield return (c, $"$.cases[{i++}]", String(c, "id"), String(c, "xml"), String(c, "cfg"));
    }

    /// <summary>A string property of an object, or null when it is missing or not a string.</summary>
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
