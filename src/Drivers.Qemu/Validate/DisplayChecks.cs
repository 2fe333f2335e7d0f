using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// Graphics, video, sound and watchdog devices against the emulator and host: what needs a
/// capability QEMU lacks, a host setting that is off, or a form QEMU's command line has no words for.
/// </summary>
internal sealed class DisplayChecks : IQemuCheck
{
    /// <summary>QEMU takes memory sizes in bytes as an unsigned 32-bit number.</summary>
    private const uint MaxSizeKiB = uint.MaxValue / 1024;

    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        CheckGraphics(input, diagnostics);
        CheckVideos(input, diagnostics);
        foreach (var sound in input.Domain.Devices.Sounds)
        {
            if (!Plan.SoundPlanning.IsHda(sound.Model)) continue;
            CapabilityNeeds.Check(input, diagnostics, QemuCapability.Device, sound.Location, $"<sound model='{SoundXml.Model.ToXml(sound.Model)}'> (an HDA controller)");
            if (!input.Has(QemuCapability.Device)) continue;
            // hda-output came with today's schema; no legacy capability names it (a probed emulator's device types do).
            foreach (var codec in sound.Codecs.IsEmpty ? [SoundCodec.Duplex] : sound.Codecs.Distinct().Where(c => c != SoundCodec.Output))
                CapabilityNeeds.Check(input, diagnostics, codec == SoundCodec.Duplex ? QemuCapability.HdaDuplex : QemuCapability.HdaMicro, sound.Location,
                    $"the HDA codec '{QemuDeviceNames.HdaCodec(codec)}'");
        }
    }

    private static void CheckGraphics(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        void Refuse(SourceLocation where, string message) => diagnostics.Error(QemuDiagnostics.UnsupportedGraphics, where, message);
        // egl-headless is no server of its own: it renders beside the one VNC, SPICE or SDL display.
        // Loops, no OfType, Where, ToArray and Skip: every document is checked.
        foreach (var g in input.Domain.Devices.Graphics)
            if (g is EglHeadlessGraphics egl)
                CapabilityNeeds.Check(input, diagnostics, QemuCapability.EglHeadless, egl.Location, "<graphics type='egl-headless'>");
        Graphics? first = null;
        foreach (var g in input.Domain.Devices.Graphics)
        {
            if (g is EglHeadlessGraphics) continue;
            if (first is null) first = g;
            else Refuse(g.Location, "QEMU takes one graphics device; this is a second");
        }
        if (first is null) return;
        var graphics = first;
        if (graphics is ListeningGraphics { Listens: [NetworkListen { Network: var network }, ..] })
            Refuse(graphics.Location, $"listening on the address of network '{network}' needs the host's network driver, which the command-line builder does not query; give <listen type='address'>");
        switch (graphics)
        {
            case VncGraphics vnc:
                if (vnc.SharePolicy is { } policy)
                    CapabilityNeeds.Check(input, diagnostics, QemuCapability.VncSharePolicy, vnc.Location, $"<graphics sharePolicy='{GraphicsXml.SharePolicy.ToXml(policy)}'>");
                break;
            case SpiceGraphics spice:
                CapabilityNeeds.Check(input, diagnostics, QemuCapability.Spice, spice.Location, "<graphics type='spice'>");
                var host = input.Host.Spice;
                if (!host.Tls && GraphicsDefaults.TlsPort(spice) > 0)
                    diagnostics.Error(QemuDiagnostics.UnsupportedByHost, spice.Location,
                        $"<graphics tlsPort='{spice.TlsPort}'> needs SPICE TLS, which the host's SPICE settings turn off");
                foreach (var channel in spice.Channels.Where(c => c.Mode == SpiceChannelMode.Secure))
                    if (!host.Tls)
                        diagnostics.Error(QemuDiagnostics.UnsupportedByHost, spice.Location,
                            $"<channel name='{SpiceXml.ChannelName.ToXml(channel.Name)}' mode='secure'> needs SPICE TLS, which the host's SPICE settings turn off");
                break;
            case SdlGraphics:
                break;
            default:
                Refuse(graphics.Location, $"graphics type '{GraphicsTypeXml.Table.ToXml(graphics.Type)}' is not supported by QEMU; allowed: vnc, sdl, spice");
                break;
        }
    }

    private static void CheckVideos(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        // <model type='none'/> makes no card; gop (a UEFI framebuffer of other hypervisors) is refused where it stands
        // as not translated (DisplayUntranslated), not as something QEMU lacks.
        var videos = ShownVideos.Of(input.Domain);
        if (videos.IsEmpty) return;
        if (videos.Any(v => v.Model == VideoModel.Gop)) return;
        void Refuse(SourceLocation where, string message) => diagnostics.Error(QemuDiagnostics.UnsupportedVideo, where, message);
        string Name(VideoModel model) => VideoModelXml.Table.ToXml(model);
        var models = videos.Select(v => v.Model ?? VideoDefaults.DefaultModel(input.Domain)).ToArray();
        var primary = models[0];

        foreach (var video in videos)
        {
            if (video.Vram > MaxSizeKiB) Refuse(video.Location, $"<model vram='{video.Vram}'> must be at most {MaxSizeKiB} KiB");
            if (video.Ram > MaxSizeKiB) Refuse(video.Location, $"<model ram='{video.Ram}'> must be at most {MaxSizeKiB} KiB");
        }

        if (VideoSyntax.PrimaryAsDevice(primary, input.Emulator) || input.Has(QemuCapability.Vga))
        {
            var asDevice = VideoSyntax.PrimaryAsDevice(primary, input.Emulator);
            if (!asDevice && primary == VideoModel.Qxl)
                CapabilityNeeds.Check(input, diagnostics, QemuCapability.VgaQxl, videos[0].Location, "a primary video card of model 'qxl'");
            if (!asDevice && primary != VideoModel.Xen && VideoSyntax.VgaName(primary) is null)
                Refuse(videos[0].Location, $"video model '{Name(primary)}' is not supported by QEMU; allowed: vga, cirrus, vmvga, qxl, xen");
            for (var i = 1; i < videos.Length; i++)
            {
                if (!asDevice && !input.Has(QemuCapability.Device))
                    Refuse(videos[i].Location, "this QEMU takes only one video card (a second needs the 'device' capability)");
                else if (models[i] == VideoModel.Virtio && asDevice)
                    continue; // a virtio-gpu card without VGA, beside the primary
                else if (models[i] != VideoModel.Qxl)
                    Refuse(videos[i].Location, $"a video card beyond the primary must be of model 'qxl'{(asDevice ? " or 'virtio'" : "")}, not '{Name(models[i])}'");
                else
                    CapabilityNeeds.Check(input, diagnostics, QemuCapability.Qxl, videos[i].Location, "a second video card");
            }
            return;
        }
        if (primary is not (VideoModel.Vga or VideoModel.Vmvga or VideoModel.Cirrus or VideoModel.Xen))
            Refuse(videos[0].Location, $"video model '{Name(primary)}' is not supported by this QEMU (it has no -vga option); allowed: vga, cirrus, vmvga, xen");
        foreach (var extra in videos.Skip(1))
            Refuse(extra.Location, "this QEMU takes only one video card (a second needs the 'vga' and 'device' capabilities)");
    }
}
