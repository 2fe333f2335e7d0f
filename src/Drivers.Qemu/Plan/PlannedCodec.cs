namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>An HDA codec of an ich6 sound card: its QEMU type (<c>hda-duplex</c>), alias, codec address and the card's bus.</summary>
public sealed record PlannedCodec(Translator.Model.SoundCodec Codec, string QemuType, string Alias, int Cad, string Bus);
