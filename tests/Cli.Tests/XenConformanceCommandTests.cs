using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests;

public sealed partial class XenConformanceCommandTests : IDisposable
{
    private const string Capabilities = """
        <capabilities>
          <host><cpu><arch>x86_64</arch></cpu></host>
          <guest>
            <os_type>xen</os_type>
            <arch name='i686'>
              <machine>xenpv</machine>
              <domain type='xen'/>
            </arch>
          </guest>
        </capabilities>
        """;

    // Its canonical form: what from-native writes for TinyConfig on the host above.
    private const string TinyXml = """
        <domain type='xen'>
          <name>tiny</name>
          <uuid>4dea22b3-1d52-d8f3-2516-782e98ab3fa0</uuid>
          <memory unit='KiB'>262144</memory>
          <currentMemory unit='KiB'>262144</currentMemory>
          <vcpu placement='static'>1</vcpu>
          <bootloader>/usr/bin/pygrub</bootloader>
          <os>
            <type arch='i686' machine='xenpv'>linux</type>
          </os>
          <clock offset='utc' adjustment='reset'/>
          <on_poweroff>destroy</on_poweroff>
          <on_reboot>restart</on_reboot>
          <on_crash>restart</on_crash>
          <devices>
            <disk type='block' device='disk'>
              <driver name='phy'/>
              <source dev='/dev/vg0/tiny'/>
              <target dev='xvda' bus='xen'/>
            </disk>
            <console type='pty'>
              <target type='xen' port='0'/>
            </console>
          </devices>
        </domain>

        """;

    private const string TinyConfig = """
        name = "tiny"
        uuid = "4dea22b3-1d52-d8f3-2516-782e98ab3fa0"
        maxmem = 256
        memory = 256
        vcpus = 1
        bootloader = "/usr/bin/pygrub"
        localtime = 0
        on_poweroff = "destroy"
        on_reboot = "restart"
        on_crash = "restart"
        disk = [ "phy:/dev/vg0/tiny,xvda,w" ]

        """;

    // Wrapped as the corpus wraps .sexpr files: a backslash-newline is removed before comparing.
    private const string TinySexpr = """
        (vm (name 'tiny')(memory 256)(maxmem 256)(vcpus 1)(uuid '4dea22b3-1d52-d8f3-2516-782e98ab3fa0')\
        (bootloader '/usr/bin/pygrub')(on_poweroff 'destroy')(on_reboot 'restart')(on_crash 'restart')(localtime 0)\
        (device (vbd (dev 'xvda')(uname 'phy:/dev/vg0/tiny')(mode 'w'))))
        """;

    private const string XmConfigManifest = """
        {
          "suite": "xmconfig",
          "host": {"capabilities": "caps.xml"},
          "cases": [
            {"id": "tiny", "xml": "tiny.xml", "cfg": "tiny.cfg", "xendConfigVersion": 3},
            {"id": "tiny-bigger", "xml": "bigger.xml", "cfg": "bigger.cfg", "xendConfigVersion": 3}
          ]
        }
        """;

    private const string Xml2SexprManifest = """
        {
          "suite": "xml2sexpr",
          "host": {"capabilities": "caps.xml"},
          "cases": [
            {"id": "tiny", "xml": "tiny.xml", "sexpr": "tiny.sexpr", "domainName": "tiny", "xendConfigVersion": 3},
            {"id": "tiny#bigger", "xml": "tiny.xml", "sexpr": "bigger.sexpr", "domainName": "tiny", "xendConfigVersion": 3}
          ]
        }
        """;

    private readonly TempDirectory _temp = new();

    public XenConformanceCommandTests()
    {
        _temp.Write("caps.xml", Capabilities);
        _temp.Write("tiny.xml", TinyXml);
        _temp.Write("tiny.cfg", TinyConfig);
        _temp.Write("tiny.sexpr", TinySexpr);
        // The XML says 256 MiB, the expected cfg and S-expression 512: both directions of the case differ.
        _temp.Write("bigger.xml", TinyXml.Replace("262144", "524288", StringComparison.Ordinal));
        _temp.Write("bigger.cfg", TinyConfig);
        _temp.Write("bigger.sexpr", TinySexpr.Replace("(memory 256)", "(memory 512)", StringComparison.Ordinal));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Xmconfig_reports_both_directions_with_a_line_diff_for_each_failing_one()
    {
        _temp.Write("manifest.json", XmConfigManifest);

        var run = CliProcess.Run("conformance", _temp.Path);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            [
                "tiny-bigger: fail: line 3: expected `maxmem = 256`, got `maxmem = 512`",
                "tiny-bigger#from-native: fail: line 4: expected `  <memory unit='KiB'>524288</memory>`, got `  <memory unit='KiB'>262144</memory>`",
                "2 passed, 2 failed",
            ],
            run.StdoutLines);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Xmconfig_json_has_the_cfg_text_then_the_from_native_xml()
    {
        _temp.Write("manifest.json", XmConfigManifest);
        var output = Path.Combine(_temp.Path, "out.json");

        var run = CliProcess.Run("conformance", _temp.Path, "--json", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal("xmconfig", json.RootElement.GetProperty("suite").GetString());
        var cases = json.RootElement.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(["tiny", "tiny-bigger", "tiny#from-native", "tiny-bigger#from-native"], cases.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(["pass", "fail", "pass", "fail"], cases.Select(c => c.GetProperty("status").GetString()));
        Assert.All(cases, c => Assert.Equal(["id", "status", "actual", "message"], c.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(TinyConfig, cases[0].GetProperty("actual").GetString());
        Assert.Equal(TinyXml, cases[2].GetProperty("actual").GetString());
        // The cfg -> XML direction reads the case's .cfg; what it builds never depends on the expected .xml.
        Assert.Equal(TinyXml, cases[3].GetProperty("actual").GetString());
        Assert.Equal(JsonValueKind.Null, cases[2].GetProperty("message").ValueKind);
    }

    [Fact]
    public void Xmconfig_cfg_the_reader_refuses_fails_with_the_located_refusal()
    {
        _temp.Write("manifest.json", XmConfigManifest);
        _temp.Write("bigger.cfg", TinyConfig + "import os\n");

        var run = CliProcess.Run("conformance", _temp.Path);

        var line = Assert.Single(run.StdoutLines, l => l.StartsWith("tiny-bigger#from-native: ", StringComparison.Ordinal));
        Assert.Contains($"read: {Path.Combine(_temp.Path, "bigger.cfg")}:12:8: error DL5050: ", line);
    }

    [Fact]
    public void Xmconfig_with_a_withheld_xml_scores_the_from_native_case_unscored()
    {
        _temp.Write("manifest.json", XmConfigManifest.Replace("\"xml\": \"bigger.xml\", \"cfg\": \"bigger.cfg\"", "\"xml\": \"withheld.xml\", \"cfg\": \"tiny.cfg\"", StringComparison.Ordinal));

        var run = CliProcess.Run("conformance", _temp.Path);

        // The XML -> cfg direction of that case has no input at all: an error, not a score.
        Assert.Equal("tiny-bigger: error: input file not found: " + Path.Combine(_temp.Path, "withheld.xml"), run.StdoutLines[0]);
        Assert.Equal("2 passed, 1 failed, 1 unscored", run.StdoutLines[^1]);
    }

    [Fact]
    public void Xml2sexpr_reports_the_first_differing_character()
    {
        _temp.Write("manifest.json", Xml2SexprManifest);
        var output = Path.Combine(_temp.Path, "out.json");

        var run = CliProcess.Run("conformance", _temp.Path, "--json", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(2, run.StdoutLines.Length);
        Assert.StartsWith("tiny#bigger: fail: differs at character 25: expected ", run.StdoutLines[0]);
        Assert.Contains("(memory 512)", run.StdoutLines[0]);
        Assert.Equal("1 passed, 1 failed", run.StdoutLines[1]);
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        var cases = json.RootElement.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(["tiny", "tiny#bigger"], cases.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(TinySexpr.Replace("\\\n", "", StringComparison.Ordinal), cases[0].GetProperty("actual").GetString());
    }

    [Fact]
    public void Xml2sexpr_manifest_with_a_bad_version_is_refused_with_its_diagnostic()
    {
        _temp.Write("manifest.json", Xml2SexprManifest.Replace("\"xendConfigVersion\": 3}", "\"xendConfigVersion\": 9}", StringComparison.Ordinal));

        var run = CliProcess.Run("conformance", _temp.Path);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains("error DL5000: $.cases[0].xendConfigVersion: xend config version 9 is not supported; allowed: 1 to 4", run.Stderr);
    }

    [SharedCorpusFact]
    public void Shared_xml2sexpr_suite_ends_with_the_summary_line_and_writes_the_readme_shape()
    {
        var (run, cases) = RunShared("xml2sexpr");

        Assert.Equal(45, cases.Count);
        Assert.DoesNotContain(cases, c => c.Id.Contains("#from-native", StringComparison.Ordinal));
        Assert.All(cases.Where(c => c.Status == "pass"), c => Assert.StartsWith("(vm ", c.Actual));
        Assert.True(run.WallTime < TimeSpan.FromSeconds(30), run.ToString());
    }

    [SharedCorpusFact]
    public void Shared_xmconfig_suite_runs_both_directions_and_writes_the_readme_shape()
    {
        var (_, cases) = RunShared("xmconfig");

        var toNative = cases.Where(c => !c.Id.EndsWith("#from-native", StringComparison.Ordinal)).ToList();
        var fromNative = cases.Where(c => c.Id.EndsWith("#from-native", StringComparison.Ordinal)).ToList();
        Assert.Equal(29, toNative.Count);
        Assert.Equal(toNative.Select(c => c.Id + "#from-native"), fromNative.Select(c => c.Id));
        Assert.All(toNative.Where(c => c.Actual is not null), c => Assert.StartsWith("name = ", c.Actual));
        Assert.All(fromNative.Where(c => c.Actual is not null), c => Assert.StartsWith("<domain type='xen'", c.Actual));
    }

    private sealed record CaseJson(string Id, string Status, string? Actual, string? Message);

    private (CliRun Run, List<CaseJson> Cases) RunShared(string suite)
    {
        var output = Path.Combine(_temp.Path, suite + ".json");
        var run = CliProcess.Run("conformance", SharedCorpus.Suite(suite), "--json", output);

        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        var summary = SummaryLine().Match(run.StdoutLines[^1]);
        Assert.True(summary.Success, run.StdoutLines[^1]);
        var failed = int.Parse(summary.Groups["failed"].Value, CultureInfo.InvariantCulture);
        Assert.Equal(failed, run.StdoutLines.Length - 1);
        Assert.Equal(failed == 0 ? 0 : 1, run.ExitCode);
        Assert.All(run.StdoutLines[..^1], l => Assert.Matches(CaseLine(), l));

        using var json = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal(["suite", "cases"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(suite, json.RootElement.GetProperty("suite").GetString());
        var cases = json.RootElement.GetProperty("cases").EnumerateArray().Select(c =>
        {
            Assert.Equal(["id", "status", "actual", "message"], c.EnumerateObject().Select(p => p.Name));
            var status = c.GetProperty("status").GetString()!;
            Assert.Contains(status, (string[])["pass", "fail", "error", "unscored"]);
            return new CaseJson(c.GetProperty("id").GetString()!, status, c.GetProperty("actual").GetString(), c.GetProperty("message").GetString());
        }).ToList();
        var passed = int.Parse(summary.Groups["passed"].Value, CultureInfo.InvariantCulture);
        Assert.Equal(passed, cases.Count(c => c.Status == "pass"));
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct().Count());
        return (run, cases);
    }

    [GeneratedRegex(@"^(?<passed>\d+) passed, (?<failed>\d+) failed(, \d+ unscored)?$")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"^\S+: (fail|error): .+$")]
    private static partial Regex CaseLine();
}
