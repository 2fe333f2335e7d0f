using System.Text.Json;
using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests;

/// <summary>Many documents in one process: validate, to-native and from-native, with one JSON line per document.</summary>
public sealed class BatchTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private static readonly string Minimal = Path.Combine(Repository.Examples, "minimal-qemu.xml");
    private static readonly string Headless = Path.Combine(Repository.Examples, "headless-qemu.xml");
    private static readonly string Xen = Path.Combine(Repository.Examples, "xen-pv.xml");

    public void Dispose() => _temp.Dispose();

    private static List<JsonDocument> Lines(CliRun run) => [.. run.StdoutLines.Select(line => JsonDocument.Parse(line))];

    [Fact]
    public void Validate_json_writes_one_line_per_document_refused_ones_with_their_diagnostics()
    {
        var broken = _temp.Write("broken.xml", "<domain type='qemu'>\n<name>x</name>\n<vcpu>0</vcpu><memory>1024</memory></domain>");
        var absent = Path.Combine(_temp.Path, "absent.xml");

        var run = CliProcess.Run("validate", "--json", Minimal, broken, absent);

        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = Lines(run);
        Assert.Equal(3, lines.Count);
        Assert.Equal([Minimal, broken, absent], lines.Select(l => l.RootElement.GetProperty("file").GetString()));
        Assert.Equal([true, false, false], lines.Select(l => l.RootElement.GetProperty("ok").GetBoolean()));
        var vcpu = lines[1].RootElement.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("code").GetString() == "DL3001");
        Assert.Equal("error", vcpu.GetProperty("severity").GetString());
        Assert.Equal(3, vcpu.GetProperty("line").GetInt32());
        Assert.Equal("DL1001", lines[2].RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString());
        Assert.Equal(1, lines[2].RootElement.GetProperty("errors").GetInt32());
    }

    [Fact]
    public void A_long_batch_gives_each_document_the_line_it_gets_alone()
    {
        // Long enough for the files to be read ahead in groups (InputReadAhead), with inputs that are not read ahead among them.
        var guests = Directory.GetFiles(Path.Combine(Repository.Examples, "guests"), "*.xml").Order(StringComparer.Ordinal).ToArray();
        var broken = _temp.Write("broken.xml", "<domain type='qemu'>\n<name>x</name>\n<vcpu>0</vcpu><memory>1024</memory></domain>");
        var absent = Path.Combine(_temp.Path, "absent.xml");
        var distinct = guests.Concat([Minimal, Headless, Xen, broken, absent, _temp.Path]).ToArray();
        var batch = distinct.Concat(distinct).Concat(guests).ToArray();

        foreach (var command in new[] { new[] { "validate", "--json" }, ["to-native", "qemu-argv", "--json"] })
        {
            var alone = distinct.ToDictionary(file => file, file => CliProcess.Run([.. command, file]).StdoutLines.Single());
            var run = CliProcess.Run([.. command, .. batch]);

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Equal(batch.Select(file => alone[file]), run.StdoutLines);
        }
    }

    [Fact]
    public void To_native_translates_many_documents_one_line_each()
    {
        var run = CliProcess.Run("to-native", "qemu-argv", Minimal, Headless);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, run.StdoutLines.Length);
        Assert.Contains("-name web-frontend ", run.StdoutLines[0]);
        Assert.Contains("-name build-runner ", run.StdoutLines[1]);
    }

    [Fact]
    public void To_native_json_writes_one_line_per_document_and_a_refused_one_gets_its_line()
    {
        var run = CliProcess.Run("to-native", "qemu-argv", "--json", Minimal, Xen, Headless);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.Stderr);
        var lines = Lines(run);
        Assert.Equal(3, lines.Count);
        Assert.Equal([true, false, true], lines.Select(l => l.RootElement.GetProperty("ok").GetBoolean()));
        Assert.Equal("-name", lines[0].RootElement.GetProperty("commandLine").GetProperty("args")[0].GetString());
        Assert.Equal(JsonValueKind.Null, lines[1].RootElement.GetProperty("commandLine").ValueKind);
        Assert.Equal("DL6510", lines[1].RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void To_native_json_takes_no_other_format()
    {
        var run = CliProcess.Run("to-native", "qemu-argv", "--json", "--format", "lines", Minimal);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--json prints JSON lines; it takes no --format lines.", run.Stderr);
    }

    [Fact]
    public void From_native_json_keeps_markup_and_quotes_unescaped()
    {
        var run = CliProcess.Run("from-native", "xen-xm", "--json", Path.Combine(Repository.Examples, "xen-hvm.cfg"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(run.StdoutLines);
        Assert.Contains("\"xml\":\"<domain type='xen'>\\n", run.Stdout);
        Assert.DoesNotContain("\\u003C", run.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u0027", run.Stdout, StringComparison.OrdinalIgnoreCase);
        using var line = JsonDocument.Parse(run.Stdout);
        Assert.StartsWith("<domain type='xen'>", line.RootElement.GetProperty("xml").GetString());
    }

    [Fact]
    public void Json_lines_keep_messages_readable()
    {
        // A diagnostic message naming an element, as JSON: written as typed, not \u003C.
        var file = _temp.Write("guest.xml", "<domain type='qemu'><name>a</name><memory>1024</memory><devices><emulator>/usr/bin/qemu</emulator></devices><bogus/></domain>");

        var run = CliProcess.Run("validate", "--json", file);

        Assert.DoesNotContain("\\u00", run.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"code\":\"DL2007\"", run.Stdout);
        Assert.Contains("\"message\":\"unknown element <bogus> ignored\"", run.Stdout);
    }
}
