using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Xen.Sexpr;

/// <summary>Short constructors for building S-expression trees in the emitters.</summary>
internal static class Sx
{
    public static SexprSymbol Sym(string text) => new(text);

    public static SexprString Str(string text) => new(text);

    public static SexprNumber Num(long value) => new(value);

    public static SexprNumber Hex(long value, int digits) => new(value, digits);

    /// <summary><c>(name item ...)</c>.</summary>
    public static SexprList List(string name, params IEnumerable<SexprNode> items) =>
        new([new SexprSymbol(name), .. items]);

    /// <summary><c>(name 'text')</c>.</summary>
    public static SexprList Quoted(string name, string text) => List(name, Str(text));

    /// <summary><c>(name N)</c>.</summary>
    public static SexprList Number(string name, long value) => List(name, Num(value));

    /// <summary><c>(name word)</c>.</summary>
    public static SexprList Word(string name, string word) => List(name, Sym(word));

    /// <summary>A list of atoms with no name: <c>(a b c)</c>.</summary>
    public static SexprList Bare(IEnumerable<SexprNode> items) => new([.. items]);

    public static ImmutableArray<SexprNode> None => [];
}
