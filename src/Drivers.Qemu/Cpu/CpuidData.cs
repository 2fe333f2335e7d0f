using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Host;

namespace DomainLauncher.Drivers.Qemu.Cpu;

/// <summary>
/// A set of CPUID bits keyed by CPUID function: what a CPU model, a feature list or a whole guest
/// CPU stands for. Immutable; set operations work register by register.
/// </summary>
public sealed class CpuidData : IEquatable<CpuidData>
{
    private readonly ImmutableSortedDictionary<uint, CpuidBits> _leaves;

    private CpuidData(ImmutableSortedDictionary<uint, CpuidBits> leaves) => _leaves = leaves;

    public static CpuidData Empty { get; } = new(ImmutableSortedDictionary<uint, CpuidBits>.Empty);

    public static CpuidData Of(IEnumerable<CpuidBits> bits) => bits.Aggregate(Empty, (data, b) => data.Union(b));

    public bool IsEmpty => _leaves.IsEmpty;

    public IEnumerable<CpuidBits> Leaves => _leaves.Values;

    public CpuidData Union(CpuidData other) => other.Leaves.Aggregate(this, (data, b) => data.Union(b));

    public CpuidData Subtract(CpuidData other) =>
        Combine(other, (a, b) => a & ~b, keepMissingInOther: true);

    public CpuidData Intersect(CpuidData other) =>
        Combine(other, (a, b) => a & b, keepMissingInOther: false);

    /// <summary>True when every bit of <paramref name="other"/> is set here.</summary>
    public bool Contains(CpuidData other) => other.Subtract(this).IsEmpty;

    private CpuidData Union(CpuidBits bits)
    {
        var merged = _leaves.TryGetValue(bits.Function, out var old)
            ? new CpuidBits(bits.Function, old.Eax | bits.Eax, old.Ebx | bits.Ebx, old.Ecx | bits.Ecx, old.Edx | bits.Edx)
            : bits;
        return IsZero(merged) ? this : new CpuidData(_leaves.SetItem(bits.Function, merged));
    }

    private CpuidData Combine(CpuidData other, Func<uint, uint, uint> op, bool keepMissingInOther)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<uint, CpuidBits>();
        foreach (var (function, a) in _leaves)
        {
            if (!other._leaves.TryGetValue(function, out var b))
            {
                if (keepMissingInOther) result.Add(function, a);
                continue;
            }
            var c = new CpuidBits(function, op(a.Eax, b.Eax), op(a.Ebx, b.Ebx), op(a.Ecx, b.Ecx), op(a.Edx, b.Edx));
            if (!IsZero(c)) result.Add(function, c);
        }
        return new CpuidData(result.ToImmutable());
    }

    private static bool IsZero(CpuidBits b) => (b.Eax | b.Ebx | b.Ecx | b.Edx) == 0;

    public bool Equals(CpuidData? other) =>
        other is not null && _leaves.Count == other._leaves.Count && Contains(other) && other.Contains(this);

    public override bool Equals(object? obj) => Equals(obj as CpuidData);

    public override int GetHashCode() => _leaves.Keys.Aggregate(0, HashCode.Combine);

    public override string ToString() =>
        string.Join(" ", Leaves.Select(l => $"{l.Function:x8}:{l.Eax:x8}/{l.Ebx:x8}/{l.Ecx:x8}/{l.Edx:x8}"));
}
