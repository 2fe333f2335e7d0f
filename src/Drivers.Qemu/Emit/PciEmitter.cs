using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

/// <summary>Formats a PCI address as <c>-device</c> options: <c>bus=pci.0,addr=0x3</c>, with <c>.0xF</c> and multifunction.</summary>
internal static class PciEmitter
{
    public static QemuOpts AddAddress(QemuOpts opts, PciAddress? pci)
    {
        if (pci is null) return opts;
        opts.Add("bus", $"pci.{pci.Bus ?? 0}");
        if (pci.Multifunction is { } multifunction) opts.AddOnOff("multifunction", multifunction);
        var addr = $"0x{pci.Slot ?? 0:x}";
        if (pci.Function is { } function and not 0) addr += $".0x{function:x}";
        return opts.Add("addr", addr);
    }
}
