using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>A video card as the planner settled it: model and memory sizes defaulted, primary first, alias and PCI address.</summary>
internal sealed record PlannedVideo(VideoModel Model, uint VramKiB, uint? RamKiB, string Alias, PciAddress? Pci, SourceLocation Location)
{
    public bool IsPrimary { get; init; }
}

/// <summary>
/// libvirt's video defaults: a domain with graphics but no video card gets one of the default
/// model; the card marked primary comes first; a card without a model is the default model; video
/// memory defaults by model and QXL's RAM bar to 64 MiB.
/// </summary>
internal static class VideoPlanning
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
        var primary = videos.FirstOrDefault(v => v.Primary == true);
        return primary is null ? videos : [primary, .. videos.Where(v => !ReferenceEquals(v, primary))];
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

    /// <summary>
    /// Plans the cards. <paramref name="assign"/> hands out a PCI address (or null when addresses
    /// are not assigned); the primary card takes slot 2 when nothing else named it.
    /// </summary>
    public static ImmutableArray<PlannedVideo> Plan(Domain domain, Func<DeviceAddress?, PciAddress?> assign, PciAddress? primarySlot)
    {
        var videos = Effective(domain);
        var planned = ImmutableArray.CreateBuilder<PlannedVideo>(videos.Length);
        for (var i = 0; i < videos.Length; i++)
        {
            var video = videos[i];
            var model = video.Model ?? DefaultModel(domain);
            var pci = video.Address as PciAddress ?? (i == 0 && primarySlot is not null ? primarySlot : assign(video.Address));
            planned.Add(new PlannedVideo(model, video.Vram ?? DefaultVramKiB(model),
                video.Ram ?? (model == VideoModel.Qxl ? 64 * 1024 : null), video.Alias ?? $"video{i}", pci, video.Location)
            {
                IsPrimary = i == 0,
            });
        }
        return planned.ToImmutable();
    }
}
