using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace DomainLauncher.Drivers.Qemu.Plan.Blockdev;

/// <summary>
/// One value of a <c>-blockdev</c> node's options as QEMU's QAPI types it (a string, an integer, a boolean,
/// null, an object of named members or an array). The planner builds these; the JSON writer only formats them.
/// </summary>
public abstract record BlockValue
{
    private protected BlockValue() { }
}

public sealed record BlockString(string Value) : BlockValue;

public sealed record BlockInteger(ulong Value) : BlockValue;

public sealed record BlockBoolean(bool Value) : BlockValue
{
    // Two values for every option of every node: shared rather than made for each (a record is immutable).
    public static readonly BlockBoolean True = new(true);
    public static readonly BlockBoolean False = new(false);
}

/// <summary>QAPI's null, e.g. <c>"backing": null</c>: the image's own backing file is not opened.</summary>
public sealed record BlockNull : BlockValue
{
    public static readonly BlockNull Instance = new();
}

public sealed record BlockArray(ImmutableArray<BlockValue> Items) : BlockValue;

/// <summary>An object: members in the order they are written; a member added twice is a planner bug.</summary>
public sealed record BlockObject(ImmutableArray<KeyValuePair<string, BlockValue>> Members) : BlockValue
{
    public BlockValue? this[string key]
    {
        get
        {
            foreach (var member in Members)
                if (member.Key == key) return member.Value;
            return null;
        }
    }
}

/// <summary>Builds a <see cref="BlockObject"/> member by member, leaving out null values.</summary>
public sealed class BlockObjectBuilder
{
    // The members so far in an array of this builder's, and Build copies exactly them: an ImmutableArray builder was one
    // more object, and its Add and ToImmutable more instructions, for each of a document's few block nodes.
    private KeyValuePair<string, BlockValue>[] _members = new KeyValuePair<string, BlockValue>[8];
    private int _count;

    public BlockObjectBuilder Add(string key, BlockValue? value)
    {
        if (value is null) return this;
        // By index: every disk's nodes add a few dozen members, and LINQ over the builder would allocate per member.
        // Lengths first: most keys walked past have another length and cost no call to String.Equals.
        for (var i = 0; i < _count; i++)
            if (_members[i].Key is var given && given.Length == key.Length && given == key)
                throw new InvalidOperationException($"block option '{key}' given twice");
        if (_count == _members.Length) Array.Resize(ref _members, 2 * _count);
        _members[_count++] = new(key, value);
        return this;
    }

    public BlockObjectBuilder Add(string key, string? value) => value is null ? this : Add(key, new BlockString(value));

    public BlockObjectBuilder Add(string key, ulong? value) => value is null ? this : Add(key, new BlockInteger(value.Value));

    public BlockObjectBuilder Add(string key, bool? value) => value is null ? this : Add(key, value.Value ? BlockBoolean.True : BlockBoolean.False);

    public BlockObject Build() => new(ImmutableCollectionsMarshal.AsImmutableArray(_members.AsSpan(0, _count).ToArray()));
}
