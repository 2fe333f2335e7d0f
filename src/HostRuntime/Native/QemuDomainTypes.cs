using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Native;

/// <summary>
/// Which domains QEMU runs: types qemu, kqemu and kvm. Any other is refused before an emulator is looked
/// for, saying what it is (a Xen domain gets a Xen format), instead of complaining about what QEMU
/// would lack for it.
/// </summary>
public static class QemuDomainTypes
{
    public static readonly DiagnosticCode NotAQemuDomain = new("DL6510", "the domain is not of a type QEMU runs");

    public static bool Runs(DomainType type) => type is DomainType.Qemu or DomainType.Kqemu or DomainType.Kvm;

    /// <summary>The refusal of a domain QEMU does not run, or null.</summary>
    public static Diagnostic? Refusal(Domain domain, string file, string what)
    {
        if (Runs(domain.Type)) return null;
        var name = DomainTypeXml.Table.ToXml(domain.Type);
        var hint = domain.Type == DomainType.Xen
            ? $"it is a Xen domain: {what} is for QEMU; use 'to-native xen-xm' (or xen-sxpr) for its Xen configuration"
            : $"{what} is for domains of type qemu or kvm";
        return new Diagnostic(NotAQemuDomain, Severity.Error, $"domain type '{name}': {hint}", SourceLocation.OfFile(file));
    }
}
