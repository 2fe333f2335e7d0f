using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli.Tests;

/// <summary>The command's log: one plain line per entry on its standard error, filtered by --verbose.</summary>
public sealed class CliLoggingTests
{
    [Fact]
    public void Entries_are_one_line_each_with_level_and_category()
    {
        var stderr = new StringWriter();
        using (var logging = new CliLogging(verbose: true, stderr))
        {
            var logger = logging.CreateLogger("launch");
            logger.LogDebug("starting {Name}", "guest");
            logger.LogWarning("two\nlines");
        }

        Assert.Equal("debug: launch: starting guest\nwarning: launch: two lines\n", stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Without_verbose_only_warnings_and_up_are_written()
    {
        var stderr = new StringWriter();
        using (var logging = new CliLogging(verbose: false, stderr))
        {
            var logger = logging.CreateLogger("probe");
            logger.LogDebug("quiet");
            logger.LogInformation("quiet too");
            logger.LogError(new InvalidOperationException("broken"), "failed");
        }

        var lines = stderr.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("error: probe: failed", lines[0]);
        Assert.StartsWith("System.InvalidOperationException: broken", lines[1]);
        Assert.DoesNotContain("quiet", stderr.ToString());
    }

    [Fact]
    public void A_quiet_run_writes_nothing()
    {
        var stderr = new StringWriter();
        using (var logging = new CliLogging(verbose: false, stderr))
            logging.CreateLogger("validate").LogDebug("reading");

        Assert.Equal("", stderr.ToString());
    }
}
