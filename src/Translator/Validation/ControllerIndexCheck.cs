using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>Placeholder until controllers are modelled: no two controllers of one type share an index.</summary>
internal sealed class ControllerIndexCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
    }
}
