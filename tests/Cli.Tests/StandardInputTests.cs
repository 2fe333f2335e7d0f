using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests;

/// <summary><c>-</c> names standard input wherever a command reads a document, as in most Unix tools.</summary>
public sealed class StandardInputTests
{
    private static readonly string Minimal = File.ReadAllText(Path.Combine(Repository.Examples, "minimal-qemu.xml"));

    [Fact]
    public void Validate_reads_a_domain_from_standard_input()
    {
        var run = CliProcess.RunWithInput(Repository.Root, Minimal, "validate", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("-: valid", run.Stdout.Trim());
    }

    [Fact]
    public void To_native_reads_a_domain_from_standard_input()
    {
        var run = CliProcess.RunWithInput(Repository.Root, Minimal, "to-native", "qemu-argv", "--format", "json", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"-name\"", run.Stdout);
    }

    [Fact]
    public void A_broken_document_on_standard_input_is_located_at_dash()
    {
        var run = CliProcess.RunWithInput(Repository.Root, "<domain type='qemu'>\n<name>x</name>\n<vcpu>0</vcpu><memory>1024</memory></domain>", "validate", "-");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("-:3:", run.Stdout);
    }
}
