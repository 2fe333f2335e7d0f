using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// A device list planned item by item, each with its index among its kind (which names a device without an alias:
/// <c>rng0</c>, <c>hub1</c>), in order: one array of the list's exact size, none for an empty list.
/// Select with an index then ToImmutableArray or a collection expression cost ~900 instructions a list even when it
/// is empty, as most of a document's device lists are (9.0 corpus x2: 4.2M instructions over the planner's seven lists).
/// </summary>
internal static class IndexedPlans
{
    public static ImmutableArray<TPlanned> Of<T, TPlanned>(ImmutableArray<T> items, Func<T, int, TPlanned> plan) =>
        Of(items, plan, static (item, i, plan) => plan(item, i));

    /// <summary>
    /// As <see cref="Of{T, TPlanned}"/>, with <paramref name="state"/> handed to <paramref name="plan"/>: a static lambda
    /// given what it needs is made once, where a lambda that captured it was a closure and a delegate at every call.
    /// </summary>
    public static ImmutableArray<TPlanned> Of<T, TState, TPlanned>(ImmutableArray<T> items, TState state, Func<T, int, TState, TPlanned> plan)
    {
        if (items.IsEmpty) return [];
        var planned = new TPlanned[items.Length];
        for (var i = 0; i < planned.Length; i++) planned[i] = plan(items[i], i, state);
        return ImmutableCollectionsMarshal.AsImmutableArray(planned);
    }
}
