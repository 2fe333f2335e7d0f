using DomainLauncher.Drivers.Qemu.Cpu;
using DomainLauncher.Drivers.Qemu.Host;

namespace DomainLauncher.Drivers.Qemu.Tests.Cpu;

public sealed class CpuidDataTests
{
    private static CpuidData Edx(uint function, uint edx) => CpuidData.Of([new CpuidBits(function, 0, 0, 0, edx)]);

    [Fact]
    public void Union_merges_bits_of_the_same_function()
    {
        var both = Edx(1, 0b01).Union(Edx(1, 0b10));
        Assert.Equal(Edx(1, 0b11), both);
        Assert.Single(both.Leaves);
    }

    [Fact]
    public void Subtract_drops_leaves_that_become_empty()
    {
        var data = Edx(1, 0b11).Union(Edx(0x80000001, 0b1));
        Assert.Equal(Edx(1, 0b10), data.Subtract(Edx(1, 0b01)).Subtract(Edx(0x80000001, 0b1)));
        Assert.True(Edx(1, 1).Subtract(Edx(1, 1)).IsEmpty);
    }

    [Fact]
    public void Intersect_keeps_only_shared_bits()
    {
        Assert.Equal(Edx(1, 0b10), Edx(1, 0b110).Intersect(Edx(1, 0b011).Union(Edx(7, 1))));
    }

    [Fact]
    public void Contains_means_every_bit_of_the_other_is_set()
    {
        var data = Edx(1, 0b111);
        Assert.True(data.Contains(Edx(1, 0b101)));
        Assert.True(data.Contains(CpuidData.Empty));
        Assert.False(data.Contains(Edx(1, 0b1000)));
        Assert.False(data.Contains(Edx(2, 1)));
    }

    [Fact]
    public void Zero_bits_add_nothing()
    {
        Assert.True(Edx(1, 0).IsEmpty);
    }
}
