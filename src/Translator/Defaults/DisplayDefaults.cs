using System.Collections.Immutable;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Defaults;

/// <summary>
/// Graphics and video cards as libvirt records them. A graphics server keeps one list of listen
/// addresses: the legacy <c>listen</c> attribute and the <c>&lt;listen&gt;</c> elements name the same
/// first address. A VNC server on a socket has no port; one on a port says whether the host picks
/// it (then the port is -1). A SPICE server whose ports the host picks keeps neither port; a channel
/// that may use either port is no restriction. A video card with a model has its video memory
/// (the model's default) and one head unless it says otherwise.
/// </summary>
internal static class DisplayDefaults
{
    // ImmutableArray.CreateRange makes each list in one array of its exact size (none for an empty one) and the
    // domain type goes in as an argument, not in a closure: a collection expression over Select cost ~1,300
    // instructions per document more.
    // A guest without graphics or video cards (most of a batch of test documents) keeps its devices as they are.
    /// <summary>The devices with these defaults; <paramref name="devices"/> are the domain's as the steps before left them.</summary>
    public static Model.Devices Apply(Domain domain, Model.Devices devices) => devices.Graphics.IsEmpty && devices.Videos.IsEmpty ? devices : devices with
    {
        Graphics = ImmutableArray.CreateRange(devices.Graphics, Graphics),
        Videos = ImmutableArray.CreateRange(devices.Videos, Video, domain.Type),
    };

    private static Graphics Graphics(Graphics graphics) => graphics switch
    {
        VncGraphics vnc => Vnc(vnc),
        SpiceGraphics spice => Spice(spice),
        RdpGraphics rdp => rdp with
        {
            Port = rdp.Port is > 0 ? rdp.Port : rdp.AutoPort == true ? 0 : rdp.Port,
            Listens = Listens(rdp),
            Listen = FirstAddress(Listens(rdp)) ?? rdp.Listen,
        },
        _ => graphics,
    };

    private static VncGraphics Vnc(VncGraphics vnc)
    {
        var listens = Listens(vnc);
        var socket = vnc.Socket ?? (listens.FirstOrDefault() as SocketListen)?.Socket;
        if (socket is not null || listens.FirstOrDefault() is SocketListen or NoneListen)
            return vnc with { Socket = socket, Port = null, AutoPort = null, WebSocket = null, Listen = null, Listens = listens };
        var autoPort = vnc.PortChosenAtStart;
        return vnc with
        {
            AutoPort = autoPort,
            Port = autoPort ? -1 : vnc.Port is > 0 ? vnc.Port : null,
            Listen = FirstAddress(listens) ?? vnc.Listen,
            Listens = listens,
        };
    }

    private static SpiceGraphics Spice(SpiceGraphics spice)
    {
        var listens = Listens(spice);
        var autoPort = spice.AutoPort == true || spice.Port == -1 || spice.TlsPort == -1;
        return spice with
        {
            AutoPort = autoPort,
            Port = !autoPort && spice.Port is > 0 ? spice.Port : null,
            TlsPort = !autoPort && spice.TlsPort is > 0 ? spice.TlsPort : null,
            Listen = FirstAddress(listens) ?? spice.Listen,
            Listens = listens,
            DefaultMode = spice.DefaultMode ?? SpiceChannelMode.Any,
            Channels = [.. spice.Channels.Where(c => c.Mode != SpiceChannelMode.Any).OrderBy(c => c.Name)],
        };
    }

    /// <summary>The listen elements, or the one the legacy attribute stands for.</summary>
    private static System.Collections.Immutable.ImmutableArray<GraphicsListen> Listens(ListeningGraphics graphics) =>
        !graphics.Listens.IsEmpty ? graphics.Listens
        : graphics.Listen is not null ? [new AddressListen { Address = graphics.Listen }]
        : [];

    private static string? FirstAddress(System.Collections.Immutable.ImmutableArray<GraphicsListen> listens) => listens.FirstOrDefault() switch
    {
        AddressListen a => a.Address,
        NetworkListen n => n.Address,
        _ => null,
    };

    private static Video Video(Video video, DomainType domainType) =>
        video.Model is { } model && model != VideoModel.None
            ? video with { Vram = video.Vram ?? DefaultVram(model, domainType), Heads = video.Heads ?? 1 }
            : video;

    /// <summary>libvirt's default video memory in KiB for a model.</summary>
    private static uint? DefaultVram(VideoModel model, DomainType domainType) => model switch
    {
        VideoModel.Vga or VideoModel.Cirrus or VideoModel.Vmvga => domainType switch
        {
            DomainType.Vbox => 8 * 1024,
            DomainType.Vmware => 4 * 1024,
            _ => 9 * 1024,
        },
        VideoModel.Xen => 4 * 1024,
        VideoModel.Vbox => 8 * 1024,
        VideoModel.Qxl => 64 * 1024,
        _ => null,
    };
}
