using DomainLauncher.HostRuntime.Interop;

namespace DomainLauncher.HostRuntime.Tests.Interop;

/// <summary>The kernel's random bytes, which the TPM's throwaway passphrase is made of.</summary>
public sealed class RandomBytesTests
{
    [Fact]
    public void As_many_bytes_as_asked_and_never_the_same_twice()
    {
        var first = Posix.RandomBytes(32);
        var second = Posix.RandomBytes(32);

        Assert.Equal(32, first.Length);
        Assert.Equal(32, second.Length);
        // Two equal draws of 256 random bits do not happen; equal ones mean the bytes were not filled.
        Assert.NotEqual(first, second);
        Assert.NotEqual(new byte[32], first);
    }

    [Fact]
    public void A_request_larger_than_one_kernel_call_fills_every_byte()
    {
        // getrandom(2) may return fewer bytes than asked for above 256; the loop asks again for the rest.
        var bytes = Posix.RandomBytes(1 << 16);

        Assert.Equal(1 << 16, bytes.Length);
        Assert.NotEqual(new byte[4096], bytes[^4096..]);
    }
}
