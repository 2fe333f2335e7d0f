using DomainLauncher.Drivers.Xen.XmConfig;

namespace DomainLauncher.Drivers.Xen.Tests.XmConfig;

public sealed class XmConfigWriterTests
{
    private static string Write(params XmEntry[] entries) => XmConfigWriter.Write(new XmConfigFile([.. entries]));

    [Fact]
    public void Settings_are_written_one_per_line_in_order()
    {
        Assert.Equal("name = \"g\"\nmemory = 512\nvcpu_avail = -1\n",
            Write(new XmEntry("name", new XmString("g")), new XmEntry("memory", new XmInteger(512)), new XmEntry("vcpu_avail", new XmInteger(-1))));
    }

    [Fact]
    public void Lists_have_spaces_inside_the_brackets_and_after_commas()
    {
        Assert.Equal("disk = [ \"a\", \"b\" ]\n", Write(new XmEntry("disk", XmList.OfStrings(["a", "b"]))));
        Assert.Equal("disk = [  ]\n", Write(new XmEntry("disk", XmList.OfStrings([]))));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("say \"hi\"", "'say \"hi\"'")]
    [InlineData("it's \"both\" here", "\"\"\"it's \"both\" here\"\"\"")]
    public void A_string_takes_the_first_quote_it_does_not_contain(string text, string written)
    {
        Assert.Equal(written, XmConfigWriter.Quote(text));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("it's")]
    [InlineData("say \"hi\"")]
    [InlineData("it's \"both\" here")]
    [InlineData("two\nlines 'and' \"quotes\" here")]
    public void Every_quotable_string_reads_back_unchanged(string text)
    {
        var parsed = XmConfigParser.Parse("k = " + XmConfigWriter.Quote(text) + "\n");
        Assert.Equal(text, Assert.IsType<XmString>(Assert.Single(parsed.File!.Entries).Value).Text);
    }

    [Theory]
    [InlineData("two\nlines", "\"two\\nlines\"")]
    [InlineData("a'b\"\"\"c", "\"a\\'b\\\"\\\"\\\"c\"")]
    [InlineData("a'b\"", "\"a\\'b\\\"\"")]
    [InlineData("C:\\vmlinuz", "\"C:\\\\vmlinuz\"")]
    public void A_string_no_plain_quote_can_hold_is_escaped_and_reads_back_unchanged(string text, string written)
    {
        Assert.Equal(written, XmConfigWriter.Quote(text));
        var parsed = XmConfigParser.Parse("k = " + written + "\n");
        Assert.Equal(text, Assert.IsType<XmString>(Assert.Single(parsed.File!.Entries).Value).Text);
    }
}
