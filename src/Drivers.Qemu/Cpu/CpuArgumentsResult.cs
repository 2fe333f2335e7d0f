using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Cpu;

/// <summary>
/// The decided guest CPU: the <c>-cpu</c> value (null when QEMU's own default stands), whether the
/// guest CPU offers AMD's <c>svm</c> (libvirt then asks for nested virtualization), and diagnostics;
/// any error means the domain's CPU request cannot be met and nothing may be emitted.
/// </summary>
public sealed record CpuArgumentsResult
{
    public string? Value { get; init; }

    /// <summary>The CPU model <c>-cpu</c> names (its value before any feature), or null when <c>-cpu</c> is left out.</summary>
    public string? Model => Value?.Split(',', 2)[0];

    public bool HasSvm { get; init; }

    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    /// <summary>The command-line words: <c>-cpu</c> and its value, or none.</summary>
    public ImmutableArray<string> Words => Value is null || !Succeeded ? [] : ["-cpu", Value];
}
