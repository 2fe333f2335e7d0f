namespace DomainLauncher.Cli.Output;

/// <summary>
/// Bytes of standard output held back to go out in one write: a block that grows as bytes come, from 4 KiB
/// up to <see cref="Largest"/>. Grown, not made at its largest: a command of a few lines would otherwise
/// clear 64 KiB of fresh memory it never uses.
/// </summary>
internal sealed class OutputBlock
{
    public const int Largest = 64 * 1024;
    private const int First = 4 * 1024;

    private byte[] _bytes = [];

    /// <summary>How many bytes are held.</summary>
    public int Length { get; private set; }

    /// <summary>The bytes held, valid until the next <see cref="Append"/>.</summary>
    public ReadOnlySpan<byte> Held => _bytes.AsSpan(0, Length);

    /// <summary>Whether <paramref name="count"/> more bytes stay within <see cref="Largest"/>.</summary>
    public bool Fits(int count) => Length + count <= Largest;

    /// <summary>Holds <paramref name="bytes"/> after those held (the caller has made sure they fit).</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (Length + bytes.Length > _bytes.Length)
            Array.Resize(ref _bytes, Math.Min(Largest, Math.Max(Length + bytes.Length, Math.Max(First, _bytes.Length * 2))));
        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>Holds nothing any more; the block is kept for what comes next.</summary>
    public void Clear() => Length = 0;
}
