using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Xen.Sexpr;

/// <summary>
/// A node of a xend S-expression: a list, or an atom (a bare symbol, a quoted string or a number).
/// A closed family; <see cref="SexprWriter"/> is the only code that turns it into text.
/// </summary>
public abstract record SexprNode
{
    private protected SexprNode() { }
}

/// <summary><c>(a b c)</c>: a list, usually a name symbol followed by its values.</summary>
public sealed record SexprList(ImmutableArray<SexprNode> Items) : SexprNode
{
    /// <summary>The first item when it is a symbol (the list's name), else null.</summary>
    public string? Name => Items.Length > 0 && Items[0] is SexprSymbol s ? s.Text : null;

    public bool Equals(SexprList? other) =>
        other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Aggregate(17, (h, i) => (h * 31) + i.GetHashCode());
}

/// <summary>
/// A bare word: a name (<c>vm</c>, <c>device</c>), a keyword value (<c>none</c>, <c>ioemu</c>) or
/// a value xend reads unquoted (a character device string such as <c>tcp:host:9999</c>).
/// </summary>
public sealed record SexprSymbol(string Text) : SexprNode;

/// <summary><c>'text'</c>: a quoted string.</summary>
public sealed record SexprString(string Text) : SexprNode;

/// <summary>A number, written in decimal or, with <see cref="HexDigits"/>, as <c>0x</c> and that many hex digits at least.</summary>
public sealed record SexprNumber(long Value, int? HexDigits = null) : SexprNode;
