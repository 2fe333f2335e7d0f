using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Capabilities;

/// <summary>The set read from a list of capability names, and an error for each name that is not one.</summary>
public sealed record QemuCapabilitySetParseResult(QemuCapabilitySet Set, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
