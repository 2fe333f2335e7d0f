using System.Globalization;

namespace DomainLauncher.Drivers.Qemu.Syntax;

/// <summary>
/// Builds one QEMU option value such as <c>virtio-blk-pci,bus=pci.0,addr=0x4,drive=drive-virtio-disk0</c>.
/// It is the only place that knows QEMU's option syntax: items are joined with <c>,</c>; a value's
/// commas are doubled (<c>,,</c>) so QEMU reads them as part of the value; an item whose value is
/// null is left out; a bare item (a driver name, or a flag such as <c>server</c>) has no <c>=</c>.
/// Keys are fixed by the driver: a key that is empty or holds <c>,</c> or <c>=</c> is a bug and throws.
/// </summary>
public sealed class QemuOpts
{
    // Each item as its key (null for a bare item) and its escaped value: joined only once, in ToString.
    // Room for a typical device's items from the start: growing from four is three arrays thrown away. Eight hold
    // all but about one in a hundred of the options of the 9.0 corpus; twelve was 64 bytes more of each.
    // An array of its own rather than a List: one object fewer per option, and an item added is one store.
    private (string? Key, string Value)[] _items = new (string? Key, string Value)[8];
    private int _count;

    public QemuOpts()
    {
    }

    /// <summary>Starts with a bare leading value, such as the device driver or the chardev backend.</summary>
    public QemuOpts(string leading) => Bare(leading);

    public bool IsEmpty => _count == 0;

    /// <summary><c>key=value</c>, left out when the value is null.</summary>
    public QemuOpts Add(string key, string? value)
    {
        CheckKey(key);
        if (value is not null) Append(key, Escape(value));
        return this;
    }

    /// <summary><c>key=123</c> in invariant digits, left out when null.</summary>
    public QemuOpts Add(string key, long? value) =>
        Add(key, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary><c>key=123</c> in invariant digits, left out when null.</summary>
    public QemuOpts Add(string key, ulong? value) =>
        Add(key, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary><c>key=0x1f</c> (lower-case hexadecimal), left out when null.</summary>
    public QemuOpts AddHex(string key, ulong? value) =>
        Add(key, value is null ? null : "0x" + value.Value.ToString("x", CultureInfo.InvariantCulture));

    /// <summary><c>key=on</c> or <c>key=off</c>, left out when null.</summary>
    public QemuOpts AddOnOff(string key, bool? value) => Add(key, value is null ? null : value.Value ? "on" : "off");

    /// <summary><c>key=yes</c> or <c>key=no</c>, left out when null.</summary>
    public QemuOpts AddYesNo(string key, bool? value) => Add(key, value is null ? null : value.Value ? "yes" : "no");

    /// <summary>A bare item (<c>server</c>, <c>nowait</c>, a driver name), escaped like a value; left out when null.</summary>
    public QemuOpts Bare(string? value)
    {
        if (value is not null) Append(null, Escape(value));
        return this;
    }

    /// <summary>A bare flag, present only when the condition holds.</summary>
    public QemuOpts Flag(string flag, bool when = true)
    {
        CheckKey(flag);
        if (when) Append(null, flag);
        return this;
    }

    /// <summary>
    /// A boolean, left out when null. In the explicit form (QEMU 6.0 deprecated the short ones) it is
    /// <c>key=on</c> or <c>key=off</c>; in the short form it is <c>key</c> or <c>nokey</c> (<c>server</c>, <c>nowait</c>).
    /// </summary>
    public QemuOpts Switch(string key, bool? value, bool explicitForm)
    {
        if (value is not { } on) return this;
        return explicitForm ? AddOnOff(key, on) : Flag(on ? key : "no" + key);
    }

    /// <summary>The items joined with commas (a comma goes before an item once anything has been written).</summary>
    public override string ToString()
    {
        // The exact length first, then one string: no builder growing and no string per item. The items are
        // walked as a span, not through the list's enumerator: twice for every option of every command.
        var length = 0;
        foreach (ref readonly var item in _items.AsSpan(0, _count))
        {
            if (length > 0) length++;
            length += item.Key is null ? item.Value.Length : item.Key.Length + 1 + item.Value.Length;
        }
        return string.Create(length, (_items, _count), static (text, state) =>
        {
            var at = 0;
            foreach (ref readonly var item in state._items.AsSpan(0, state._count))
            {
                if (at > 0) text[at++] = ',';
                if (item.Key is { } key)
                {
                    key.CopyTo(text[at..]);
                    at += key.Length;
                    text[at++] = '=';
                }
                item.Value.CopyTo(text[at..]);
                at += item.Value.Length;
            }
        });
    }

    private void Append(string? key, string value)
    {
        if (_count == _items.Length) Array.Resize(ref _items, 2 * _items.Length);
        _items[_count++] = (key, value);
    }

    /// <summary>Doubles every comma so QEMU's option parser keeps it inside the value.</summary>
    public static string Escape(string value) =>
        // Most values hold no comma: one vectorised search, and the value itself back.
        value.Contains(',') ? value.Replace(",", ",,", StringComparison.Ordinal) : value;

    private static void CheckKey(string key)
    {
        // IndexOfAny, not a loop over the characters: measured, the loop cost five times as much (9.0 corpus x2 +2.6M).
        if (key.Length == 0 || key.AsSpan().IndexOfAny(',', '=') >= 0)
            throw new ArgumentException($"'{key}' is not a QEMU option key", nameof(key));
    }
}
