using System.Text;
using System.Collections.Immutable;
using System.Text.Json;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>
/// Reads host settings from JSON:
/// <code>
/// { "capabilities": "host-capabilities.xml", "cpuMap": "cpu_map.xml",
///   "environment": {"LC_ALL": "C", "PATH": "/bin"}, "environmentUnset": ["TMPDIR"],
///   "monitor": {"type": "unix", "path": "/tmp/mon", "listen": true, "json": null},
///   "stateDir": "...", "libDir": "...", "hugetlbfsMount": "...", "hugepagePath": "...",
///   "vnc": {"listen", "autoUnixSocket", "tls", "tlsX509CertDir", "tlsX509Verify", "password", "sasl", "saslDir", "allowHostAudio"},
///   "spice": {"listen", "tls", "tlsX509CertDir", "password"},
///   "secrets": [{"usageType": "ceph", "usage": "...", "value": "..."}],
///   "scsiGenericDevices": {"0:0:0:0": "/dev/sg0"},
///   "defaultConsoleTargetType": "serial" }
/// </code>
/// Every key is optional (absent keys keep <see cref="HostSettings.Default"/>); file paths are
/// relative to the settings file's folder. Unknown keys are warnings, wrong types errors.
/// </summary>
public static class HostSettingsFile
{
    /// <summary>Reads the settings file <paramref name="path"/> from <paramref name="files"/>, with the files it names.</summary>
    public static LoadResult<HostSettings> Load(IInputFiles files, string path)
    {
        var read = files.Read(path, XmlLimits.Default.MaxBytes);
        if (read.Bytes is not { } bytes) return new(null, [read.Error!]);
        return Parse(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes), path, DirectoryOf(path), files);
    }

    /// <summary>The folder relative file names in a settings file at <paramref name="path"/> start from: the file's own.</summary>
    public static string DirectoryOf(string path) => Path.GetDirectoryName(path) is { Length: > 0 } folder ? folder : ".";

    public static LoadResult<HostSettings> Parse(string json, string sourceName, string baseDirectory, IInputFiles files)
    {
        var diagnostics = new DiagnosticBag();
        using var document = JsonText.Parse(json, sourceName, QemuDiagnostics.InvalidHostSettings, diagnostics);
        if (document is null) return LoadResult<HostSettings>.From(null, diagnostics);
        var settings = FromElement(document.RootElement, sourceName, baseDirectory, files, ignoredKeys: new HashSet<string>(), diagnostics);
        return LoadResult<HostSettings>.From(settings, diagnostics);
    }

    /// <summary>Reads a settings object that sits inside another document (a manifest's <c>host</c>), ignoring the keys that document owns.</summary>
    internal static HostSettings? FromElement(
        JsonElement element, string sourceName, string baseDirectory, IInputFiles files, IReadOnlySet<string> ignoredKeys, DiagnosticBag diagnostics)
    {
        var json = JsonText.Deserialize(element, HostSettingsJsonContext.Default.HostSettingsJson, sourceName,
            QemuDiagnostics.InvalidHostSettings, diagnostics);
        if (json is null) return null;
        var where = SourceLocation.OfFile(sourceName);
        void Error(string path, string message) =>
            diagnostics.Error(QemuDiagnostics.InvalidHostSettings, where.WithPath(path), message);

        WarnUnknown(json.Unknown, "$", sourceName, diagnostics, ignoredKeys);
        WarnUnknown(json.Monitor?.Unknown, "$.monitor", sourceName, diagnostics);
        WarnUnknown(json.Vnc?.Unknown, "$.vnc", sourceName, diagnostics);
        WarnUnknown(json.Spice?.Unknown, "$.spice", sourceName, diagnostics);

        var defaults = HostSettings.Default;
        if (json.Monitor?.Type is { } monitorType && monitorType != "unix")
            Error("$.monitor.type", $"monitor type '{monitorType}' is not supported; allowed: unix");

        var settings = defaults with
        {
            Vnc = json.Vnc?.ApplyTo(defaults.Vnc) ?? defaults.Vnc,
            Spice = json.Spice is { } spice
                ? defaults.Spice with
                {
                    Listen = spice.Listen ?? defaults.Spice.Listen,
                    Tls = spice.Tls ?? defaults.Spice.Tls,
                    TlsX509CertDir = spice.TlsX509CertDir ?? defaults.Spice.TlsX509CertDir,
                    Password = spice.Password ?? defaults.Spice.Password,
                }
                : defaults.Spice,
            HugetlbfsMount = json.HugetlbfsMount ?? defaults.HugetlbfsMount,
            HugepagePath = json.HugepagePath ?? defaults.HugepagePath,
            StateDirectory = json.StateDir ?? defaults.StateDirectory,
            LibDirectory = json.LibDir ?? defaults.LibDirectory,
            Monitor = json.Monitor is { } monitor
                ? defaults.Monitor with
                {
                    Path = monitor.Path ?? defaults.Monitor.Path,
                    Listen = monitor.Listen ?? defaults.Monitor.Listen,
                    Json = monitor.Json ?? defaults.Monitor.Json,
                }
                : defaults.Monitor,
            Environment = ReadEnvironment(json, defaults.Environment, Error),
            Secrets = ReadSecrets(json.Secrets, sourceName, diagnostics, Error),
            ScsiGenericDevices = json.ScsiGenericDevices is { } generic
                ? generic.ToImmutableDictionary(StringComparer.Ordinal)
                : defaults.ScsiGenericDevices,
            DefaultConsoleTargetType = json.DefaultConsoleTargetType ?? defaults.DefaultConsoleTargetType,
            Capabilities = json.Capabilities is null ? null : Merge(HostCapabilitiesParser.LoadFile(files, Path.Combine(baseDirectory, json.Capabilities)), diagnostics),
            CpuMap = json.CpuMap is null ? null : Merge(CpuMapParser.LoadFile(files, Path.Combine(baseDirectory, json.CpuMap)), diagnostics),
        };
        return settings;
    }

    private static ProcessEnvironment ReadEnvironment(HostSettingsJson json, ProcessEnvironment defaults, Action<string, string> error)
    {
        if (json.Environment is null && json.EnvironmentUnset is null) return defaults;
        var set = ImmutableArray.CreateBuilder<EnvironmentVariable>();
        if (json.Environment is { } environment)
        {
            if (environment.ValueKind != JsonValueKind.Object)
                error("$.environment", "must be an object of variable names to string values");
            else
                foreach (var property in environment.EnumerateObject())
                {
                    var path = $"$.environment.{property.Name}";
                    if (!EnvironmentVariable.IsValidName(property.Name))
                        error(path, $"'{property.Name}' is not a valid environment variable name (letters, digits and '_', not starting with a digit)");
                    else if (property.Value.ValueKind != JsonValueKind.String)
                        error(path, $"the value of '{property.Name}' must be a string");
                    else
                        set.Add(new EnvironmentVariable(property.Name, property.Value.GetString()!));
                }
        }
        var unset = json.EnvironmentUnset ?? [];
        foreach (var name in unset.Where(n => !EnvironmentVariable.IsValidName(n)))
            error("$.environmentUnset", $"'{name}' is not a valid environment variable name");
        return new ProcessEnvironment { Set = set.ToImmutable(), Unset = [.. unset] };
    }

    private static ImmutableArray<HostSecret> ReadSecrets(
        List<SecretJson>? secrets, string sourceName, DiagnosticBag diagnostics, Action<string, string> error)
    {
        if (secrets is null) return [];
        var result = ImmutableArray.CreateBuilder<HostSecret>();
        for (var i = 0; i < secrets.Count; i++)
        {
            var secret = secrets[i];
            var path = $"$.secrets[{i}]";
            WarnUnknown(secret.Unknown, path, sourceName, diagnostics);
            if (secret.UsageType is null || secret.Usage is null || secret.Value is null)
            {
                error(path, "a secret needs 'usageType', 'usage' and 'value'");
                continue;
            }
            if (!SecretUsageTypeNames.Table.TryParse(secret.UsageType, out var usageType))
            {
                error(path + ".usageType", $"'{secret.UsageType}' is not a secret usage type; allowed: {SecretUsageTypeNames.Table.AllowedList}");
                continue;
            }
            result.Add(new HostSecret(usageType, secret.Usage, secret.Value));
        }
        return result.ToImmutable();
    }

    private static T? Merge<T>(LoadResult<T> loaded, DiagnosticBag diagnostics) where T : class
    {
        diagnostics.AddRange(loaded.Diagnostics);
        return loaded.Value;
    }

    internal static void WarnUnknown(
        Dictionary<string, JsonElement>? unknown, string path, string sourceName, DiagnosticBag diagnostics,
        IReadOnlySet<string>? ignored = null)
    {
        if (unknown is null) return;
        foreach (var key in unknown.Keys.Where(k => ignored is null || !ignored.Contains(k)).Order(StringComparer.Ordinal))
            diagnostics.Warning(QemuDiagnostics.UnknownSetting, SourceLocation.OfFile(sourceName).WithPath($"{path}.{key}"),
                $"unknown setting '{key}' ignored");
    }
}
