using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Misc;

/// <summary>
/// A random number generator: the backend object (<c>rng-random</c>, <c>rng-egd</c> with its chardev, <c>rng-builtin</c>)
/// and the virtio device that reads it.
/// </summary>
public sealed record PlannedRng(Rng Rng, string QemuType, string Alias, PciAddress? Pci)
{
    /// <summary>The backend's QOM type after <c>-object</c>.</summary>
    public required string BackendType { get; init; }

    /// <summary>The host file <c>rng-random</c> reads; null for the other backends.</summary>
    public string? RandomFile { get; init; }

    public string ObjectId => "obj" + Alias;

    /// <summary>The chardev of an <c>rng-egd</c> backend.</summary>
    public string CharId => "char" + Alias;

    /// <summary><c>period=</c> in milliseconds when a rate is given (libvirt's default period is one second).</summary>
    public ulong? Period => Rng.Rate is { } rate ? rate.Period ?? 1000 : null;
}
