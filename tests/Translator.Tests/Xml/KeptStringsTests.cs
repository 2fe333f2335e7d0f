using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Tests.Xml;

/// <summary>The strings a thread's documents repeat, made once: the table grows as strings are kept, and stays bounded.</summary>
public sealed class KeptStringsTests
{
    [Fact]
    public void Strings_kept_before_the_table_grew_are_given_again_after()
    {
        var kept = new KeptStrings();
        var first = Enumerable.Range(0, 1000).Select(i => kept.Of($"name-{i}")).ToArray();

        var again = Enumerable.Range(0, 1000).Count(i => ReferenceEquals(first[i], kept.Of($"name-{i}")));

        // A string that found no slot within the few places looked at is made anew; nearly all are kept.
        Assert.InRange(again, 990, 1000);
    }

    [Fact]
    public void Past_the_bound_strings_are_made_as_usual()
    {
        var kept = new KeptStrings();
        for (var i = 0; i < 5000; i++) Assert.Equal($"n{i}", kept.Of($"n{i}"));
        var late = kept.Of("never-seen-before");
        Assert.Equal("never-seen-before", late);
        Assert.NotSame(late, kept.Of("never-seen-before"));
        Assert.Equal("", kept.Of(""));
    }

    [Theory]
    [InlineData("a", "b")]
    [InlineData("ab", "ac")]
    [InlineData("abc", "abd")]
    [InlineData("abc", "xbc")]
    [InlineData("abcd", "abce")]
    [InlineData("abcde", "abXde")]
    [InlineData("abcdefg", "abcXefg")]
    [InlineData("abcdefgh", "abcdefgX")]
    [InlineData("abcdefgh", "Xbcdefgh")]
    [InlineData("abcdefghi", "abcdXfghi")]
    [InlineData("longer-name-one", "longer-name-two")]
    public void Texts_of_one_length_that_differ_anywhere_are_told_apart(string first, string second)
    {
        var kept = new KeptStrings();
        var one = kept.Of(first);
        var two = kept.Of(second);
        Assert.Equal(first, one);
        Assert.Equal(second, two);
        Assert.Same(one, kept.Of(first));
        Assert.Same(two, kept.Of(second));
    }
}
