using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

/// <summary>Formats a PCI device's option ROM settings: <c>rombar=0|1</c> and <c>romfile=PATH</c>.</summary>
internal static class RomEmitter
{
    public static QemuOpts AddRom(QemuOpts opts, RomSettings? rom)
    {
        if (rom is null) return opts;
        if (rom.Bar is { } bar) opts.Add("rombar", bar ? "1" : "0");
        return opts.Add("romfile", rom.File);
    }
}
