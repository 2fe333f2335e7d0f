using System.Runtime.InteropServices;
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
/// </summary>
internal sealed class DescriptorOutputStream(int descriptor) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
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

    /// <summary>Nothing is held back: every write went to the descriptor.</summary>
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
