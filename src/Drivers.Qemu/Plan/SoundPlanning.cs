using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>A sound card with its alias (<c>sound0</c>) and, for the PCI models, its PCI address.</summary>
internal sealed record PlannedSound(Sound Sound, string Alias, PciAddress? Pci);

/// <summary>Which emulated sound and watchdog models sit on the PCI bus (and so take a slot).</summary>
internal static class SoundPlanning
{
    /// <summary>The ISA Sound Blaster and the PC speaker are not PCI devices.</summary>
    public static bool IsPci(SoundModel model) => model is not (SoundModel.Sb16 or SoundModel.Pcspk);

    /// <summary>The IB700 is an ISA device; the 6300ESB is PCI.</summary>
    public static bool IsPci(WatchdogModel model) => model == WatchdogModel.I6300esb;
}
