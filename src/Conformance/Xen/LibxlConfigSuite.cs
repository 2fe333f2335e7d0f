using System.Collections.Immutable;
using System.Text.Json;
using DomainLauncher.Drivers.Xen;
using DomainLauncher.Drivers.Xen.XmConfig;

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

    public static XenSuiteLoadResult<LibxlConfigSuite> Load(string directory) => XenSuiteManifest.Load<LibxlConfigSuite>(directory, Parse);

    public static XenSuiteLoadResult<LibxlConfigSuite> Parse(string json, string sourceName, string directory)
    {
        using var document = XenSuiteManifest.Open(json, sourceName, XenLibxlDiagnostics.InvalidManifest, out var manifest);
        if (document is null) return new(null, manifest.Diagnostics.ToList());
        var root = document.RootElement;
        var name = String(root, "suite");
        XenConfigFormat format;
        if (name == XlName) format = XenConfigFormat.Xl;
        else if (name == XmName) format = XenConfigFormat.Xm;
        else
        {
            manifest.Error("$.suite", $"the suite is '{name}'; a libxl config suite is {XlName} or {XmName}");
            return new(null, manifest.Diagnostics.ToList());
        }

        var guests = new XenGuestDefaults(null, null);
        if (root.TryGetProperty("host", out var host) && host.ValueKind == JsonValueKind.Object)
            guests = HostGuests(host);
        else manifest.Error("$.host", "the manifest has no 'host' object");

        var cases = ImmutableArray.CreateBuilder<LibxlConfigCase>();
        foreach (var (c, path, id, xml, cfg) in manifest.Cases(root))
        {
            var directions = c.ValueKind == JsonValueKind.Object && c.TryGetProperty("directions", out var d) && d.ValueKind == JsonValueKind.Array
                ? d.EnumerateArray().Select(x => x.GetString()).ToList()
                : null;
            if (id is null || xml is null || cfg is null || directions is null)
                manifest.Error(path, "a case needs 'id', 'xml', 'cfg' and 'directions'");
            else
            {
                var replace = c.TryGetProperty("replaceFirmwareDir", out var r) && r.ValueKind == JsonValueKind.True;
                cases.Add(new LibxlConfigCase(id, Path.Combine(directory, xml), Path.Combine(directory, cfg),
                    directions.Contains("to-native"), directions.Contains("from-native"), replace));
            }
        }

        var suite = new LibxlConfigSuite { Name = name!, Format = format, Guests = guests, Cases = cases.ToImmutable() };
        return new(manifest.Diagnostics.HasErrors ? null : suite, manifest.Diagnostics.ToList());
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

    private static string? String(JsonElement element, string name) => XenSuiteManifest.String(element, name);
}
