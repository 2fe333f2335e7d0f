using System.Collections.Immutable;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary><c>soundhw = "sb16,es1370"</c>: the HVM sound cards by model name ("all" means sb16 and es1370).</summary>
internal static class XmSoundSection
{
    /// <summary>
    /// The models an xm config file may name: those of the Xen-era domain schema. libvirt 9's later
    /// models (ich7, ich9, usb) are not sound hardware an xm file can ask for.
    /// </summary>
    private static readonly XmlEnum<SoundModel> XmModels = new(
        ("sb16", SoundModel.Sb16), ("es1370", SoundModel.Es1370), ("pcspk", SoundModel.Pcspk),
        ("ac97", SoundModel.Ac97), ("ich6", SoundModel.Ich6));

    public static IEnumerable<XmEntry> Emit(XmConfigContext ctx)
    {
        var sounds = ctx.Domain.Devices.Sounds;
        if (ctx.Hvm && !sounds.IsEmpty) yield return Xm.String("soundhw", string.Join(",", sounds.Select(s => SoundXml.Model.ToXml(s.Model))));
    }

    public static ImmutableArray<Sound> Read(XmSettings settings, bool hvm)
    {
        var text = settings.String("soundhw");
        if (!hvm || text is null) return [];
        // The old Xen "all" meant the two cards its QEMU had.
        if (text == "all") return [new Sound { Model = SoundModel.Sb16 }, new Sound { Model = SoundModel.Es1370 }];
        var sounds = ImmutableArray.CreateBuilder<Sound>();
        foreach (var name in text.Split(','))
        {
            if (XmModels.TryParse(name, out var model)) sounds.Add(new Sound { Model = model });
            else
            {
                settings.Invalid(settings.Entry("soundhw")!.Value, "soundhw",
                    $"soundhw names \"{name}\", not a sound model; allowed: {XmModels.AllowedList}, or all");
                return [];
            }
        }
        return sounds.ToImmutable();
    }
}
