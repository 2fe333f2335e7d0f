using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>
/// What the xm config emitters share while one domain is built: the domain, the xend version,
/// whether the guest is HVM, the settings made so far (in order) and the refusals found.
/// </summary>
internal sealed class XmBuildContext(Domain domain, int xendConfigVersion)
{
    private readonly ImmutableArray<XmEntry>.Builder _entries = ImmutableArray.CreateBuilder<XmEntry>();

    public Domain Domain { get; } = domain;

    public int Version { get; } = xendConfigVersion;

    public bool Hvm { get; } = domain.Os?.Type == OsType.Hvm;

    public DiagnosticBag Diagnostics { get; } = new();

    public XmConfigFile File => new(_entries.ToImmutable());

    public void Set(string name, long number) => Add(name, new XmInteger(number));

    public void Set(string name, bool flag) => Add(name, new XmInteger(flag ? 1 : 0));

    public void Set(string name, string text, SourceLocation from)
    {
        if (Quotable(name, text, from)) Add(name, new XmString(text));
    }

    /// <summary>A list of strings; an empty list is left out, as the reference does.</summary>
    public void SetList(string name, IReadOnlyList<(string Text, SourceLocation From)> items)
    {
        if (items.Count == 0) return;
        if (items.All(i => Quotable(name, i.Text, i.From)))
            Add(name, XmList.OfStrings(items.Select(i => i.Text)));
    }

    public void Refuse(SourceLocation at, string message) => Diagnostics.Error(XenXmDiagnostics.Unsupported, at, message);

    private void Add(string name, XmValue value) => _entries.Add(new XmEntry(name, value));

    private bool Quotable(string name, string text, SourceLocation from)
    {
        if (XmConfigWriter.CanQuote(text)) return true;
        Refuse(from, $"the value of '{name}' ({text}) cannot be quoted in an xm config file: it holds both quote characters"
            + " and a triple double quote or a final double quote");
        return false;
    }
}
