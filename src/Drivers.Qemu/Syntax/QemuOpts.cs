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
    // The text itself, written as items are added, in a buffer this thread lends (an option's ~10 items as (key, value)
    // pairs were an array of 152 bytes per option, ~1.5 KB per document of the 9.0 corpus). ToString makes the string,
    // gives the buffer back and keeps the string: adding after it writes the string into a buffer lent again.
    private char[]? _buffer;
    private int _length;
    private string? _text;
    private int _count;

    public QemuOpts()
    {
    }

    /// <summary>Starts with a bare leading value, such as the device driver or the chardev backend.</summary>
    public QemuOpts(string leading) => Bare(leading);

    /// <summary>Whether no item has been added (a bare empty value is an item).</summary>
    public bool IsEmpty => _count == 0;

    /// <summary><c>key=value</c>, left out when the value is null.</summary>
    public QemuOpts Add(string key, string? value)
    {
        CheckKey(key);
        if (value is not null) Append(key, value);
        return this;
    }

    /// <summary><c>key=value</c> for a value written into a span by the caller: no string is made for it.</summary>
    public QemuOpts Add(string key, ReadOnlySpan<char> value)
    {
        CheckKey(key);
        Append(key, value);
        return this;
    }

    // Numbers are formatted straight into the option's text, not into a string each that is copied there and dropped.

    /// <summary><c>key=123</c> in invariant digits, left out when null.</summary>
    public QemuOpts Add(string key, long? value) => AddDigits(key, value);

    /// <summary><c>key=123</c> in invariant digits, left out when null.</summary>
    public QemuOpts Add(string key, ulong? value) => AddDigits(key, value);

    // One body for both integer kinds; made for each (a value type), so nothing is boxed.
    private QemuOpts AddDigits<T>(string key, T? value) where T : struct, ISpanFormattable
    {
        CheckKey(key);
        if (value is not { } number) return this;
        Span<char> digits = stackalloc char[20];
        number.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        Append(key, digits[..written]);
        return this;
    }

    /// <summary><c>key=0x1f</c> (lower-case hexadecimal), left out when null.</summary>
    public QemuOpts AddHex(string key, ulong? value)
    {
        CheckKey(key);
        if (value is not { } number) return this;
        Span<char> digits = stackalloc char[MostHexCharacters];
        Append(key, digits[..WriteHex(digits, number)]);
        return this;
    }

    /// <summary>The most characters <see cref="WriteHex"/> writes: <c>0x</c> and sixteen digits.</summary>
    public const int MostHexCharacters = 18;

    /// <summary>Writes <c>0x</c> and <paramref name="value"/> in lower-case hexadecimal, QEMU's way of writing a number in hex; the characters written.</summary>
    public static int WriteHex(Span<char> into, ulong value)
    {
        into[0] = '0';
        into[1] = 'x';
        value.TryFormat(into[2..], out var written, "x", CultureInfo.InvariantCulture);
        return written + 2;
    }

    /// <summary><c>key=on</c> or <c>key=off</c>, left out when null.</summary>
    public QemuOpts AddOnOff(string key, bool? value) => Add(key, value is null ? null : value.Value ? "on" : "off");

    /// <summary><c>key=yes</c> or <c>key=no</c>, left out when null.</summary>
    public QemuOpts AddYesNo(string key, bool? value) => Add(key, value is null ? null : value.Value ? "yes" : "no");

    /// <summary>A bare item (<c>server</c>, <c>nowait</c>, a driver name), escaped like a value; left out when null.</summary>
    public QemuOpts Bare(string? value)
    {
        if (value is not null) Append(null, value);
        return this;
    }

    /// <summary>A bare flag, present only when the condition holds.</summary>
    public QemuOpts Flag(string flag, bool when = true)
    {
        CheckKey(flag);
        if (when) Append(null, flag, escape: false);
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
        if (_buffer is not { } buffer) return _text ?? "";
        var text = new string(buffer, 0, _length);
        _buffer = null;
        _text = text;
        LentBuffers.GiveBack(buffer);
        return text;
    }

    /// <summary>Writes <c>,key=value</c> (no comma before the first text, no <c>key=</c> for a bare item), the value's commas doubled.</summary>
    private void Append(string? key, ReadOnlySpan<char> value, bool escape = true)
    {
        // Most values hold no comma: one vectorised search, then the value copied whole (room for doubling every
        // character when one has a comma).
        var doubled = escape && value.Contains(',');
        var needed = _length + 1 + (key is null ? 0 : key.Length + 1) + (doubled ? 2 * value.Length : value.Length);
        var buffer = _buffer is { } lent && lent.Length >= needed ? lent : Writable(needed);
        var at = _length;
        if (at > 0) buffer[at++] = ',';
        if (key is not null)
        {
            key.CopyTo(0, buffer, at, key.Length);
            at += key.Length;
            buffer[at++] = '=';
        }
        if (!doubled)
        {
            value.CopyTo(buffer.AsSpan(at));
            at += value.Length;
        }
        else
        {
            foreach (var c in value)
            {
                buffer[at++] = c;
                if (c == ',') buffer[at++] = ',';
            }
        }
        _length = at;
        _count++;
    }

    /// <summary>The buffer, with room for <paramref name="needed"/> characters: lent when there is none (holding the text made so far), grown when too small.</summary>
    private char[] Writable(int needed)
    {
        if (_buffer is null)
        {
            _buffer = LentBuffers.Lend(needed);
            _text?.CopyTo(_buffer);
            _text = null;
        }
        else if (_buffer.Length < needed)
        {
            var grown = new char[Math.Max(needed, 2 * _buffer.Length)];
            _buffer.AsSpan(0, _length).CopyTo(grown);
            LentBuffers.GiveBack(_buffer);
            _buffer = grown;
        }
        return _buffer;
    }

    /// <summary>
    /// Buffers an option's text is written in, lent to one option at a time by this thread and given back when its string
    /// is made. An option never given back (dropped unfinished) only costs its buffer to the collector.
    /// </summary>
    private static class LentBuffers
    {
        // Room for all but the longest options (the 9.0 corpus's longest common ones, -device with a dozen items, are ~150 characters).
        private const int Size = 256;
        // Options built at the same time on one thread (a -netdev and its -device, an option and a nested one) are few.
        private const int MostKept = 8;

        [ThreadStatic] private static char[][]? t_free;
        [ThreadStatic] private static int t_freeCount;

        public static char[] Lend(int needed)
        {
            if (needed > Size) return new char[needed];
            if (t_freeCount == 0) return new char[Size];
            var buffer = t_free![--t_freeCount];
            t_free[t_freeCount] = null!;
            return buffer;
        }

        public static void GiveBack(char[] buffer)
        {
            if (buffer.Length != Size) return;
            var free = t_free ??= new char[MostKept][];
            if (t_freeCount < free.Length) free[t_freeCount++] = buffer;
        }
    }

    /// <summary>
    /// The items of an option value this class wrote, read back: a bare item has a null key; a doubled comma is one comma
    /// of the value. (A key holds no comma or '=', so the first '=' of an item ends its key.)
    /// </summary>
    public static List<(string? Key, string Value)> Items(string text)
    {
        var items = new List<(string? Key, string Value)>();
        var item = new System.Text.StringBuilder();
        string? key = null;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] == ',' && i + 1 < text.Length && text[i + 1] == ',')
            {
                item.Append(',');
                i++;
            }
            else if (i == text.Length || text[i] == ',')
            {
                items.Add((key, item.ToString()));
                item.Clear();
                key = null;
            }
            else if (text[i] == '=' && key is null)
            {
                key = item.ToString();
                item.Clear();
            }
            else item.Append(text[i]);
        }
        return items;
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
