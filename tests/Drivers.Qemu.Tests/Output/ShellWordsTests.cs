using DomainLauncher.Drivers.Qemu.Output;

namespace DomainLauncher.Drivers.Qemu.Tests.Output;

public sealed class ShellWordsTests
{
    [Fact]
    public void Blanks_separate_words_and_runs_of_blanks_count_once()
    {
        Assert.Equal(["a", "b", "c"], ShellWords.Split("  a \t b\n\nc  ").Words.AsEnumerable());
        Assert.Empty(ShellWords.Split("   ").Words);
    }

    [Fact]
    public void Backslash_newline_is_removed_before_splitting_even_inside_quotes()
    {
        Assert.Equal(["ab", "c"], ShellWords.Split("a\\\nb \\\nc").Words.AsEnumerable());
        Assert.Equal(["x:y,z"], ShellWords.Split("'x:\\\ny,\\\nz'").Words.AsEnumerable());
    }

    [Fact]
    public void Single_quotes_keep_everything_literal()
    {
        Assert.Equal(["a b\\;c\"d"], ShellWords.Split("'a b\\;c\"d'").Words.AsEnumerable());
    }

    [Fact]
    public void Double_quotes_let_backslash_escape_only_dollar_backtick_quote_and_backslash()
    {
        Assert.Equal(["a $ ` \" \\ \\n"], ShellWords.Split("\"a \\$ \\` \\\" \\\\ \\n\"").Words.AsEnumerable());
    }

    [Fact]
    public void Backslash_outside_quotes_escapes_the_next_character()
    {
        Assert.Equal(["a b", "'"], ShellWords.Split("a\\ b \\'").Words.AsEnumerable());
    }

    [Fact]
    public void Adjacent_quoted_and_plain_parts_form_one_word()
    {
        Assert.Equal(["it's", "BAR="], ShellWords.Split("'it'\\''s' BAR=''").Words.AsEnumerable());
    }

    [Fact]
    public void Empty_quotes_are_an_empty_word()
    {
        Assert.Equal(["", "x"], ShellWords.Split("'' x").Words.AsEnumerable());
    }

    [Theory]
    [InlineData("'open", "single")]
    [InlineData("a \"open", "double")]
    public void Unterminated_quote_is_reported_not_thrown(string text, string kind)
    {
        var result = ShellWords.Split(text);
        Assert.False(result.Succeeded);
        Assert.Contains(kind, result.Error);
    }

    [Fact]
    public void Trailing_newlines_are_ignored_when_joining()
    {
        Assert.Equal("a b", ShellWords.JoinContinuationLines("a \\\nb\n\n"));
    }
}
