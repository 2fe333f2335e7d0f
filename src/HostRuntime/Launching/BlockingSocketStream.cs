using System.Net.Sockets;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// A connected socket read and written with blocking calls, its asynchronous methods included, which
/// complete before they return. For a guest's QMP monitor: a conversation is a few short lines, one
/// after the other, so blocking costs nothing, while the asynchronous socket path started the runtime's
/// epoll thread and moved every reply through a thread-pool thread, and each hop waited for a core on a
/// busy host (launch's QMP step took 6 to 150 ms of wall time for about 0.1 ms of QEMU's work).
/// Each receive and send is bounded by the timeout given; running out is a <see cref="TimeoutException"/>.
/// A cancellation token is looked at before each call, not during one.
/// </summary>
internal sealed class BlockingSocketStream : Stream
{
    private readonly Socket _socket;
    private readonly TimeSpan _timeout;

    private BlockingSocketStream(Socket socket, TimeSpan timeout)
    {
        _socket = socket;
        _timeout = timeout;
    }

    /// <summary>
    /// Connects to the unix socket at <paramref name="path"/>: a listening socket accepts at once or refuses;
    /// one whose backlog is full makes the connect wait, within the timeout too.
    /// </summary>
    public static BlockingSocketStream Connect(string path, TimeSpan timeout)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            // Socket timeouts are whole milliseconds, 0 meaning none: keep a bound of at least 1 ms.
            var milliseconds = (int)Math.Clamp(Math.Ceiling(timeout.TotalMilliseconds), 1, int.MaxValue);
            socket.ReceiveTimeout = milliseconds;
            socket.SendTimeout = milliseconds;
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(path));
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
            {
                throw new TimeoutException($"connecting to '{path}' took longer than {timeout.TotalSeconds:0.###} s", e);
            }
            return new BlockingSocketStream(socket, timeout);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return _socket.Receive(buffer, SocketFlags.None);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
        {
            throw new TimeoutException($"QEMU sent nothing within {_timeout.TotalSeconds:0.###} s", e);
        }
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            while (!buffer.IsEmpty) buffer = buffer[_socket.Send(buffer, SocketFlags.None)..];
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
        {
            throw new TimeoutException($"QEMU took nothing within {_timeout.TotalSeconds:0.###} s", e);
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _socket.Dispose();
        base.Dispose(disposing);
    }
}
