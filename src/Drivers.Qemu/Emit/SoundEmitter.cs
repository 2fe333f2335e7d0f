using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -soundhw, the PC speaker's -machine pcspk-audiodev=, and -device for sound cards and their HDA codecs.
internal static class SoundEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        var sounds = ctx.Plan.Sounds;
        if (sounds.IsEmpty) return;
        if (ctx.Has(QemuCapability.Audiodev))
        {
            Modern(ctx, sounds, args);
            return;
        }
        if (!ctx.Plan.UseDevice)
        {
            args.Add("-soundhw");
            args.Add(string.Join(",", sounds.Select(s => SoundXml.Model.ToXml(s.Sound.Model))));
            return;
        }
        foreach (var sound in sounds)
        {
            // The PC speaker has no -device form; it needs no address either.
            if (sound.Sound.Model == SoundModel.Pcspk)
            {
                args.Add("-soundhw");
                args.Add("pcspk");
                continue;
            }
            args.Add("-device");
            args.Add(PciEmitter.AddAddress(new QemuOpts(DeviceType(sound)).Add("id", sound.Alias), sound.Pci, ctx.Plan.PciBuses).ToString());
            foreach (var codec in sound.Codecs)
            {
                args.Add("-device");
                args.Add(CodecOpts(codec).ToString());
            }
        }
    }

    /// <summary>
    /// The cards on emulators with <c>-audiodev</c> (AudioEmitter writes the backends): each card, or each codec of an
    /// HDA card, names the backend it plays through; the PC speaker gets its backend through <c>-machine</c>.
    /// </summary>
    private static void Modern(QemuContext ctx, IReadOnlyList<PlannedSound> sounds, List<string> args)
    {
        foreach (var sound in sounds)
        {
            if (sound.Sound.Model == SoundModel.Pcspk)
            {
                args.Add("-machine");
                args.Add(new QemuOpts().Add("pcspk-audiodev", sound.Audiodev).ToString());
                continue;
            }
            var card = new QemuOpts(DeviceType(sound)).Add("id", sound.Alias);
            // The HDA controller only carries codecs; the codecs play.
            if (!SoundPlanning.IsHda(sound.Sound.Model)) card.Add("audiodev", sound.Audiodev);
            card.Add("acpi-index", (long?)sound.Sound.AcpiIndex);
            args.Add("-device");
            args.Add(PciEmitter.AddAddress(card, sound.Pci, ctx.Plan.PciBuses).ToString());
            foreach (var codec in sound.Codecs)
            {
                args.Add("-device");
                args.Add(CodecOpts(codec).Add("audiodev", sound.Audiodev).ToString());
            }
        }
    }

    private static string DeviceType(PlannedSound sound) =>
        sound.QemuType ?? throw new InvalidOperationException($"sound model {sound.Sound.Model} has no -device form");

    private static QemuOpts CodecOpts(PlannedCodec codec) =>
        new QemuOpts(codec.QemuType).Add("id", codec.Alias).Add("bus", codec.Bus).Add("cad", codec.Cad);
}
