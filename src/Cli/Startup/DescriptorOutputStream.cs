using System.Runtime.InteropServices;
using DomainLauncher.Cli.Output;
using DomainLauncher.HostRuntime.Interop;

namespace DomainLauncher.Cli.Startup;

/// <summary>
/// A write-only stream onto an inherited file descriptor (standard output or standard error): every
/// write is <c>write(2)</c> until all bytes are out.
/// <para>
/// Why not <see cref="Console.OpenStandardOutput()"/>: its first write sets up .NET's console layer
/// (terminal state, signal handlers and a thread of their own with its pipe), which a tool that only
/// writes bytes never uses; that was a thread start and its page faults in every command.
/// Why not a <see cref="FileStream"/> over the descriptor: on a regular file it writes at a position of
/// its own (<c>pwrite</c>), so with <c>&gt; out 2&gt;&amp;1</c> results and errors would overwrite each other;
/// <c>write(2)</c> moves the offset the two descriptors share.
/// </para>
/// <para>
/// A reader that went away (EPIPE; the runtime ignores SIGPIPE) is a <see cref="StandardOutputClosedException"/>,
/// so a command piped into <c>head</c> stops instead of working on for nobody (the console's stream dropped
/// the bytes and went on); any other failure is an <see cref="IOException"/>. A non-blocking descriptor that
/// is full is waited for.
/// </para>
/// <para>
/// Held back (<paramref name="holdBack"/>, for the commands that only write results): bytes go out in
/// blocks of up to 64 KiB, on <see cref="Flush"/> or when the block is full, so a batch of documents costs
/// no system call per line. The block grows as output comes (4 KiB first), so a command that prints a few
/// lines does not pay for 64 KiB of fresh memory; the text writer above keeps a small buffer of its own.
/// </para>
/// </summary>
internal sealed class DescriptorOutputStream(int descriptor, bool holdBack = false) : Stream
{
    private readonly OutputBlock _block = new();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!holdBack)
        {
            WriteOut(buffer);
            return;
        }
        if (!_block.Fits(buffer.Length))
        {
            Flush();
            if (!_block.Fits(buffer.Length))
            {
                WriteOut(buffer);
                return;
            }
        }
        _block.Append(buffer);
    }

    private unsafe void WriteOut(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            var written = 0;
            while (written < buffer.Length)
            {
                var result = Posix.Write(descriptor, start + written, (nuint)(buffer.Length - written));
                if (result >= 0)
                {
                    written += (int)result;
                    continue;
                }
                var error = Marshal.GetLastPInvokeError();
                if (error == Posix.Interrupted) continue;
                if (error == Posix.WouldBlock)
                {
                    var request = new Posix.PollDescriptor { Descriptor = descriptor, Events = Posix.PollOut };
                    _ = Posix.Poll(&request, 1, -1);
                    continue;
                }
                if (error == Posix.BrokenPipe) throw new StandardOutputClosedException(Marshal.GetPInvokeErrorMessage(error), error);
                throw new IOException(Marshal.GetPInvokeErrorMessage(error), error);
            }
        }
    }

    /// <summary>Writes what is held back; unless held back, every write already went to the descriptor.</summary>
    public override void Flush()
    {
        if (_block.Length == 0) return;
        // Emptied first: if the reader went away, what is held is dropped, not written again.
        var held = _block.Held;
        _block.Clear();
        WriteOut(held);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
