using DomainLauncher.Drivers.Xen.Sexpr;

namespace DomainLauncher.Drivers.Xen.Tests.Sexpr;

public sealed class SexprWriterTests
{
    private static SexprList L(string name, params SexprNode[] items) => new([new SexprSymbol(name), .. items]);

    [Fact]
    public void Single_quote_and_backslash_in_a_quoted_string_are_escaped_with_a_backslash()
    {
        var text = SexprWriter.Write(L("uname", new SexprString(@"file:/root/'\some.img")));

        Assert.Equal(@"(uname 'file:/root/\'\\some.img')", text);
    }

    [Fact]
    public void Double_quotes_ampersands_and_parentheses_in_a_quoted_string_are_written_as_is()
    {
        var text = SexprWriter.Write(L("args", new SexprString("a&version=\"devel\" (hd0,0)")));

        Assert.Equal("(args 'a&version=\"devel\" (hd0,0)')", text);
    }

    [Fact]
    public void A_symbol_with_a_backslash_or_quote_is_written_quoted_with_both_escaped()
    {
        Assert.Equal(@"(serial 'file:/tmp/a\\b\'c')", SexprWriter.Write(L("serial", new SexprSymbol(@"file:/tmp/a\b'c"))));
    }

    [Fact]
    public void Escape_leaves_text_without_quote_or_backslash_unchanged()
    {
        Assert.Equal("/dev/ttyS0 \"x\"", SexprWriter.Escape("/dev/ttyS0 \"x\""));
        Assert.Equal(@"\\\\", SexprWriter.Escape(@"\\"));
        Assert.Equal(@"\'\'", SexprWriter.Escape("''"));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData(@"a\b'c")]
    [InlineData(@"\\")]
    [InlineData("''")]
    [InlineData(@"ends in \")]
    public void Unescape_reads_back_what_escape_wrote(string text)
    {
        Assert.Equal(text, SexprWriter.Unescape(SexprWriter.Escape(text)));
    }

    [Fact]
    public void Lists_side_by_side_have_nothing_between_them_and_other_neighbours_one_space()
    {
        var tree = L("vm", L("name", new SexprString("a")), L("memory", new SexprNumber(4)),
            L("serial", new SexprList([new SexprSymbol("none"), new SexprSymbol("/dev/ttyS1")])));

        Assert.Equal("(vm (name 'a')(memory 4)(serial (none /dev/ttyS1)))", SexprWriter.Write(tree));
    }

    [Fact]
    public void A_list_with_only_a_name_is_written_without_a_trailing_space()
    {
        Assert.Equal("(device (vkbd))", SexprWriter.Write(L("device", L("vkbd"))));
    }

    [Fact]
    public void Hex_numbers_are_lower_case_and_padded_to_their_width_and_decimals_keep_their_sign()
    {
        var tree = L("dev", L("domain", new SexprNumber(1, 4)), L("slot", new SexprNumber(0x1b, 2)),
            L("func", new SexprNumber(2, 1)), L("vncdisplay", new SexprNumber(-1)));

        Assert.Equal("(dev (domain 0x0001)(slot 0x1b)(func 0x2)(vncdisplay -1))", SexprWriter.Write(tree));
    }

    [Fact]
    public void An_empty_quoted_string_is_two_quotes()
    {
        Assert.Equal("(args '')", SexprWriter.Write(L("args", new SexprString(""))));
    }
}
