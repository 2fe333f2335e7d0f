using System.Text.Json;
using System.Text.RegularExpressions;
using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests;

public sealed partial class ConformanceCommandTests : IDisposable
{
    private const string Manifest = """
        {
          "suite": "qemuxml2argv",
          "host": {
            "environment": {"LC_ALL": "C", "PATH": "/bin"},
            "environmentUnset": ["QEMU_AUDIO_DRV"],
            "monitor": {"type": "unix", "path": "/tmp/mon", "listen": true},
            "capsAlwaysSet": ["no-acpi"]
          },
          "cases": [
            {"id": "small", "xml": "small.xml", "args": "small.args", "expect": "args", "caps": []},
            {"id": "small#wrong-memory", "name": "small", "xml": "small.xml", "args": "wrong.args", "expect": "args", "caps": []},
            {"id": "kvm-without-kvm", "xml": "kvm.xml", "expect": "failure", "caps": []}
          ]
        }
        """;

    private const string SmallDomain = """
        <domain type='qemu'>
          <name>tiny</name>
          <memory>262144</memory>
          <vcpu>1</vcpu>
          <os><type arch='i686' machine='pc'>hvm</type></os>
          <devices>
            <emulator>/usr/bin/qemu</emulator>
            <disk type='file' device='disk'>
              <source file='/images/tiny.img'/>
              <target dev='hda' bus='ide'/>
            </disk>
          </devices>
        </domain>
        """;

    // Written the way the corpus writes .args files: continued lines, joined before comparing.
    private const string SmallArgs = """
        LC_ALL=C PATH=/bin /usr/bin/qemu -S -M pc -m 256 -smp 1 -nographic \
        -monitor unix:/tmp/mon,server,nowait -no-acpi -boot c -hda /images/tiny.img \
        -net none -serial none -parallel none -usb

        """;

    private readonly TempDirectory _temp = new();

    public ConformanceCommandTests()
    {
        _temp.Write("manifest.json", Manifest);
        _temp.Write("small.xml", SmallDomain);
        _temp.Write("kvm.xml", SmallDomain.Replace("type='qemu'", "type='kvm'", StringComparison.Ordinal));
        _temp.Write("small.args", SmallArgs);
        _temp.Write("wrong.args", SmallArgs.Replace("-m 256", "-m 512", StringComparison.Ordinal));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Failing_case_gets_one_line_and_the_last_line_counts_passes_and_failures()
    {
        var run = CliProcess.Run("conformance", _temp.Path);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(["small#wrong-memory", "2 passed, 1 failed"], [run.StdoutLines[0].Split(':')[0], run.StdoutLines[^1]]);
        Assert.Equal(2, run.StdoutLines.Length);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Diff_line_names_the_first_differing_word_with_context_on_both_sides()
    {
        var run = CliProcess.Run("conformance", _temp.Path);

        Assert.Equal(
            "small#wrong-memory: fail (expects args): word 8: " +
            "expected ... -M pc -m >>512<< -smp 1 -nographic ...; got ... -M pc -m >>256<< -smp 1 -nographic ...",
            run.StdoutLines[0]);
    }

    [Fact]
    public void Refusal_where_a_command_line_is_expected_prints_the_refusal()
    {
        _temp.Write("small.xml", SmallDomain.Replace("type='qemu'", "type='kvm'", StringComparison.Ordinal));

        var run = CliProcess.Run("conformance", _temp.Path);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("small: fail (expects args): validate: ", run.StdoutLines[0]);
        Assert.Contains("error DL4050: ", run.StdoutLines[0]);
        Assert.Equal("1 passed, 2 failed", run.StdoutLines[^1]);
    }

    [Fact]
    public void All_passing_exits_0_with_only_the_summary()
    {
        _temp.Write("wrong.args", SmallArgs);

        var run = CliProcess.Run("conformance", _temp.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["3 passed, 0 failed"], run.StdoutLines);
    }

    [Fact]
    public void Withheld_expected_file_is_counted_as_unscored_not_failed()
    {
        File.Delete(Path.Combine(_temp.Path, "wrong.args"));

        var run = CliProcess.Run("conformance", _temp.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["2 passed, 0 failed, 1 unscored"], run.StdoutLines);
    }

    [Fact]
    public void Json_result_has_the_readme_shape()
    {
        var output = Path.Combine(_temp.Path, "out.json");

        var run = CliProcess.Run("conformance", _temp.Path, "--json", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        var root = json.RootElement;
        Assert.Equal(["suite", "cases"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("qemuxml2argv", root.GetProperty("suite").GetString());
        var cases = root.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(["small", "small#wrong-memory", "kvm-without-kvm"], cases.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(["pass", "fail", "pass"], cases.Select(c => c.GetProperty("status").GetString()));
        Assert.All(cases, c => Assert.Equal(["id", "status", "actual", "message"], c.EnumerateObject().Select(p => p.Name)));
        Assert.StartsWith("LC_ALL=C PATH=/bin /usr/bin/qemu -S -M pc -m 256 ", cases[0].GetProperty("actual").GetString());
        Assert.Equal(JsonValueKind.Null, cases[0].GetProperty("message").ValueKind);
        Assert.Contains("512", cases[1].GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, cases[2].GetProperty("actual").ValueKind);
        Assert.Contains("DL4050", cases[2].GetProperty("message").GetString());
    }

    [Fact]
    public void Unknown_suite_is_refused_listing_the_supported_ones()
    {
        _temp.Write("manifest.json", Manifest.Replace("\"qemuxml2argv\"", "\"lxcxml2argv\"", StringComparison.Ordinal));

        var run = CliProcess.Run("conformance", _temp.Path);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains("error DL1102: $.suite: suite 'lxcxml2argv' is not supported; supported: qemuxml2argv, xml2sexpr, xmconfig", run.Stderr);
    }

    [Fact]
    public void Folder_without_a_manifest_is_refused()
    {
        File.Delete(Path.Combine(_temp.Path, "manifest.json"));

        var run = CliProcess.Run("conformance", _temp.Path);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("manifest.json: error DL1001: no manifest.json in the suite folder", run.Stderr);
    }

    [Fact]
    public void Broken_manifest_is_refused_with_a_diagnostic_not_a_crash()
    {
        _temp.Write("manifest.json", "{ \"suite\": ");

        var run = CliProcess.Run("conformance", _temp.Path);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("error DL1104", run.Stderr);
        Assert.DoesNotContain("internal error", run.Stderr);
    }

    [Fact]
    public void Missing_suite_argument_is_a_usage_error()
    {
        var run = CliProcess.Run("conformance");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("domainlauncher conformance --help", run.Stderr);
    }

    [SharedCorpusFact]
    public void Shared_qemu_suite_ends_with_the_summary_line_and_writes_the_readme_shape()
    {
        var output = Path.Combine(_temp.Path, "shared.json");

        var run = CliProcess.Run("conformance", SharedCorpus.Suite("qemuxml2argv"), "--json", output);

        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        var summary = SummaryLine().Match(run.StdoutLines[^1]);
        Assert.True(summary.Success, run.StdoutLines[^1]);
        var failed = int.Parse(summary.Groups["failed"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(failed, run.StdoutLines.Length - 1);
        Assert.Equal(failed == 0 ? 0 : 1, run.ExitCode);
        Assert.All(run.StdoutLines[..^1], l => Assert.Matches(CaseLine(), l));

        using var json = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal("qemuxml2argv", json.RootElement.GetProperty("suite").GetString());
        var cases = json.RootElement.GetProperty("cases").EnumerateArray().ToList();
        var passed = int.Parse(summary.Groups["passed"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(passed, cases.Count(c => c.GetProperty("status").GetString() == "pass"));
        Assert.All(cases, c =>
        {
            Assert.Equal(["id", "status", "actual", "message"], c.EnumerateObject().Select(p => p.Name));
            Assert.Contains(c.GetProperty("status").GetString(), (string[])["pass", "fail", "error", "unscored"]);
        });
    }

    [GeneratedRegex(@"^(?<passed>\d+) passed, (?<failed>\d+) failed(, \d+ unscored)?$")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"^\S+: (fail \(expects (args|failure|error|parse-error)\)|error): .+$")]
    private static partial Regex CaseLine();
}
