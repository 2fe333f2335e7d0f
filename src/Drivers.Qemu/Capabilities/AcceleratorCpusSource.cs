using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Build;

namespace DomainLauncher.Drivers.Qemu.Capabilities;

/// <summary>
/// An emulator's CPU views by accelerator (<see cref="EmulatorDescription.AcceleratorCpus"/>), given as they are or made
/// on first use. A probe cache entry holds them as its largest part (a third of a QEMU 7.2 entry), and only a guest
/// CPU that names a mode, a model or features, or a CPU switch of <c>&lt;features&gt;</c>, asks for them: made when read,
/// they cost every launch 1.5M instructions. Two sources are equal when they stand for the same views: the same
/// dictionary, or equal origins (what the views are made from, such as the bytes of a profile document).
/// </summary>
public sealed class AcceleratorCpusSource : IEquatable<AcceleratorCpusSource>
{
    public static readonly AcceleratorCpusSource Empty = new(ImmutableDictionary<QemuAccelerator, AcceleratorCpus>.Empty);

    private readonly Func<ImmutableDictionary<QemuAccelerator, AcceleratorCpus>>? _make;
    private readonly object _origin;
    private ImmutableDictionary<QemuAccelerator, AcceleratorCpus>? _views;

    public AcceleratorCpusSource(ImmutableDictionary<QemuAccelerator, AcceleratorCpus> views)
    {
        _views = views;
        _origin = views;
    }

    /// <summary>Views that <paramref name="make"/> makes on first use, from <paramref name="origin"/> (which decides equality).</summary>
    public AcceleratorCpusSource(Func<ImmutableDictionary<QemuAccelerator, AcceleratorCpus>> make, object origin)
    {
        _make = make;
        _origin = origin;
    }

    /// <summary>The views, made now when they were not yet (the result is immutable, so two threads making them at once is harmless).</summary>
    public ImmutableDictionary<QemuAccelerator, AcceleratorCpus> Views => _views ??= _make!();

    public bool Equals(AcceleratorCpusSource? other) => other is not null && (ReferenceEquals(this, other) || _origin.Equals(other._origin));

    public override bool Equals(object? obj) => Equals(obj as AcceleratorCpusSource);

    public override int GetHashCode() => _origin.GetHashCode();
}
