using DomainLauncher.Cli.Startup;

namespace DomainLauncher.Cli.Tests;

/// <summary>
/// An unexpected exception is a bug: one "internal error:" line and exit 70, the stack trace only
/// with --verbose. Run in process, with a standard output that fails, to provoke one.
/// </summary>
public sealed class InternalErrorTests
{
    private static readonly string Example = Path.Combine(Support.Repository.Examples, "minimal-qemu.xml");

    [Fact]
    public void Unexpected_exception_prints_one_internal_error_line_and_exits_70()
    {
        var stderr = new StringWriter();

        var exitCode = CliApplication.Run(["validate", Example], new FailingWriter(), stderr);

        Assert.Equal(ExitCodes.InternalError, exitCode);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("internal error: IOException: the output device is gone ", line);
        Assert.Contains("--verbose", line);
    }

    [Fact]
    public void Unexpected_exception_with_verbose_adds_the_stack_trace()
    {
        var stderr = new StringWriter();

        var exitCode = CliApplication.Run(["validate", "--verbose", Example], new FailingWriter(), stderr);

        Assert.Equal(ExitCodes.InternalError, exitCode);
        // The debug lines of --verbose come first, on the same standard error.
        var text = stderr.ToString();
        Assert.StartsWith("debug: ", text);
        var error = text[text.IndexOf("internal error: ", StringComparison.Ordinal)..];
        Assert.StartsWith("internal error: IOException: the output device is gone ", error);
        Assert.Contains("   at ", error);
    }

    private sealed class FailingWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("the output device is gone");
        public override void Write(string? value) => throw new IOException("the output device is gone");
        public override void WriteLine(string? value) => throw new IOException("the output device is gone");
    }
}
