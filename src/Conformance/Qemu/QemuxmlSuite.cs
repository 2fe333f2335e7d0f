using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Drivers.Qemu;
using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Conformance.Qemu;

/// <summary>
/// A qemuxml2argv conformance suite loaded from its folder's <c>manifest.json</c>: the test host
/// (as <see cref="HostSettings"/> plus <see cref="QemuxmlHostRules"/>) and the cases.
/// </summary>
public sealed record QemuxmlSuite
{
    public required string Name { get; init; }

    public required string Directory { get; init; }

    public required HostSettings Host { get; init; }

    public required QemuxmlHostRules Rules { get; init; }

    public ImmutableArray<QemuxmlCase> Cases { get; init; } = [];

    /// <summary>Loads <c>manifest.json</c> from a suite folder. Paths in it are relative to that folder.</summary>
    public static LoadResult<QemuxmlSuite> Load(string directory)
    {
        var manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath))
            return new(null, [new Diagnostic(DiagnosticCatalog.FileNotFound, Severity.Error, "no manifest.json in the suite folder",
                SourceLocation.OfFile(manifestPath))]);
        return Parse(File.ReadAllText(manifestPath), manifestPath, Path.GetFullPath(directory));
    }

    public static LoadResult<QemuxmlSuite> Parse(string json, string sourceName, string directory)
    {
        var diagnostics = new DiagnosticBag();
        using var document = JsonText.Parse(json, sourceName, QemuDiagnostics.InvalidManifest, diagnostics);
        if (document is null) return LoadResult<QemuxmlSuite>.From(null, diagnostics);
        var manifest = JsonText.Deserialize(document.RootElement, QemuxmlManifestJsonContext.Default.QemuxmlManifestJson,
            sourceName, QemuDiagnostics.InvalidManifest, diagnostics);
        if (manifest is null) return LoadResult<QemuxmlSuite>.From(null, diagnostics);
        var where = SourceLocation.OfFile(sourceName);
        HostSettingsFile.WarnUnknown(manifest.Unknown, "$", sourceName, diagnostics);

        if (manifest.Host is not { } hostElement)
        {
            diagnostics.Error(QemuDiagnostics.InvalidManifest, where.WithPath("$"), "the manifest has no 'host' object");
            return LoadResult<QemuxmlSuite>.From(null, diagnostics);
        }
        var host = HostSettingsFile.FromElement(hostElement, sourceName, directory, InputFiles.Disk, QemuxmlHostRulesJson.Keys, diagnostics);
        var rulesJson = JsonText.Deserialize(hostElement, QemuxmlManifestJsonContext.Default.QemuxmlHostRulesJson,
            sourceName, QemuDiagnostics.InvalidManifest, diagnostics);
        if (host is null || rulesJson is null) return LoadResult<QemuxmlSuite>.From(null, diagnostics);
        host = WithoutUnnamedSpiceListen(host, hostElement);

        var rules = ReadRules(rulesJson, where.WithPath("$.host"), diagnostics);
        var cases = ImmutableArray.CreateBuilder<QemuxmlCase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var list = manifest.Cases ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var c = ReadCase(list[i], host, directory, where.WithPath($"$.cases[{i}]"), sourceName, diagnostics);
            if (c is null) continue;
            if (!ids.Add(c.Id))
                diagnostics.Error(QemuDiagnostics.InvalidManifest, where.WithPath($"$.cases[{i}]"), $"case id '{c.Id}' is used more than once");
            cases.Add(c);
        }
        var suite = new QemuxmlSuite
        {
            Name = manifest.Suite ?? Path.GetFileName(directory),
            Directory = directory,
            Host = host,
            Rules = rules,
            Cases = cases.ToImmutable(),
        };
        return LoadResult<QemuxmlSuite>.From(suite, diagnostics);
    }

    /// <summary>
    /// Assembles what the translator gets for a case: the case's capabilities plus the suite-wide
    /// ones and those for the domain's arch; the domain id, monitor flavour and address assignment
    /// the capabilities imply; the case's VNC overrides, migration and CPU models.
    /// </summary>
    public QemuxmlCaseSettings SettingsFor(QemuxmlCase c)
    {
        var header = DomainHeader.Read(c.XmlPath);
        var arch = header.Arch
            ?? Host.Capabilities?.DefaultGuestArch(header.OsType ?? OsType.Hvm, header.Type ?? DomainType.Qemu);
        var capabilities = c.Capabilities.Union(Rules.CapsAlwaysSet);
        if (arch is not null && Rules.CapsSetForArch.TryGetValue(arch, out var forArch))
            capabilities = capabilities.Union(forArch);

        var json = Rules.JsonMonitorWhen is { } jsonCap && capabilities.Has(jsonCap);
        int? domainId = Rules.DomainId is { } rule ? (capabilities.Has(rule.Capability) ? rule.Id : rule.Otherwise) : null;
        return new QemuxmlCaseSettings
        {
            Arch = arch,
            Capabilities = capabilities,
            Host = Host with
            {
                Vnc = c.Vnc ?? Host.Vnc,
                Monitor = Host.Monitor with { Json = Host.Monitor.Json ?? json },
            },
            DomainId = domainId is null or < 0 ? null : domainId,
            MigrateFrom = c.MigrateFrom,
            MigrateFd = c.MigrateFd,
            CpuModels = c.LegacyCpuModels == false ? Rules.GuestCpuModels : [.. Rules.GuestCpuModels, .. Rules.LegacyGuestCpuModels],
            MachineRewrites = Rules.MachineRewrites,
            AssignPciAddresses = Rules.AddressAssignmentWhen is { } addressCap && capabilities.Has(addressCap),
            JsonMonitor = json,
        };
    }

    /// <summary>
    /// The reference suite's driver sets only the SPICE settings the manifest names: without a
    /// <c>spice.listen</c> key its SPICE servers get no default address (unlike a stock host's).
    /// </summary>
    private static HostSettings WithoutUnnamedSpiceListen(HostSettings host, System.Text.Json.JsonElement hostElement)
    {
        var named = hostElement.ValueKind == System.Text.Json.JsonValueKind.Object
            && hostElement.TryGetProperty("spice", out var spice)
            && spice.ValueKind == System.Text.Json.JsonValueKind.Object
            && spice.TryGetProperty("listen", out _);
        return named ? host : host with { Spice = host.Spice with { Listen = null } };
    }

    private static QemuxmlHostRules ReadRules(QemuxmlHostRulesJson json, SourceLocation where, DiagnosticBag diagnostics)
    {
        QemuCapabilitySet Set(List<string>? names, string key)
        {
            var parsed = QemuCapabilitySet.Parse(names ?? [], where.WithPath($"{where.Path}.{key}"));
            diagnostics.AddRange(parsed.Diagnostics);
            return parsed.Set;
        }
        QemuCapability? One(string? name, string key)
        {
            if (name is null) return null;
            if (QemuCapabilityNames.TryParse(name, out var capability)) return capability;
            diagnostics.Error(QemuDiagnostics.UnknownCapability, where.WithPath($"{where.Path}.{key}"),
                QemuCapabilitySet.UnknownNameMessage(name));
            return null;
        }

        DomainIdRule? domainId = null;
        if (json.DomainIdWhenCap is { } d)
        {
            if (One(d.Cap, "domainIdWhenCap.cap") is { } cap && d.Id is { } id)
                domainId = new DomainIdRule(cap, id, d.Otherwise ?? -1);
            else if (d.Cap is null || d.Id is null)
                diagnostics.Error(QemuDiagnostics.InvalidManifest, where.WithPath($"{where.Path}.domainIdWhenCap"), "needs 'cap' and 'id'");
        }
        var rewrites = ImmutableArray.CreateBuilder<MachineRewrite>();
        foreach (var r in json.MachineRewrite ?? [])
        {
            if (r.Emulator is null || r.From is null || r.To is null)
                diagnostics.Error(QemuDiagnostics.InvalidManifest, where.WithPath($"{where.Path}.machineRewrite"), "each rewrite needs 'emulator', 'from' and 'to'");
            else
                rewrites.Add(new MachineRewrite(r.Emulator, r.From, r.To));
        }
        return new QemuxmlHostRules
        {
            CapsAlwaysSet = Set(json.CapsAlwaysSet, "capsAlwaysSet"),
            CapsSetForArch = (json.CapsSetForArch ?? []).ToImmutableDictionary(p => p.Key, p => Set(p.Value, $"capsSetForArch.{p.Key}")),
            JsonMonitorWhen = One(json.JsonMonitorWhenCap, "jsonMonitorWhenCap"),
            DomainId = domainId,
            AddressAssignmentWhen = One(json.AddressAssignmentWhenCap, "addressAssignmentWhenCap"),
            MachineRewrites = rewrites.ToImmutable(),
            GuestCpuModels = [.. json.GuestCpuModels ?? []],
            LegacyGuestCpuModels = [.. json.LegacyGuestCpuModels ?? []],
        };
    }

    private static QemuxmlCase? ReadCase(
        QemuxmlCaseJson json, HostSettings host, string directory, SourceLocation where, string sourceName, DiagnosticBag diagnostics)
    {
        void Error(string message) => diagnostics.Error(QemuDiagnostics.InvalidManifest, where, message);
        HostSettingsFile.WarnUnknown(json.Unknown, where.Path, sourceName, diagnostics);
        HostSettingsFile.WarnUnknown(json.Vnc?.Unknown, where.Path + ".vnc", sourceName, diagnostics);
        if (json.Id is null || json.Xml is null || json.Expect is null)
        {
            Error("a case needs 'id', 'xml' and 'expect'");
            return null;
        }
        if (!QemuxmlExpectationNames.Table.TryParse(json.Expect, out var expectation))
        {
            Error($"case '{json.Id}': '{json.Expect}' is not an expectation; allowed: {QemuxmlExpectationNames.Table.AllowedList}");
            return null;
        }
        if (expectation == QemuxmlExpectation.Args && json.Args is null)
            Error($"case '{json.Id}' expects args but names no 'args' file");
        var caps = QemuCapabilitySet.Parse(json.Caps ?? [], where.WithPath(where.Path + ".caps"));
        diagnostics.AddRange(caps.Diagnostics);
        return new QemuxmlCase
        {
            Id = json.Id,
            Name = json.Name ?? json.Id,
            XmlPath = Path.Combine(directory, json.Xml),
            ArgsPath = json.Args is null ? null : Path.Combine(directory, json.Args),
            Expectation = expectation,
            Capabilities = caps.Set,
            MigrateFrom = json.MigrateFrom,
            MigrateFd = json.MigrateFd,
            Vnc = json.Vnc?.ApplyTo(host.Vnc),
            LegacyCpuModels = json.LegacyCpuModels,
        };
    }
}
