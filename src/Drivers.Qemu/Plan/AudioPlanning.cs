using System.Collections.Immutable;
using System.Globalization;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// One <c>-audiodev</c> backend: its id (<c>audioN</c>, N the XML's <c>&lt;audio id&gt;</c>), QEMU's driver name
/// and the XML's settings, or no settings for the one a domain without <c>&lt;audio&gt;</c> gets for its sound cards.
/// </summary>
public sealed record PlannedAudiodev(string Id, string Driver, Audio? Audio);

/// <summary>
/// Decides the audio backends (with the <c>audiodev</c> capability): one per <c>&lt;audio&gt;</c>; a domain that has
/// sound cards but no <c>&lt;audio&gt;</c> gets one implicit backend (SPICE's when its display is SPICE, else
/// <c>none</c>: the guest hears itself play and the host hears nothing, as libvirt's old default
/// <c>QEMU_AUDIO_DRV=none</c> did). A sound card or VNC server plays through the backend its
/// <c>&lt;audio id&gt;</c> names, else through the first one.
/// </summary>
internal static class AudioPlanning
{
    public static ImmutableArray<PlannedAudiodev> Plan(Domain domain)
    {
        var audios = domain.Devices.Audios;
        if (!audios.IsEmpty) return [.. audios.Select(a => new PlannedAudiodev(IdOf(a.Id), DriverName(a.Type), a))];
        if (domain.Devices.Sounds.IsEmpty) return [];
        var driver = domain.Devices.Graphics.FirstOrDefault() is SpiceGraphics ? AudioType.Spice : AudioType.None;
        return [new PlannedAudiodev(IdOf(1), DriverName(driver), null)];
    }

    /// <summary>
    /// The id of the backend a device with this <c>&lt;audio id&gt;</c> (or none) plays through, or null when there
    /// is no backend (validation refuses an id no <c>&lt;audio&gt;</c> has).
    /// </summary>
    public static string? BackendOf(uint? audioId, ImmutableArray<PlannedAudiodev> backends)
    {
        if (backends.IsEmpty) return null;
        if (audioId is { } id) return backends.Any(b => b.Id == IdOf(id)) ? IdOf(id) : null;
        return backends[0].Id;
    }

    public static string IdOf(uint audioId) => "audio" + audioId.ToString(CultureInfo.InvariantCulture);

    /// <summary>QEMU's name for a backend type (<c>pa</c> for PulseAudio, <c>wav</c> for a file).</summary>
    public static string DriverName(AudioType type) => type switch
    {
        AudioType.None => "none",
        AudioType.Alsa => "alsa",
        AudioType.CoreAudio => "coreaudio",
        AudioType.Jack => "jack",
        AudioType.Oss => "oss",
        AudioType.PulseAudio => "pa",
        AudioType.Sdl => "sdl",
        AudioType.Spice => "spice",
        AudioType.File => "wav",
        AudioType.Dbus => "dbus",
        _ => throw new InvalidOperationException($"unknown audio type {type}"),
    };
}
