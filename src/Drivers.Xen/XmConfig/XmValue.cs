using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>
/// A value in an xm config file: a string, an integer or a list of values. A closed family; the
/// location is where a parsed value starts (default for values the builder made).
/// </summary>
public abstract record XmValue
{
    private protected XmValue() { }

    public SourceLocation Location { get; init; }

    /// <summary>"a string", "an integer", "a list": for messages.</summary>
    public abstract string KindName { get; }
}

/// <summary>A quoted string (xm files have no escapes: the writer picks a quote the text does not hold).</summary>
public sealed record XmString(string Text) : XmValue
{
    public override string KindName => "a string";
}

/// <summary>A decimal integer.</summary>
public sealed record XmInteger(long Number) : XmValue
{
    public override string KindName => "an integer";
}

/// <summary>A bracketed list: <c>[ "a", "b" ]</c>.</summary>
public sealed record XmList(ImmutableArray<XmValue> Items) : XmValue
{
    public override string KindName => "a list";

    public static XmList OfStrings(IEnumerable<string> items) => new([.. items.Select(s => (XmValue)new XmString(s))]);
}
