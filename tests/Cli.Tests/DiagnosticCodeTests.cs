using System.Reflection;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Cli.Tests;

/// <summary>
/// Diagnostic codes are what users search for and scripts match on, so one code means one thing
/// across every catalog of every DomainLauncher assembly (the translator's, each driver's, the host
/// runtime's, the conformance runners' and the tool's). The catalogs are found by reflection, so a
/// catalog added later is checked without being listed here.
/// </summary>
public sealed class DiagnosticCodeTests
{
    /// <summary>Every DomainLauncher assembly beside the tests: the libraries and the tool (domainlauncher.dll).</summary>
    private static IReadOnlyList<Assembly> DomainLauncherAssemblies() =>
        [.. Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => Path.GetFileName(f).StartsWith("domainlauncher", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => Assembly.LoadFrom(f))];

    /// <summary>Each static field of type <see cref="DiagnosticCode"/>, public or not, with the type that declares it.</summary>
    private static IReadOnlyList<(string Field, DiagnosticCode Code)> Codes() =>
        [.. DomainLauncherAssemblies()
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType == typeof(DiagnosticCode))
            .Select(f => ($"{f.DeclaringType!.FullName}.{f.Name}", (DiagnosticCode)f.GetValue(null)!))];

    [Fact]
    public void Every_catalog_of_every_assembly_is_searched()
    {
        string[] catalogs = [.. Codes().Select(c => c.Field[..c.Field.LastIndexOf('.')]).Distinct()];

        foreach (var expected in new[]
        {
            "DomainLauncher.Translator.Diagnostics.DiagnosticCatalog", "DomainLauncher.Drivers.Qemu.QemuDiagnostics",
            "DomainLauncher.Drivers.Qemu.Cpu.CpuDiagnostics", "DomainLauncher.Drivers.Qemu.Native.EmulatorChoiceDiagnostics",
            "DomainLauncher.Drivers.Xen.XenXmDiagnostics", "DomainLauncher.Drivers.Xen.XenSexprDiagnostics",
            "DomainLauncher.HostRuntime.Check.CheckDiagnostics", "DomainLauncher.HostRuntime.Probing.ProbeDiagnostics",
            "DomainLauncher.HostRuntime.Launching.RuntimeDiagnostics", "DomainLauncher.HostRuntime.CapabilitiesXml.CapabilitiesXmlDiagnostics",
            "DomainLauncher.Conformance.ConformanceDiagnostics",
        })
            Assert.Contains(expected, catalogs);
    }

    [Fact]
    public void No_diagnostic_code_is_used_by_two_definitions()
    {
        var codes = Codes();
        Assert.True(codes.Count > 100, $"only {codes.Count} codes found: the catalogs were not loaded");

        string[] repeated = [.. codes
            .GroupBy(c => c.Code.Id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Field))}")];

        Assert.True(repeated.Length == 0, "codes defined more than once:\n" + string.Join("\n", repeated));
    }

    [Fact]
    public void Every_code_is_DL_and_four_digits()
    {
        string[] malformed = [.. Codes().Where(c => !System.Text.RegularExpressions.Regex.IsMatch(c.Code.Id, "^DL[0-9]{4}$")).Select(c => $"{c.Field} = {c.Code.Id}")];

        Assert.True(malformed.Length == 0, "codes not of the form DLnnnn: " + string.Join(", ", malformed));
    }
}
