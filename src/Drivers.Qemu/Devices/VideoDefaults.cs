using System.Collections.Immutable;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Devices;

/// <summary>
/// libvirt's video defaults, pure functions of the domain: a domain with graphics but no video card
/// gets one of the default model; the card marked primary comes first; a card without a model is
/// the default model; video memory defaults by model.
/// </summary>
internal static class VideoDefaults
{
    /// <summary>The video cards in effect, the primary first (the implicit default card when graphics need one).</summary>
    public static ImmutableArray<Video> Effective(Domain domain)
    {
        var videos = domain.Devices.Videos;
        if (videos.IsEmpty)
        {
            if (domain.Devices.Graphics.IsEmpty) return [];
            var location = domain.Devices.Graphics[0].Location;
            return [new Video { Model = DefaultModel(domain), Heads = 1, Location = location }];
        }
        // Loops, not FirstOrDefault and a Where over primary: a lambda capturing it is made at every call, and this is
        // asked several times of every domain.
        var at = -1;
        for (var i = 0; i < videos.Length; i++)
        {
            if (videos[i].Primary != true) continue;
            at = i;
            break;
        }
        if (at < 0) return videos;
        var primaryFirst = ImmutableArray.CreateBuilder<Video>(videos.Length);
        primaryFirst.Add(videos[at]);
        for (var i = 0; i < videos.Length; i++)
            if (!ReferenceEquals(videos[i], videos[at])) primaryFirst.Add(videos[i]);
        return primaryFirst.DrainToImmutable();
    }

    /// <summary>The model a card without one gets: Xen's framebuffer for paravirtualized guests, else Cirrus.</summary>
    public static VideoModel DefaultModel(Domain domain) =>
        domain.Os?.Type is OsType.Xen or OsType.Linux ? VideoModel.Xen : VideoModel.Cirrus;

    /// <summary>Video memory in KiB for a model when the XML gives none.</summary>
    public static uint DefaultVramKiB(VideoModel model) => model switch
    {
        VideoModel.Vga or VideoModel.Cirrus or VideoModel.Vmvga => 16 * 1024,
        VideoModel.Xen => 4 * 1024,
        VideoModel.Qxl => 64 * 1024,
        _ => 0,
    };
}
