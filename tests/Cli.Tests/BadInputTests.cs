using System.Text;
using System.Text.RegularExpressions;
using DomainLauncher.Cli.Tests.Support;
using Xunit.Abstractions;

namespace DomainLauncher.Cli.Tests;

/// <summary>
/// Broken and hostile documents: each is refused with exit 1 and a located, coded, one-line
/// diagnostic naming the file, never a stack trace, quickly and in little memory.
/// </summary>
public sealed class BadInputTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan WallTimeLimit = TimeSpan.FromSeconds(2);
    private const long PeakRssLimitKib = 200 * 1024;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Empty_file_is_refused()
    {
        var run = AssertRefused(_temp.Write("empty.xml", ""), "DL1004", Position.Unknown);
        Assert.Contains("empty", run.StdoutLines[0]);
    }

    [Fact]
    public void Text_that_is_not_XML_is_refused_at_its_position()
    {
        AssertRefused(_temp.Write("not-xml.xml", "this is not a domain\n"), "DL1005", Position.Known);
    }

    [Fact]
    public void Truncated_XML_is_refused_at_its_position()
    {
        AssertRefused(_temp.Write("truncated.xml", "<domain type='kvm'>\n  <name>t</name>\n  <memory>52"), "DL1005", Position.Known);
    }

    [Fact]
    public void Wrong_root_element_is_refused_naming_it()
    {
        var run = AssertRefused(_temp.Write("network.xml", "<network>\n  <name>default</name>\n</network>\n"),
            "DL1009", Position.Known);
        Assert.Contains("<network>", run.StdoutLines[0]);
    }

    [Fact]
    public void Missing_name_is_refused_naming_the_element()
    {
        var run = AssertRefused(_temp.Write("no-name.xml", Domain(name: null)), "DL2001", Position.Known);
        Assert.Contains("<name>", run.StdoutLines[0]);
    }

    [Fact]
    public void External_entity_is_refused_and_the_referenced_file_is_never_read()
    {
        var xml = """
            <?xml version='1.0'?>
            <!DOCTYPE domain [
              <!ENTITY xxe SYSTEM 'file:///etc/passwd'>
            ]>
            <domain type='kvm'>
              <name>&xxe;</name>
              <memory>524288</memory>
            </domain>
            """;
        // The loader locates a refused DTD at its <!DOCTYPE.
        var run = AssertRefused(_temp.Write("xxe.xml", xml), "DL1006", Position.Known);
        Assert.DoesNotContain("root:", run.AllOutput);
    }

    [Fact]
    public void Entity_expansion_bomb_is_refused()
    {
        var dtd = new StringBuilder("<?xml version='1.0'?>\n<!DOCTYPE domain [\n  <!ENTITY lol0 'lol'>\n");
        for (var i = 1; i <= 9; i++)
            dtd.Append($"  <!ENTITY lol{i} '{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}'>\n");
        dtd.Append("]>\n<domain type='kvm'><name>&lol9;</name><memory>524288</memory></domain>\n");

        AssertRefused(_temp.Write("billion-laughs.xml", dtd.ToString()), "DL1006", Position.Known);
    }

    [Fact]
    public void Ten_thousand_levels_of_nesting_are_refused_at_the_limit()
    {
        var xml = "<domain type='kvm'>" + string.Concat(Enumerable.Repeat("<a>", 10_000))
            + string.Concat(Enumerable.Repeat("</a>", 10_000)) + "</domain>";

        AssertRefused(_temp.Write("deep.xml", xml), "DL1007", Position.Known);
    }

    [Fact]
    public void Hundred_megabyte_file_is_refused_without_reading_it()
    {
        var path = Path.Combine(_temp.Path, "huge.xml");
        using (var file = File.Create(path))
        {
            file.Write("<domain type='kvm'><name>huge</name><description>"u8);
            file.SetLength(100L * 1024 * 1024); // sparse: the rest reads as zeros without being written
        }

        var run = AssertRefused(path, "DL1003", Position.Unknown);
        Assert.Contains("104857600", run.StdoutLines[0]);
    }

    [Fact]
    public void A_device_with_no_end_is_refused_at_the_limit()
    {
        // /dev/zero has no length to refuse it by: it is read up to the limit, then refused.
        var run = AssertRefused("/dev/zero", "DL1003", Position.Unknown);
        Assert.Contains("more than the limit", run.StdoutLines[0]);
    }

    [Fact]
    public void Invalid_UTF8_bytes_are_refused_at_their_position()
    {
        var bytes = Encoding.ASCII.GetBytes("<domain type='kvm'>\n  <name>bad")
            .Concat(new byte[] { 0xFF, 0xFE, 0xC3 })
            .Concat(Encoding.ASCII.GetBytes("</name>\n</domain>\n")).ToArray();

        AssertRefused(_temp.Write("bad-utf8.xml", bytes), "DL1008", Position.Known);
    }

    [Fact]
    public void Memory_too_large_for_any_integer_is_refused_naming_the_value()
    {
        var run = AssertRefused(_temp.Write("memory.xml", Domain(memory: "99999999999999999999999")), "DL2005", Position.Known);
        Assert.Contains("99999999999999999999999", run.StdoutLines[0]);
        Assert.Contains("domain/memory", run.StdoutLines[0]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Vcpu_count_below_one_is_refused_naming_the_value(string vcpus)
    {
        var run = AssertRefused(_temp.Write("vcpu.xml", Domain(vcpu: vcpus)), "DL3001", Position.Known);
        Assert.Contains($"'{vcpus}'", run.StdoutLines[0]);
        Assert.Contains("domain/vcpu", run.StdoutLines[0]);
    }

    /// <summary>Needs the disk parser (another branch); until it is merged, &lt;disk&gt; is read as a placeholder and this fails.</summary>
    [Fact]
    public void Unknown_disk_bus_is_refused_naming_the_bus()
    {
        var devices = """
              <devices>
                <disk type='file' device='disk'>
                  <source file='/var/lib/images/guest.img'/>
                  <target dev='vda' bus='floppyish'/>
                </disk>
              </devices>
            """;
        var run = AssertRefused(_temp.Write("disk-bus.xml", Domain(devices: devices)), "DL2003", Position.Known);
        Assert.Contains("'floppyish'", run.StdoutLines[0]);
    }

    [Fact]
    public void Missing_file_is_refused()
    {
        AssertRefused(Path.Combine(_temp.Path, "does-not-exist.xml"), "DL1001", Position.Unknown);
    }

    [Fact]
    public void Directory_instead_of_a_file_is_refused()
    {
        var directory = Path.Combine(_temp.Path, "a-directory.xml");
        Directory.CreateDirectory(directory);

        AssertRefused(directory, "DL1002", Position.Unknown);
    }

    private enum Position { Known, Unknown }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string Domain(string? name = "test-guest", string memory = "524288", string vcpu = "1", string devices = "") =>
        $"""
        <domain type='kvm'>
        {(name is null ? "" : $"  <name>{name}</name>\n")}  <memory>{memory}</memory>
          <vcpu>{vcpu}</vcpu>
          <os>
            <type arch='x86_64'>hvm</type>
          </os>
        {devices}</domain>
        """;

    /// <summary>
    /// Runs <c>validate FILE</c> and checks the common promise for bad input; returns the run for
    /// case-specific checks on its first line (the first error).
    /// </summary>
    private CliRun AssertRefused(string file, string code, Position position)
    {
        var run = CliProcess.Run("validate", file);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.DoesNotContain("   at ", run.AllOutput);
        Assert.DoesNotContain("Exception", run.AllOutput);
        Assert.True(run.Stderr.Length == 0, "nothing on stderr without --verbose\n" + run);
        var located = position == Position.Known ? @":\d+:\d+" : "";
        var first = run.StdoutLines.FirstOrDefault(l => l.Contains(": error ", StringComparison.Ordinal)) ?? "";
        Assert.True(Regex.IsMatch(first, $"^{Regex.Escape(file)}{located}: error {code}: \\S"),
            $"expected '{file}{(position == Position.Known ? ":LINE:COL" : "")}: error {code}: ...' first\n{run}");
        Assert.Equal($"{file}: invalid", run.StdoutLines[^1].Split(" (")[0]);
        // Best of up to four: a machine busy with other work (CI runs the QEMU tests beside these) can
        // stall a start-up; a slow CLI is slow every time.
        var wallTime = run.WallTime;
        for (var retry = 0; retry < 3 && wallTime >= WallTimeLimit; retry++)
            wallTime = Min(wallTime, CliProcess.Run("validate", file).WallTime);
        Assert.True(wallTime < WallTimeLimit, $"took {wallTime.TotalMilliseconds:F0} ms\n{run}");
        if (run.PeakRssKib is { } peak)
            Assert.True(peak < PeakRssLimitKib, $"peak RSS {peak} KiB\n{run}");
        output.WriteLine($"{Path.GetFileName(file)}: {wallTime.TotalMilliseconds:F0} ms, peak RSS {run.PeakRssKib} KiB");
        return run;
    }
}
