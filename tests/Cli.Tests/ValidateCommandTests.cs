using System.Text.RegularExpressions;
using DomainLauncher.Cli.Tests.Support;

using DomainLauncher.Cli.Startup;

namespace DomainLauncher.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private const string ValidDomain = """
        <domain type='kvm'>
          <name>test-guest</name>
          <memory>524288</memory>
          <vcpu>1</vcpu>
          <os>
            <type arch='x86_64'>hvm</type>
          </os>
        </domain>
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(Repository.Examples, "*.xml").Order(StringComparer.Ordinal).Select(f => "examples/" + Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Bundled_example_is_valid_without_any_diagnostic(string example)
    {
        var run = CliProcess.Run("validate", example);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([$"{example}: valid"], run.StdoutLines);
        Assert.Equal("", run.Stderr);
    }

    /// <summary>A path into the repository's examples or recorded profiles, as the help and the README write them.</summary>
    private static readonly Regex RepositoryPath = new(@"(?<![\w./-])(?:examples|profiles)/[\w./-]*[\w/-]", RegexOptions.CultureInvariant);

    [Fact]
    public void The_examples_named_in_the_help_and_readme_exist()
    {
        var help = CliApplication.RootExamples.Concat(CommandCatalog.All.SelectMany(entry => entry.Create().Examples))
            .Select(example => example.CommandLine);
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        string[] named = [.. help.Append(readme).SelectMany(text => RepositoryPath.Matches(text).Select(m => m.Value)).Distinct().Order(StringComparer.Ordinal)];

        // The help of to-native and the README name these; an empty list would mean the pattern finds nothing.
        Assert.Contains("examples/headless-qemu.xml", named);
        Assert.Contains("profiles/qemu-7.2-x86_64.json", named);
        string[] missing = [.. named.Where(path => !File.Exists(Path.Combine(Repository.Root, path)) && !Directory.Exists(Path.Combine(Repository.Root, path)))];
        Assert.True(missing.Length == 0, "named in the help or the README but not in the repository: " + string.Join(", ", missing));
    }

    [Fact]
    public void Valid_file_prints_a_valid_summary_and_exits_0()
    {
        var file = _temp.Write("guest.xml", ValidDomain);

        var run = CliProcess.Run("validate", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([$"{file}: valid"], run.StdoutLines);
    }

    [Fact]
    public void Warnings_are_printed_but_the_file_is_still_valid_and_exits_0()
    {
        var file = _temp.Write("guest.xml", ValidDomain.Replace("<vcpu>", "<frobnicate/>\n  <vcpu>", StringComparison.Ordinal));

        var run = CliProcess.Run("validate", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, run.StdoutLines.Length);
        Assert.StartsWith($"{file}:4:4: warning DL2007: domain/frobnicate: ", run.StdoutLines[0]);
        Assert.Equal($"{file}: valid (1 warning)", run.StdoutLines[1]);
    }

    [Fact]
    public void One_invalid_file_among_valid_ones_exits_1_and_every_file_is_reported()
    {
        var good = _temp.Write("good.xml", ValidDomain);
        var bad = _temp.Write("bad.xml", ValidDomain.Replace("<vcpu>1</vcpu>", "<vcpu>0</vcpu>", StringComparison.Ordinal));

        var run = CliProcess.Run("validate", good, bad, good);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal($"{good}: valid", run.StdoutLines[0]);
        Assert.StartsWith($"{bad}:4:4: error DL3001: domain/vcpu: ", run.StdoutLines[1]);
        Assert.Equal($"{bad}: invalid (1 error)", run.StdoutLines[2]);
        Assert.Equal($"{good}: valid", run.StdoutLines[3]);
    }

    [Fact]
    public void Quiet_prints_only_diagnostic_lines()
    {
        var good = _temp.Write("good.xml", ValidDomain);
        var bad = _temp.Write("bad.xml", ValidDomain.Replace("<vcpu>1</vcpu>", "<vcpu>0</vcpu>", StringComparison.Ordinal));

        var run = CliProcess.Run("validate", "--quiet", good, bad);

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.StdoutLines);
        Assert.StartsWith($"{bad}:4:4: error DL3001: ", line);
    }

    [Fact]
    public void File_name_is_printed_as_given_on_the_command_line()
    {
        _temp.Write("guest.xml", ValidDomain.Replace("<vcpu>1</vcpu>", "<vcpu>0</vcpu>", StringComparison.Ordinal));

        var run = CliProcess.RunIn(_temp.Path, "validate", "./guest.xml");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("./guest.xml:4:4: error DL3001: ", run.StdoutLines[0]);
    }

    [Fact]
    public void Verbose_writes_debug_lines_to_stderr_only()
    {
        var file = _temp.Write("guest.xml", ValidDomain);

        var run = CliProcess.Run("validate", "--verbose", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([$"{file}: valid"], run.StdoutLines);
        Assert.Contains($"debug: validate: reading {file}", run.Stderr);
    }

    [Fact]
    public void Validate_without_files_is_a_usage_error_with_exit_2()
    {
        var run = CliProcess.Run("validate");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains("FILE", run.Stderr);
        Assert.Contains("domainlauncher validate --help", run.Stderr);
    }

    [Fact]
    public void Unknown_option_is_a_usage_error_with_exit_2_and_nothing_is_validated()
    {
        var file = _temp.Write("guest.xml", ValidDomain);

        var run = CliProcess.Run("validate", "--frobnicate", file);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains("'--frobnicate'", run.Stderr);
    }

    [Fact]
    public void Unknown_command_is_a_usage_error_with_exit_2()
    {
        var run = CliProcess.Run("frobnicate");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("'frobnicate'", run.Stderr);
    }

    [Fact]
    public void No_command_at_all_is_a_usage_error_with_exit_2()
    {
        var run = CliProcess.Run();

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("domainlauncher --help", run.Stderr);
    }

    [Fact]
    public void A_file_name_starting_with_a_dash_is_read_after_double_dash()
    {
        _temp.Write("-guest.xml", ValidDomain);

        var run = CliProcess.RunIn(_temp.Path, "validate", "--", "-guest.xml");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["-guest.xml: valid"], run.StdoutLines);
    }

    [Fact]
    public void A_file_name_starting_with_at_is_a_file_not_a_response_file()
    {
        _temp.Write("@guest.xml", ValidDomain);

        var run = CliProcess.RunIn(_temp.Path, "validate", "@guest.xml");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["@guest.xml: valid"], run.StdoutLines);
    }
}
