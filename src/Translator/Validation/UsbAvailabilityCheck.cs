using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>Placeholder until controllers are modelled: USB devices need USB (no controller of model 'none').</summary>
internal sealed class UsbAvailabilityCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
    }
}
