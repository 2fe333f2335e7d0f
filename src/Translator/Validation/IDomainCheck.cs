using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// One named, capability-independent rule about a whole domain (for example "current vCPUs do not
/// exceed the maximum"). Checks only report; they never change the domain.
/// </summary>
public interface IDomainCheck
{
    void Check(Domain domain, DiagnosticBag diagnostics);
}
