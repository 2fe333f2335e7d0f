using DomainLauncher.Cli.Startup;

namespace DomainLauncher.Cli.Tests.Startup;

/// <summary>What the start-up knows of a command line before it builds any command.</summary>
public sealed class CommandCatalogTests
{
    [Theory]
    [InlineData("to-native", true, true)]
    [InlineData("domxml-to-native", true, true)]
    [InlineData("validate", true, true)]
    [InlineData("from-native", true, true)]
    [InlineData("check", true, false)]
    [InlineData("launch", true, false)]
    [InlineData("create", true, false)]
    [InlineData("list", false, false)]
    [InlineData("completion", false, true)]
    public void The_entry_says_whether_the_command_translates_and_buffers_its_output(string word, bool translates, bool buffers)
    {
        var entry = CommandCatalog.EntryFor(["--verbose", word, "guest.xml"]);

        Assert.NotNull(entry);
        Assert.Equal(translates, entry.Translates);
        Assert.Equal(buffers, entry.BuffersOutput);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("--help")]
    [InlineData("no-such-command")]
    public void A_command_line_without_a_known_command_has_no_entry(string word) =>
        Assert.Null(CommandCatalog.EntryFor([word]));
}
