using System.Collections.Immutable;
using System.Text.Json;
using DomainLauncher.Drivers.Xen;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Conformance.Xen;

/// <summary>
/// libvirt 9's xlconfig (suite <c>xlconfig</c>) or xmconfig (suite <c>xmconfig-libxl</c>) suite,
/// loaded from its folder's <c>manifest.json</c>: the dialect its files are in, the libxl test host
/// (its guests, HVM loader and firmware folder) and the cases, with paths made absolute.
/// </summary>
public sealed record LibxlConfigSuite
{
    public const string XlName = "xlconfig";
    public const string XmName = "xmconfig-libxl";

    /// <summary>The placeholder the suite's XML holds for the host's firmware folder.</summary>
    public const string FirmwareDirPlaceholder = "/LIBXL_FIRMWARE_DIR";

    public required string Name { get; init; }
    public required XenConfigFormat Format { get; init; }
    public required XenGuestDefaults Guests { get; init; }
    public ImmutableArray<LibxlConfigCase> Cases { get; init; } = [];

    public static XmConfigSuiteLoadResult<LibxlConfigSuite> Load(string directory)
    {
        var manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath))
            return new(null, [new Diagnostic(DiagnosticCatalog.FileNotFound, Severity.Error, "no manifest.json in the suite folder",
                SourceLocation.OfFile(manifestPath))]);
        return Parse(File.ReadAllText(manifestPath), manifestPath, Path.GetFullPath(directory));
    }

    public static XmConfigSuiteLoadResult<LibxlConfigSuite> Parse(string json, string sourceName, string directory)
    {
        var diagnostics = new DiagnosticBag();
        void Error(string path, string message) =>
            diagnostics.Error(XenLibxlDiagnostics.InvalidManifest, SourceLocation.OfFile(sourceName).WithPath(path), message);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            diagnostics.Error(XenLibxlDiagnostics.InvalidManifest, new SourceLocation(sourceName, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, ""),
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
            var name = String(root, "suite");
            XenConfigFormat format;
            if (name == XlName) format = XenConfigFormat.Xl;
            else if (name == XmName) format = XenConfigFormat.Xm;
            else
            {
                Error("$.suite", $"the suite is '{name}'; a libxl config suite is {XlName} or {XmName}");
                return new(null, diagnostics.ToList());
            }

            var guests = new XenGuestDefaults(null, null);
            if (root.TryGetProperty("host", out var host) && host.ValueKind == JsonValueKind.Object)
                guests = HostGuests(host);
            else Error("$.host", "the manifest has no 'host' object");

            var cases = ImmutableArray.CreateBuilder<LibxlConfigCase>();
            if (root.TryGetProperty("cases", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var c in list.EnumerateArray())
                {
                    var id = String(c, "id");
                    var xml = String(c, "xml");
                    var cfg = String(c, "cfg");
                    var directions = c.ValueKind == JsonValueKind.Object && c.TryGetProperty("directions", out var d) && d.ValueKind == JsonValueKind.Array
                        ? d.EnumerateArray().Select(x => x.GetString()).ToList()
                        : null;
                    if (id is null || xml is null || cfg is null || directions is null)
                        Error($"$.cases[{i}]", "a case needs 'id', 'xml', 'cfg' and 'directions'");
                    else
                    {
                        var replace = c.TryGetProperty("replaceFirmwareDir", out var r) && r.ValueKind == JsonValueKind.True;
                        cases.Add(new LibxlConfigCase(id, Path.Combine(directory, xml), Path.Combine(directory, cfg),
                            directions.Contains("to-native"), directions.Contains("from-native"), replace));
                    }
                    i++;
                }
            }
            else Error("$.cases", "the manifest has no 'cases' list");

            var suite = new LibxlConfigSuite { Name = name!, Format = format, Guests = guests, Cases = cases.ToImmutable() };
            return new(diagnostics.HasErrors ? null : suite, diagnostics.ToList());
        }
    }

    /// <summary>The host's guests by OS type (hvm, xen, xenpvh): arch, first machine, HVM loader; and its firmware folder.</summary>
    private static XenGuestDefaults HostGuests(JsonElement host)
    {
        XenGuestArch? hvm = null, pv = null, pvh = null;
        if (host.TryGetProperty("guests", out var guests) && guests.ValueKind == JsonValueKind.Array)
        {
            foreach (var guest in guests.EnumerateArray())
            {
                var arch = String(guest, "arch");
                if (arch is null) continue;
                var machine = guest.TryGetProperty("machines", out var m) && m.ValueKind == JsonValueKind.Array && m.GetArrayLength() > 0
                    ? m[0].GetString()
                    : null;
                var found = new XenGuestArch(arch, machine, String(guest, "loader"));
                switch (String(guest, "osType"))
                {
                    case "hvm": hvm ??= found; break;
                    case "xen": pv ??= found; break;
                    case "xenpvh": pvh ??= found; break;
                }
            }
        }
        return new XenGuestDefaults(hvm, pv, pvh, String(host, "firmwareDir"));
    }

    /// <summary>The text of a case's XML, with the firmware folder put in place of its placeholder when the case asks.</summary>
    public string XmlText(LibxlConfigCase c)
    {
        var text = File.ReadAllText(c.XmlPath);
        return c.ReplaceFirmwareDir && Guests.FirmwareDir is { } dir ? text.Replace(FirmwareDirPlaceholder, dir, StringComparison.Ordinal) : text;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

/// <summary>What loading a suite produced: the suite (null after an error) and every diagnostic.</summary>
public sealed record XmConfigSuiteLoadResult<T>(T? Suite, IReadOnlyList<Diagnostic> Diagnostics) where T : class;
