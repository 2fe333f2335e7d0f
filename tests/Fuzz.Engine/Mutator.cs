using System.Text;

namespace DomainLauncher.Fuzz;

/// <summary>
/// Makes a new input from a seed with one to four mutations: bit flips, inserted, deleted and
/// overwritten bytes, splices with another seed, repeated chunks, deep nesting, huge numbers,
/// control characters and non-characters, and the characters that break out of quoting in some
/// output syntax. Everything comes from the <see cref="Random"/> it is given, so a seed replays.
/// The result is capped at <see cref="FuzzOptions.MaxInputBytes"/> so that a run stays bounded.
/// </summary>
internal sealed class Mutator(Random random, FuzzOptions options)
{
    private static readonly byte[][] Interesting =
    [
        .. new[]
        {
            ",", ",,", ":", "\\:", "'", "\"", "\\", "(", ")", "[", "]", "{", "}", "=", " ", "\n", "\r\n", "\t", "<", ">", "&",
            "&amp;", "&#0;", "&#xFFFE;", "&#x1;", "]]>", "<!DOCTYPE a [<!ENTITY e 'x'>]>", "&e;", "-", "/", "../", "..",
            "\\x41", "\\n", "'''", "\"\"\"", "#", ";", "import os", "0x", "-1", "0", "1e999", "NaN", "true", "null",
            "\u0000", "\u0001", "\u001b[31m", "\u007f", "\u0085", "\u2028", "\uFEFF", "\uFFFE", "\uFFFF",
        }.Select(Encoding.UTF8.GetBytes),
        [0xED, 0xA0, 0x80], // a lone surrogate, as CESU would write it
        [0xC0, 0xAF], [0xFF], [0xFE, 0xFF], [0x80],
    ];

    private static readonly string[] HugeNumbers =
    [
        "18446744073709551615", "18446744073709551616", "9223372036854775808", "-9223372036854775809",
        "4294967296", "99999999999999999999999999999999999999", "1e308", "0.0000000000000000000001", "-0", "00000000000000000000001",
    ];

    public byte[] Mutate(FuzzTarget target)
    {
        var data = new List<byte>(Pick(target.Seeds));
        var count = 1 + random.Next(4);
        for (var i = 0; i < count; i++) Apply(data, target);
        if (data.Count > options.MaxInputBytes) data.RemoveRange(options.MaxInputBytes, data.Count - options.MaxInputBytes);
        return [.. data];
    }

    private void Apply(List<byte> data, FuzzTarget target)
    {
        switch (random.Next(11))
        {
            case 0 when data.Count > 0: // flip a bit
                var at = random.Next(data.Count);
                data[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1: // insert random bytes
                data.InsertRange(Position(data), RandomBytes(1 + random.Next(16)));
                break;
            case 2 when data.Count > 0: // delete a range
                var start = random.Next(data.Count);
                data.RemoveRange(start, Math.Min(data.Count - start, 1 + random.Next(64)));
                break;
            case 3 when data.Count > 0: // overwrite a byte with an extreme value
                data[random.Next(data.Count)] = (byte)(random.Next(2) == 0 ? 0xFF : random.Next(0x20));
                break;
            case 4: // splice: a piece of another seed
                var other = Pick(target.Seeds);
                if (other.Length == 0) break;
                var from = random.Next(other.Length);
                data.InsertRange(Position(data), other.AsSpan(from, Math.Min(other.Length - from, 1 + random.Next(256))).ToArray());
                break;
            case 5 when data.Count > 0: // repeat a chunk
                var chunkStart = random.Next(data.Count);
                var chunk = data.GetRange(chunkStart, Math.Min(data.Count - chunkStart, 1 + random.Next(128)));
                var times = 1 + random.Next(random.Next(2) == 0 ? 8 : 2000);
                var repeated = new List<byte>(chunk.Count * times);
                for (var i = 0; i < times && repeated.Count < options.MaxInputBytes; i++) repeated.AddRange(chunk);
                data.InsertRange(chunkStart, repeated);
                break;
            case 6: // deep nesting
                var (open, close) = target.NestingTokens[random.Next(target.NestingTokens.Count)];
                var depth = NestingDepth();
                var at6 = Position(data);
                data.InsertRange(at6, Repeat(close, depth));
                data.InsertRange(at6, Repeat(open, depth));
                break;
            case 7: // a huge or odd number, replacing a run of digits when there is one
                ReplaceNumber(data, Encoding.ASCII.GetBytes(HugeNumbers[random.Next(HugeNumbers.Length)]));
                break;
            case 8: // a control character, a non-character or a breaking-out character
            case 9:
                data.InsertRange(Position(data), Interesting[random.Next(Interesting.Length)]);
                break;
            default: // duplicate a line
                DuplicateLine(data);
                break;
        }
    }

    /// <summary>Mostly shallow, sometimes as deep as the options allow (deep enough to find a missing limit).</summary>
    private int NestingDepth() =>
        random.Next(4) switch
        {
            0 => 1 + random.Next(10),
            1 => 1 + random.Next(200),
            2 => 1 + random.Next(Math.Max(1, Math.Min(5000, options.MaxNesting))),
            _ => 1 + random.Next(Math.Max(1, options.MaxNesting)),
        };

    private void ReplaceNumber(List<byte> data, byte[] number)
    {
        if (data.Count == 0) { data.AddRange(number); return; }
        var start = random.Next(data.Count);
        while (start < data.Count && !IsDigit(data[start])) start++;
        if (start == data.Count) { data.InsertRange(Position(data), number); return; }
        var end = start;
        while (end < data.Count && IsDigit(data[end])) end++;
        data.RemoveRange(start, end - start);
        data.InsertRange(start, number);
    }

    private void DuplicateLine(List<byte> data)
    {
        if (data.Count == 0) return;
        var at = random.Next(data.Count);
        var start = data.LastIndexOf((byte)'\n', at) + 1;
        var end = data.IndexOf((byte)'\n', at);
        if (end < 0) end = data.Count - 1;
        var line = data.GetRange(start, end - start + 1);
        var times = 1 + random.Next(random.Next(2) == 0 ? 3 : 500);
        for (var i = 0; i < times && data.Count < options.MaxInputBytes; i++) data.InsertRange(start, line);
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private int Position(List<byte> data) => random.Next(data.Count + 1);

    private byte[] Pick(IReadOnlyList<byte[]> seeds) => seeds[random.Next(seeds.Count)];

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private List<byte> Repeat(string token, int times)
    {
        var bytes = Encoding.UTF8.GetBytes(token);
        var result = new List<byte>(Math.Min(bytes.Length * times, options.MaxInputBytes));
        for (var i = 0; i < times && result.Count < options.MaxInputBytes; i++) result.AddRange(bytes);
        return result;
    }
}
