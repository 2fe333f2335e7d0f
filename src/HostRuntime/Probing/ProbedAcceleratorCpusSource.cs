using System.Collections.Immutable;

namespace DomainLauncher.HostRuntime.Probing;

/// <summary>
/// A probe's CPU views (<see cref="ProbeResult.AcceleratorCpus"/>): given as they are, or kept as the profile document's
/// UTF-8 text of them and read on first use (the probe cache's reader does this: they are a third of an entry, and
/// most launches never ask for them). Equal when they stand for the same views: the same list, or the same text.
/// </summary>
public sealed class ProbedAcceleratorCpusSource : IEquatable<ProbedAcceleratorCpusSource>
{
    public static readonly ProbedAcceleratorCpusSource Empty = new([]);

    private readonly ReadOnlyMemory<byte> _text;
    private readonly Func<ReadOnlyMemory<byte>, ImmutableArray<ProbedAcceleratorCpus>>? _read;
    private ImmutableArray<ProbedAcceleratorCpus> _views;

    public ProbedAcceleratorCpusSource(ImmutableArray<ProbedAcceleratorCpus> views) => _views = views.IsDefault ? [] : views;

    /// <summary>
    /// Views <paramref name="read"/> reads from <paramref name="text"/> on first use; the caller has made sure it reads
    /// them without fail (an untrusted text is checked when it is kept, not when it is read).
    /// </summary>
    internal ProbedAcceleratorCpusSource(ReadOnlyMemory<byte> text, Func<ReadOnlyMemory<byte>, ImmutableArray<ProbedAcceleratorCpus>> read)
    {
        _text = text;
        _read = read;
    }

    /// <summary>Whether the views are still text, to be read on first use.</summary>
    public bool IsDeferred => _read is not null;

    /// <summary>The views, read now when they were not yet (the result is immutable: two threads reading them at once is harmless).</summary>
    public ImmutableArray<ProbedAcceleratorCpus> Views
    {
        get
        {
            if (_views.IsDefault) _views = _read!(_text);
            return _views;
        }
    }

    public bool Equals(ProbedAcceleratorCpusSource? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        // Kept text is compared as text, whether or not it was read since; given views as the list they are.
        if (IsDeferred != other.IsDeferred) return false;
        return IsDeferred ? _text.Span.SequenceEqual(other._text.Span) : _views == other._views;
    }

    public override bool Equals(object? obj) => Equals(obj as ProbedAcceleratorCpusSource);

    public override int GetHashCode() => IsDeferred ? _text.Length : _views.GetHashCode();
}
