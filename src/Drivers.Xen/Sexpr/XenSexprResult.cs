using DomainLauncher.Drivers.Xen.Sexpr;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Xen;

/// <summary>
/// What building a xend S-expression produced: the tree and its text (both null when an error
/// was found) and every diagnostic, warnings included.
/// </summary>
public sealed record XenSexprResult(SexprList? Tree, string? Text, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Text is not null;
}
