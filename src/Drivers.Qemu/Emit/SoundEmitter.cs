using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -soundhw, -audiodev, the PC speaker's -machine pcspk-audiodev=, and -device for sound cards and their HDA codecs.
internal static class SoundEmitter
{
    /// <summary>The id of the one audio backend every sound device plays through (with <c>-audiodev</c>).</summary>
    public const string AudiodevId = "audio1";

    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        var sounds = ctx.Plan.Sounds;
        if (sounds.IsEmpty) yield break;
        if (ctx.Has(QemuCapability.Audiodev))
        {
            foreach (var word in Modern(ctx, sounds)) yield return word;
            yield break;
        }
        if (!ctx.Plan.UseDevice)
        {
            yield return "-soundhw";
            yield return string.Join(",", sounds.Select(s => SoundXml.Model.ToXml(s.Sound.Model)));
            yield break;
        }
        foreach (var sound in sounds)
        {
            // The PC speaker has no -device form; it needs no address either.
            if (sound.Sound.Model == SoundModel.Pcspk)
            {
                yield return "-soundhw";
                yield return "pcspk";
                continue;
            }
            yield return "-device";
            yield return PciEmitter.AddAddress(new QemuOpts(DeviceType(sound)).Add("id", sound.Alias), sound.Pci, ctx.Plan.PciBuses).ToString();
            foreach (var codec in sound.Codecs)
            {
                yield return "-device";
                yield return CodecOpts(codec).ToString();
            }
        }
    }

    /// <summary>
    /// One <c>-audiodev</c> backend (SPICE's when the display is SPICE, else none: the guest hears itself
    /// play, the host hears nothing, as libvirt's default QEMU_AUDIO_DRV=none did), named by every card or codec.
    /// </summary>
    private static IEnumerable<string> Modern(QemuContext ctx, IReadOnlyList<PlannedSound> sounds)
    {
        var driver = ctx.Domain.Devices.Graphics.FirstOrDefault() is SpiceGraphics ? "spice" : "none";
        yield return "-audiodev";
        yield return new QemuOpts().Add("driver", driver).Add("id", AudiodevId).ToString();
        foreach (var sound in sounds)
        {
            if (sound.Sound.Model == SoundModel.Pcspk)
            {
                yield return "-machine";
                yield return new QemuOpts().Add("pcspk-audiodev", AudiodevId).ToString();
                continue;
            }
            var card = new QemuOpts(DeviceType(sound)).Add("id", sound.Alias);
            // The HDA controller only carries codecs; the codecs play.
            if (sound.Sound.Model != SoundModel.Ich6) card.Add("audiodev", AudiodevId);
            yield return "-device";
            yield return PciEmitter.AddAddress(card, sound.Pci, ctx.Plan.PciBuses).ToString();
            foreach (var codec in sound.Codecs)
            {
                yield return "-device";
                yield return CodecOpts(codec).Add("audiodev", AudiodevId).ToString();
            }
        }
    }

    private static string DeviceType(PlannedSound sound) =>
        sound.QemuType ?? throw new InvalidOperationException($"sound model {sound.Sound.Model} has no -device form");

    private static QemuOpts CodecOpts(PlannedCodec codec) =>
        new QemuOpts(codec.QemuType).Add("id", codec.Alias).Add("bus", codec.Bus).Add("cad", codec.Cad);
}
