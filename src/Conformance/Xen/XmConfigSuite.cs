using DomainLauncher.HostRuntime.Native;
using DomainLauncher.Drivers.Xen;
using System.Collections.Immutable;
using System.Text.Json;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;

namespace DomainLauncher.Conformance.Xen;

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

    public static XenSuiteLoadResult<XmConfigSuite> Load(string directory) => XenSuiteManifest.Load<XmConfigSuite>(directory, Parse);

    public static XenSuiteLoadResult<XmConfigSuite> Parse(string json, string sourceName, string directory)
    {
        using var document = XenSuiteManifest.Open(json, sourceName, XenXmDiagnostics.InvalidManifest, out var manifest);
        if (document is null) return new(null, manifest.Diagnostics.ToList());
        var root = document.RootElement;
        var diagnostics = manifest.Diagnostics;
        var name = XenSuiteManifest.String(root, "suite") ?? Path.GetFileName(directory);
        XenGuestDefaults guests = new(null, null);
        if (root.TryGetProperty("host", out var host) && XenSuiteManifest.String(host, "capabilities") is { } capabilities)
        {
            var loaded = XenHostCapabilities.LoadFile(Path.Combine(directory, capabilities));
            diagnostics.AddRange(loaded.Diagnostics);
            guests = loaded.Guests ?? guests;
        }
        else manifest.Error("$.host", "the manifest names no host capabilities file ('host': {'capabilities': ...})");

        var cases = ImmutableArray.CreateBuilder<XmConfigCase>();
        foreach (var (c, path, id, xml, cfg) in manifest.Cases(root))
        {
            var version = c.ValueKind == JsonValueKind.Object && c.TryGetProperty("xendConfigVersion", out var v)
                && v.TryGetInt32(out var n) ? n : (int?)null;
            if (id is null || xml is null || cfg is null || version is null)
                manifest.Error(path, "a case needs 'id', 'xml', 'cfg' and 'xendConfigVersion'");
            else if (XenTarget.ForConfigVersion(version.Value, manifest.At(path + ".xendConfigVersion"), diagnostics) is { } target)
                cases.Add(new XmConfigCase(id, Path.Combine(directory, xml), Path.Combine(directory, cfg), target));
        }

        var suite = new XmConfigSuite { Name = name, Directory = directory, Guests = guests, Cases = cases.ToImmutable() };
        return new(diagnostics.HasErrors ? null : suite, diagnostics.ToList());
    }
}
