using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>Numbers in attributes: decimal and hexadecimal digits, their 64-bit bounds, and the diagnostic for each kind of bad value.</summary>
public sealed class NumberAttributeTests
{
    private static (T? Value, IReadOnlyList<Diagnostic> Diagnostics) Read<T>(string value, Func<ElementReader, T?> read)
    {
        var root = SafeXmlLoader.LoadText($"<e n='{value}'/>", "t.xml").Root!;
        var context = new ParseContext("t.xml");
        var result = read(context.Root(root));
        return (result, context.Diagnostics.Items.ToList());
    }

    [Theory]
    [InlineData("0", 0UL)]
    [InlineData("007", 7UL)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    [InlineData("0x1f", 31UL)]
    [InlineData("0XaB", 171UL)]
    [InlineData("0x00000000000000000000001", 1UL)]
    [InlineData("0xFFFFFFFFFFFFFFFF", ulong.MaxValue)]
    public void Unsigned_values_are_read_in_full(string text, ulong expected)
    {
        var (value, diagnostics) = Read(text, r => r.Unsigned("n", allowHex: true));
        Assert.Equal(expected, value);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("18446744073709551616", "too large")]
    [InlineData("99999999999999999999", "too large")]
    [InlineData("0x10000000000000000", "too large")]
    [InlineData("99999999999999999999x", "is not a non-negative integer")]
    [InlineData("12a", "is not a non-negative integer")]
    [InlineData("0x", "is not a non-negative integer")]
    [InlineData("0xg", "is not a non-negative integer")]
    [InlineData("", "is not a non-negative integer")]
    [InlineData("-", "is not a non-negative integer")]
    [InlineData("-5", "must not be negative")]
    [InlineData("-99999999999999999999", "must not be negative")]
    public void Bad_unsigned_values_are_reported(string text, string message)
    {
        var (value, diagnostics) = Read(text, r => r.Unsigned("n", allowHex: true));
        Assert.Null(value);
        Assert.Contains(message, Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void Hexadecimal_is_read_only_where_allowed()
    {
        Assert.Null(Read("0x10", r => r.Unsigned("n")).Value);
        Assert.Equal(10U, Read("10", r => r.UInt("n", max: 10)).Value);
        Assert.Contains("too large", Assert.Single(Read("11", r => r.UInt("n", max: 10)).Diagnostics).Message);
    }

    [Theory]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-0x10", -16L)]
    [InlineData("-0", 0L)]
    public void Signed_values_are_read_in_full(string text, long expected)
    {
        var (value, diagnostics) = Read(text, r => r.Integer("n", allowHex: true));
        Assert.Equal(expected, value);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("-9223372036854775809", "is out of range")]
    [InlineData("9223372036854775808", "is out of range")]
    [InlineData("18446744073709551616", "is out of range")]
    [InlineData("-", "is not an integer")]
    [InlineData("--1", "is not an integer")]
    [InlineData("1-", "is not an integer")]
    public void Bad_signed_values_are_reported(string text, string message)
    {
        var (value, diagnostics) = Read(text, r => r.Integer("n", allowHex: true));
        Assert.Null(value);
        Assert.Contains(message, Assert.Single(diagnostics).Message);
    }
}
