using System.Buffers;

namespace DomainLauncher.HostRuntime.Probing;

/// <summary>
/// Reads QMP's newline-separated messages from a stream with a bound on each: an emulator that sends
/// one endless line is stopped at <see cref="MaxLineBytes"/> instead of filling memory. A line is
/// handed out as UTF-8 bytes, without its line end.
/// </summary>
internal sealed class QmpLineReader(Stream stream)
{
    /// <summary>
    /// The longest message accepted. QEMU's largest answer, the QMP schema, is under 1 MiB for QEMU 7.2
    /// (about 0.3 MiB); this leaves room for much larger emulators.
    /// </summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly ArrayBufferWriter<byte> _line = new();
    private int _start;
    private int _end;

    /// <summary>The next line, or null at the end of the stream (a last line without a newline is still returned).</summary>
    /// <exception cref="QmpProtocolException">The line is longer than <see cref="MaxLineBytes"/>.</exception>
    public async Task<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellation)
    {
        _line.ResetWrittenCount();
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var take = (newline < 0 ? _end : newline) - _start;
            if (_line.WrittenCount + take > MaxLineBytes)
                throw new QmpProtocolException($"the emulator sent a message longer than {MaxLineBytes / (1024 * 1024)} MiB");
            _line.Write(_buffer.AsSpan(_start, take));
            if (newline >= 0)
            {
                _start = newline + 1;
                return Trimmed();
            }
            _start = _end = 0;
            var read = await stream.ReadAsync(_buffer, cancellation).ConfigureAwait(false);
            if (read == 0) return _line.WrittenCount == 0 ? (ReadOnlyMemory<byte>?)null : Trimmed();
            _end = read;
        }
    }

    // QMP ends lines with CRLF.
    private ReadOnlyMemory<byte> Trimmed()
    {
        var line = _line.WrittenMemory;
        return line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;
    }
}
