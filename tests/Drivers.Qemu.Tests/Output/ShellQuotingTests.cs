using DomainLauncher.Drivers.Qemu.Output;

namespace DomainLauncher.Drivers.Qemu.Tests.Output;

public sealed class ShellQuotingTests
{
    [Theory]
    [InlineData("-drive")]
    [InlineData("file=/dev/HostVG/QEMUGuest1,if=ide,bus=0,unit=0")]
    [InlineData("unix:/tmp/test-monitor,server,nowait")]
    [InlineData("gluster+tcp://example.org:6000/Volume1/Image")]
    [InlineData("a%b@c=d.e_f-g")]
    public void Words_without_shell_metacharacters_are_written_as_they_are(string word)
    {
        Assert.Equal(word, ShellQuoting.Quote(word));
        Assert.False(ShellQuoting.NeedsQuoting(word));
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("!")]
    [InlineData("\"")]
    [InlineData("#")]
    [InlineData("$")]
    [InlineData("&")]
    [InlineData("(")]
    [InlineData(")")]
    [InlineData("*")]
    [InlineData(";")]
    [InlineData("<")]
    [InlineData(">")]
    [InlineData("?")]
    [InlineData("[")]
    [InlineData("\\")]
    [InlineData("]")]
    [InlineData("^")]
    [InlineData("`")]
    [InlineData("{")]
    [InlineData("|")]
    [InlineData("}")]
    [InlineData("~")]
    public void Each_shell_metacharacter_makes_the_word_single_quoted(string metacharacter)
    {
        var word = "a" + metacharacter + "b";
        Assert.Equal("'" + word + "'", ShellQuoting.Quote(word));
    }

    [Fact]
    public void Single_quote_inside_is_closed_escaped_and_reopened()
    {
        Assert.Equal("'it'\\''s'", ShellQuoting.Quote("it's"));
        Assert.Equal("''\\'''", ShellQuoting.Quote("'"));
    }

    [Fact]
    public void Empty_word_is_two_single_quotes()
    {
        Assert.Equal("''", ShellQuoting.Quote(""));
    }

    [Theory]
    [InlineData("it's")]
    [InlineData("a b\nc\t'd' \"e\" $f `g` \\h")]
    [InlineData("")]
    [InlineData("''")]
    public void Quoted_words_split_back_to_themselves(string word)
    {
        Assert.Equal([word], ShellWords.Split(ShellQuoting.Quote(word)).Words.AsEnumerable());
    }
}
