using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// The video cards QEMU is given: those in effect (<see cref="VideoDefaults.Effective"/>, the primary first) but the
/// ones of <c>&lt;model type='none'/&gt;</c>, which asks for no card at all. Planning and checking ask it of every
/// document; Where and ToImmutableArray cost ~530 instructions a time (9.0 corpus x2: 1.8M over the three askers).
/// </summary>
internal static class ShownVideos
{
    public static ImmutableArray<Video> Of(Domain domain)
    {
        var effective = VideoDefaults.Effective(domain);
        var none = 0;
        foreach (var video in effective)
            if (video.Model == VideoModel.None) none++;
        // Most domains have no card of model none: the list in effect as it is.
        if (none == 0) return effective;
        var shown = ImmutableArray.CreateBuilder<Video>(effective.Length - none);
        foreach (var video in effective)
            if (video.Model != VideoModel.None) shown.Add(video);
        return shown.MoveToImmutable();
    }
}
