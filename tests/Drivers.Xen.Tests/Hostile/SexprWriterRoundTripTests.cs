using DomainLauncher.Drivers.Xen.Sexpr;

namespace DomainLauncher.Drivers.Xen.Tests.Hostile;

/// <summary>
/// Issue 11 ("every output writer has the round-trip property test") and item 2: any string,
/// written by <see cref="SexprWriter"/> as a quoted string or as a symbol, reads back with a strict
/// xend-style reader as exactly that string, in exactly its place; a symbol is bare only when it
/// is a plain word.
/// </summary>
public sealed class SexprWriterRoundTripTests
{
    [Fact]
    public void Random_strings_read_back_unchanged_as_strings_and_as_symbols()
    {
        foreach (var text in HostileStrings.Generate(seed: 11, count: 5000))
        {
            var tree = new SexprList([new SexprSymbol("vm"),
                new SexprList([new SexprSymbol("name"), new SexprString(text)]),
                new SexprList([new SexprSymbol("serial"), new SexprSymbol(text)]),
                new SexprList([new SexprSymbol("serial"), new SexprList([new SexprSymbol(text), new SexprSymbol("none")])])]);
            var written = SexprWriter.Write(tree);

            var vm = Assert.IsType<SexprListValue>(StrictSexprReader.Read(written));
            Assert.Equal(4, vm.Items.Count);
            var name = Assert.IsType<SexprListValue>(vm.Items[1]);
            Assert.Equal(text, Assert.IsType<SexprAtomValue>(Assert.Single(name.Items.Skip(1))).Text);
            var serial = Assert.IsType<SexprListValue>(vm.Items[2]);
            var atom = Assert.IsType<SexprAtomValue>(Assert.Single(serial.Items.Skip(1)));
            Assert.Equal(text, atom.Text);
            Assert.Equal(!SexprWriter.IsPlainWord(text), atom.Quoted);
            var ports = Assert.IsType<SexprListValue>(Assert.IsType<SexprListValue>(vm.Items[3]).Items[1]);
            Assert.Equal([text, "none"], ports.Items.Select(i => Assert.IsType<SexprAtomValue>(i).Text));
        }
    }

    [Theory]
    [InlineData("pty")]
    [InlineData("tcp:localhost:9999,server,nowait")]
    [InlineData("udp:localhost:9998@localhost:9999")]
    [InlineData("/dev/ttyS0")]
    public void A_plain_word_is_written_bare(string word)
    {
        Assert.Equal($"(serial {word})", SexprWriter.Write(new SexprList([new SexprSymbol("serial"), new SexprSymbol(word)])));
    }

    [Theory]
    [InlineData("", "''")]
    [InlineData("a b", "'a b'")]
    [InlineData("x)(y", "'x)(y'")]
    [InlineData("a;b", "'a;b'")]
    [InlineData("pipe:/run/\"lp\"", "'pipe:/run/\"lp\"'")]
    public void Any_other_symbol_is_written_quoted(string text, string written)
    {
        Assert.Equal($"(serial {written})", SexprWriter.Write(new SexprList([new SexprSymbol("serial"), new SexprSymbol(text)])));
    }
}
