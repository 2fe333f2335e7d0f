using DomainLauncher.Drivers.Qemu.Emit;
using DomainLauncher.Drivers.Qemu.Plan.Pci;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Tests.Emit;

/// <summary>A planned PCI address as <c>-device</c> options: the bus's id, then the slot and a function other than 0 in hexadecimal.</summary>
public sealed class PciEmitterTests
{
    private static string Options(PciAddress address) =>
        PciEmitter.AddAddress(new QemuOpts("dev"), address, PciTopology.Legacy).ToString();

    [Fact]
    public void Slot_alone_and_with_a_function()
    {
        Assert.Equal("dev,bus=pci.0,addr=0x1f", Options(new PciAddress { Bus = 0, Slot = 31, Function = 0 }));
        Assert.Equal("dev,bus=pci.0,multifunction=on,addr=0x3.0x7", Options(new PciAddress { Slot = 3, Function = 7, Multifunction = true }));
        Assert.Equal("dev,bus=pci.0,addr=0x0", Options(new PciAddress()));
    }

    [Fact]
    public void The_largest_numbers_are_written_whole()
    {
        Assert.Equal("dev,bus=pci.0,addr=0xffffffff.0xffffffff", Options(new PciAddress { Slot = uint.MaxValue, Function = uint.MaxValue }));
    }

    [Fact]
    public void No_address_adds_nothing()
    {
        Assert.Equal("dev", PciEmitter.AddAddress(new QemuOpts("dev"), null, PciTopology.Legacy).ToString());
    }
}
