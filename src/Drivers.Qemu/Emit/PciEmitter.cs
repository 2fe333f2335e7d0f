using DomainLauncher.Drivers.Qemu.Plan.Pci;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

/// <summary>
/// Formats a planned PCI address as <c>-device</c> options: <c>bus=ID,addr=0x3</c>, with <c>.0xF</c> and
/// multifunction, the bus named by the id QEMU knows it by (<c>pcie.0</c>, <c>pci.0</c>, <c>pci.N</c>).
/// </summary>
internal static class PciEmitter
{
    public static QemuOpts AddAddress(QemuOpts opts, PciAddress? pci, PciTopology buses)
    {
        if (pci is null) return opts;
        opts.Add("bus", buses.BusId(pci.Bus ?? 0));
        if (pci.Multifunction is { } multifunction) opts.AddOnOff("multifunction", multifunction);
        // Written into a span, not two strings made and joined (~1.5M instructions of the 9.0 corpus x2 with the option's copy).
        Span<char> addr = stackalloc char[MostAddrCharacters];
        var written = 0;
        written += QemuOpts.WriteHex(addr, pci.Slot ?? 0);
        if (pci.Function is { } function and not 0)
        {
            addr[written++] = '.';
            written += QemuOpts.WriteHex(addr[written..], function);
        }
        return opts.Add("addr", addr[..written]);
    }

    // Two hexadecimal numbers and the dot between them.
    private const int MostAddrCharacters = 2 * QemuOpts.MostHexCharacters + 1;
}
