using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>A sound card with its alias (<c>sound0</c>) and, for the PCI models, its PCI address.</summary>
public sealed record PlannedSound(Sound Sound, string Alias, PciAddress? Pci)
{
    /// <summary>The card's QEMU type, the word after <c>-device</c>; null for the PC speaker, which has none.</summary>
    public string? QemuType { get; init; }

    /// <summary>The QEMU type of a card built into the machine (the PC speaker), which no <c>-device</c> makes; else null.</summary>
    public string? BuiltInType { get; init; }

    /// <summary>The HDA codecs of an HDA card (a duplex one when the XML names none), in codec address order.</summary>
    public ImmutableArray<PlannedCodec> Codecs { get; init; } = [];

    /// <summary>The <c>-audiodev</c> id the card (or, for an HDA card, its codecs) plays through; null without <c>-audiodev</c>.</summary>
    public string? Audiodev { get; init; }
}

/// <summary>Which emulated sound and watchdog models sit on the PCI bus (and so take a slot).</summary>
internal static class SoundPlanning
{
    /// <summary>A card with its QEMU type and, for an HDA controller, its codecs (a duplex one when the XML names none, as libvirt adds).</summary>
    public static PlannedSound Plan(Sound sound, string alias, PciAddress? pci, string? audiodev)
    {
        ImmutableArray<SoundCodec> codecs = !IsHda(sound.Model) ? []
            : sound.Codecs.IsEmpty ? [SoundCodec.Duplex] : sound.Codecs;
        return new PlannedSound(sound, alias, pci)
        {
            QemuType = QemuDeviceNames.SoundCard(sound.Model),
            BuiltInType = sound.Model == SoundModel.Pcspk ? QemuDeviceNames.PcSpeaker : null,
            Audiodev = audiodev,
            Codecs = [.. codecs.Select((codec, cad) => new PlannedCodec(codec, QemuDeviceNames.HdaCodec(codec), $"{alias}-codec{cad}", cad, $"{alias}.0"))],
        };
    }

    /// <summary>The ISA Sound Blaster, the PC speaker and USB audio are not PCI devices.</summary>
    public static bool IsPci(SoundModel model) => model is not (SoundModel.Sb16 or SoundModel.Pcspk or SoundModel.Usb);

    /// <summary>The Intel HDA controllers, which carry codecs rather than play themselves.</summary>
    public static bool IsHda(SoundModel model) => model is SoundModel.Ich6 or SoundModel.Ich7 or SoundModel.Ich9;

    /// <summary>The IB700 is an ISA device; the 6300ESB is PCI.</summary>
    public static bool IsPci(WatchdogModel model) => model == WatchdogModel.I6300esb;
}
