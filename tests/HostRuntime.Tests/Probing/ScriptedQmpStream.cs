using System.Text;
using System.Threading.Channels;

namespace DomainLauncher.HostRuntime.Tests.Probing;

/// <summary>
/// A fake QMP peer: sends <c>greeting</c> lines first, then answers each command line written to it
/// with the lines <c>answer</c> returns (none means it stays silent). Reads honour cancellation.
/// </summary>
internal sealed class ScriptedQmpStream : Stream
{
    private readonly Channel<byte[]> _toClient = Channel.CreateUnbounded<byte[]>();
    private readonly Func<string, IEnumerable<string>> _answer;
    private readonly StringBuilder _pending = new();
    private byte[] _current = [];
    private int _offset;

    public ScriptedQmpStream(IEnumerable<string> greeting, Func<string, IEnumerable<string>> answer)
    {
        _answer = answer;
        foreach (var line in greeting) Send(line);
    }

    public List<string> Received { get; } = [];

    /// <summary>How many writes the client made; a command and its newline should be one.</summary>
    public int WriteCount { get; private set; }

    public void Send(string line) => _toClient.Writer.TryWrite(Encoding.UTF8.GetBytes(line + "\n"));

    public void End() => _toClient.Writer.TryComplete();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_offset >= _current.Length)
        {
            if (!await _toClient.Reader.WaitToReadAsync(cancellationToken)) return 0;
            if (_toClient.Reader.TryRead(out var next)) { _current = next; _offset = 0; }
        }
        var count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        WriteCount++;
        _pending.Append(Encoding.UTF8.GetString(buffer.Span));
        var text = _pending.ToString();
        int newline;
        while ((newline = text.IndexOf('\n')) >= 0)
        {
            var line = text[..newline];
            text = text[(newline + 1)..];
            Received.Add(line);
            foreach (var reply in _answer(line)) Send(reply);
        }
        _pending.Clear().Append(text);
        return ValueTask.CompletedTask;
    }

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
