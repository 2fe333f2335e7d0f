using DomainLauncher.Cli.Startup;
using DomainLauncher.Cli.Tests.Support;
using Microsoft.Win32.SafeHandles;

namespace DomainLauncher.Cli.Tests.Startup;

/// <summary>Standard output's stream: written through, or held back in blocks for the commands that only write results.</summary>
public sealed class DescriptorOutputStreamTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _file;
    private readonly SafeFileHandle _handle;

    public DescriptorOutputStreamTests()
    {
        _file = Path.Combine(_temp.Path, "out.bin");
        _handle = File.OpenHandle(_file, FileMode.CreateNew, FileAccess.Write);
    }

    public void Dispose()
    {
        _handle.Dispose();
        _temp.Dispose();
    }

    private DescriptorOutputStream Stream(bool holdBack) => new((int)_handle.DangerousGetHandle(), holdBack);

    private long Written => new FileInfo(_file).Length;

    [Fact]
    public void Written_through_every_write_is_out_at_once()
    {
        var stream = Stream(holdBack: false);
        stream.Write("one line\n"u8);
        Assert.Equal(9, Written);
    }

    [Fact]
    public void Held_back_the_bytes_go_out_on_flush()
    {
        var stream = Stream(holdBack: true);
        stream.Write("one line\n"u8);
        Assert.Equal(0, Written);
        stream.Flush();
        Assert.Equal("one line\n", File.ReadAllText(_file));
        stream.Flush();
        Assert.Equal(9, Written);
    }

    [Fact]
    public void Held_back_output_goes_out_in_blocks_of_64_KiB_at_most_and_in_order()
    {
        var stream = Stream(holdBack: true);
        var expected = new List<byte>();
        for (var i = 0; i < 300; i++)
        {
            var piece = Enumerable.Repeat((byte)('a' + i % 26), 1000).ToArray();
            stream.Write(piece);
            expected.AddRange(piece);
            // Never more than a block waits, and nothing goes out before a block is full.
            Assert.InRange(expected.Count - Written, 0, 64 * 1024);
            Assert.True(Written == 0 || Written >= 64 * 1024 - 1000, $"{Written} bytes out after {expected.Count}");
        }
        var big = Enumerable.Repeat((byte)'Z', 100_000).ToArray();
        stream.Write(big);
        expected.AddRange(big);
        stream.Flush();
        Assert.Equal(expected.ToArray(), File.ReadAllBytes(_file));
    }
}
