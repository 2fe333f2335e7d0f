using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;qemu:capabilities&gt;</c> (qemu namespace): QEMU capabilities the document adds to or
/// removes from what the emulator reports. Like <c>&lt;qemu:commandline&gt;</c>, it overrides
/// libvirt's own knowledge of QEMU, so a domain using it is tainted.
/// </summary>
public sealed record QemuCapabilityOverrides
{
    public ImmutableArray<string> Add { get; init; } = [];
    public ImmutableArray<string> Remove { get; init; } = [];
    public SourceLocation Location { get; init; }
}
