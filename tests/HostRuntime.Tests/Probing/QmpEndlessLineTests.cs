using DomainLauncher.HostRuntime.Probing;

namespace DomainLauncher.HostRuntime.Tests.Probing;

/// <summary>
/// An emulator's answers are untrusted: one that streams a line without end is cut off at the
/// message limit, in bounded memory, long before the timeout.
/// </summary>
public sealed class QmpEndlessLineTests
{
    [Fact]
    public async Task An_endless_line_is_refused_at_the_message_limit_without_filling_memory()
    {
        await using var peer = new EndlessLineStream();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<QmpProtocolException>(() => QmpClient.ConnectAsync(peer, TimeSpan.FromSeconds(60), CancellationToken.None));

        Assert.Contains("longer than 16 MiB", error.Message);
        Assert.InRange(peer.Sent, QmpLineReader.MaxLineBytes, QmpLineReader.MaxLineBytes + (1 << 20));
        // A bounded buffer grows to the limit at most (doubling), never to what was sent after it.
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 8L * QmpLineReader.MaxLineBytes, "allocated too much");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_long_line_under_the_limit_is_still_read()
    {
        var padding = new string('x', 3 * 1024 * 1024);
        var peer = new ScriptedQmpStream(
            ["{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}, \"package\": \"" + padding + "\"}, \"capabilities\": []}}"],
            request => ["{\"return\": {}, \"id\": 1}"]);

        await using var client = await QmpClient.ConnectAsync(peer, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(new Drivers.Qemu.Capabilities.QemuVersion(7, 2, 0), client.GreetingVersion);
    }

    [Fact]
    public async Task A_message_that_is_not_UTF_8_is_a_protocol_error_not_a_crash()
    {
        // Found by the fuzz harness: {"QMP":{}} then {"\xff":1}, JSON in shape but not UTF-8.
        await using var peer = new FixedBytesStream([.. "{\"QMP\":{}}\n"u8, 0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d, 0x0a]);

        var error = await Assert.ThrowsAsync<QmpProtocolException>(() => QmpClient.ConnectAsync(peer, TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.Contains("not valid UTF-8", error.Message);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("\"text\"")]
    [InlineData("[]")]
    public async Task A_greeting_whose_QMP_member_is_not_an_object_is_a_protocol_error_not_a_crash(string member)
    {
        // Found by the fuzz harness (seed 1, inputs 206186, 571583, 634370).
        await using var peer = new FixedBytesStream(System.Text.Encoding.UTF8.GetBytes($"{{\"QMP\": {member}}}\n"));

        var error = await Assert.ThrowsAsync<QmpProtocolException>(() => QmpClient.ConnectAsync(peer, TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.Contains("did not greet with a QMP object", error.Message);
    }

    /// <summary>A peer that sends fixed bytes whatever it is told, then ends.</summary>
    private sealed class FixedBytesStream(byte[] bytes) : OneWayPeerStream
    {
        private int _at;

        protected override int Fill(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, bytes.Length - _at);
            bytes.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }
    }

    /// <summary>A peer whose greeting never ends: 'a' after 'a', 64 KiB at a time.</summary>
    private sealed class EndlessLineStream : OneWayPeerStream
    {
        public long Sent { get; private set; }

        protected override int Fill(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, 64 * 1024);
            buffer[..n].Fill((byte)'a');
            Sent += n;
            return n;
        }
    }

    /// <summary>A peer that talks without listening: what the client writes is dropped, what it reads comes from <see cref="Fill"/>.</summary>
    private abstract class OneWayPeerStream : Stream
    {
        /// <summary>Writes the next bytes the peer sends into <paramref name="buffer"/>; 0 ends the stream.</summary>
        protected abstract int Fill(Span<byte> buffer);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Fill(buffer.Span));

        public override int Read(byte[] buffer, int offset, int count) => Fill(buffer.AsSpan(offset, count));

        public override void Write(byte[] buffer, int offset, int count) { }

        public override void Flush() { }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
