using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation.Untranslated;

/// <summary>
/// Finds, per area, the libvirt 9 device features a domain uses that came with reading today's
/// schema (display, audio, input, character devices, other devices). The QEMU and Xen drivers
/// both refuse them through their untranslated-area lists, from this one enumeration, so that the
/// two cannot disagree about what is new. Only what the domain actually uses is reported: a
/// non-null new field, a new enum value, a new variant or a new element.
/// </summary>
public static class DeviceFeatureUses
{
    /// <summary>The video models libvirt 9 added, which no driver writes yet.</summary>
    public static bool IsNewVideoModel(VideoModel? model) =>
        model is VideoModel.Virtio or VideoModel.Gop or VideoModel.None or VideoModel.Bochs or VideoModel.Ramfb;

    /// <summary>Video models and settings, graphics types and settings, listen types.</summary>
    public static IEnumerable<DeviceFeatureUse> Display(Domain domain)
    {
        var uses = new List<DeviceFeatureUse>();
        AddDisplay(domain, uses);
        return uses;
    }

    /// <summary>The uses of <see cref="Display"/>, added to <paramref name="uses"/>.</summary>
    // Added to the caller's list, not yielded: the QEMU driver asks this of every document, most with no use to find,
    // and gathers every area's uses into one list (an iterator object per area and per document, and its calls, saved).
    public static void AddDisplay(Domain domain, List<DeviceFeatureUse> uses)
    {
        foreach (var video in domain.Devices.Videos)
        {
            if (video.Model is { } model && IsNewVideoModel(model))
                uses.Add(new(video.Location, $"<video><model type='{VideoModelXml.Table.ToXml(model)}'>"));
            if (video.Vram64 is not null) uses.Add(new(video.Location, "<video><model vram64>"));
            if (video.VgaMem is not null) uses.Add(new(video.Location, "<video><model vgamem>"));
            if (video.Resolution is not null) uses.Add(new(video.Location, "<video><model><resolution>"));
            if (video.Acceleration?.RenderNode is not null) uses.Add(new(video.Location, "<video><acceleration rendernode>"));
            if (video.Driver is not null) uses.Add(new(video.Location, "<video><driver>"));
            if (video.AcpiIndex is not null) uses.Add(new(video.Location, "<video><acpi index>"));
        }
        foreach (var graphics in domain.Devices.Graphics)
        {
            switch (graphics)
            {
                case EglHeadlessGraphics or DbusGraphics:
                    uses.Add(new(graphics.Location, $"<graphics type='{GraphicsTypeXml.Table.ToXml(graphics.Type)}'>"));
                    break;
                case SdlGraphics { GlEnable: not null }:
                    uses.Add(new(graphics.Location, "<graphics type='sdl'><gl>"));
                    break;
                case VncGraphics vnc:
                    if (vnc.WebSocket is not null) uses.Add(new(vnc.Location, "<graphics type='vnc' websocket>"));
                    if (vnc.PowerControl is not null) uses.Add(new(vnc.Location, "<graphics type='vnc' powerControl>"));
                    if (vnc.AudioId is not null) uses.Add(new(vnc.Location, "<graphics type='vnc'><audio id>"));
                    break;
                case SpiceGraphics spice:
                    if (spice.FileTransfer is not null) uses.Add(new(spice.Location, "<graphics type='spice'><filetransfer>"));
                    if (spice.Gl is not null) uses.Add(new(spice.Location, "<graphics type='spice'><gl>"));
                    break;
            }
            if (graphics is not ListeningGraphics listening) continue;
            foreach (var listen in listening.Listens)
            {
                if (listen is SocketListen or NoneListen)
                    uses.Add(new(graphics.Location, $"<graphics><listen type='{GraphicsListenTypeXml.Table.ToXml(listen.Type)}'>"));
                else if (listen is AddressListen { Address: null })
                    uses.Add(new(graphics.Location, "<graphics><listen type='address'> without an address"));
            }
        }
    }

    /// <summary>Audio backends, the new sound models, the output codec and sound cards' audio and ACPI settings.</summary>
    public static IEnumerable<DeviceFeatureUse> Audio(Domain domain)
    {
        foreach (var audio in domain.Devices.Audios)
            yield return new(audio.Location, $"<audio type='{AudioXml.Type.ToXml(audio.Type)}'>");
        foreach (var sound in domain.Devices.Sounds)
        {
            if (sound.Model is SoundModel.Ich7 or SoundModel.Ich9 or SoundModel.Usb)
                yield return new(sound.Location, $"<sound model='{SoundXml.Model.ToXml(sound.Model)}'>");
            if (sound.Codecs.Contains(SoundCodec.Output)) yield return new(sound.Location, "<sound><codec type='output'>");
            if (sound.AudioId is not null) yield return new(sound.Location, "<sound><audio id>");
            if (sound.AcpiIndex is not null) yield return new(sound.Location, "<sound><acpi index>");
        }
    }

    /// <summary>Passthrough and evdev inputs, the virtio bus, input models, drivers and ACPI indexes.</summary>
    public static IEnumerable<DeviceFeatureUse> Input(Domain domain)
    {
        var uses = new List<DeviceFeatureUse>();
        AddInput(domain, uses);
        return uses;
    }

    /// <summary>The uses of <see cref="Input"/>, added to <paramref name="uses"/> (as <see cref="AddDisplay"/> adds).</summary>
    public static void AddInput(Domain domain, List<DeviceFeatureUse> uses)
    {
        foreach (var input in domain.Devices.Inputs)
        {
            if (input.Type is InputType.Passthrough or InputType.Evdev)
                uses.Add(new(input.Location, $"<input type='{InputXml.Type.ToXml(input.Type)}'>"));
            if (input.Bus is InputBus.Virtio) uses.Add(new(input.Location, "<input bus='virtio'>"));
            if (input.Model is not null) uses.Add(new(input.Location, "<input model>"));
            if (input.Driver is not null) uses.Add(new(input.Location, "<input><driver>"));
            if (input.AcpiIndex is not null) uses.Add(new(input.Location, "<input><acpi index>"));
        }
    }

    /// <summary>
    /// New source types and source settings of serial, parallel, console and channel devices (and
    /// of smartcard and USB redirection sources), log files, the new serial target types and models,
    /// and Xen channels.
    /// </summary>
    public static IEnumerable<DeviceFeatureUse> CharDevices(Domain domain)
    {
        var uses = new List<DeviceFeatureUse>();
        AddCharDevices(domain, uses);
        return uses;
    }

    /// <summary>The uses of <see cref="CharDevices"/>, added to <paramref name="uses"/> (as <see cref="AddDisplay"/> adds).</summary>
    public static void AddCharDevices(Domain domain, List<DeviceFeatureUse> uses)
    {
        // Each source's features are added to the list rather than yielded by an iterator per device: every
        // document passes here, most with no use to find.
        var devices = domain.Devices;
        foreach (var device in devices.CharDevicesOnce)
        {
            // The element's tag is a constant, not a string made for every device of every document.
            var element = ElementTag(device.Kind);
            if (device.Source is { } source) SourceFeatures(source, device.Location, element, uses);
            if (device.Log is not null) uses.Add(new(device.Location, $"{element}<log>"));
            if (device.AcpiIndex is not null) uses.Add(new(device.Location, $"{element}<acpi index>"));
            switch (device.Target)
            {
                case SerialTarget serial:
                    if (serial.Type is { } type and not (SerialTargetType.IsaSerial or SerialTargetType.UsbSerial))
                        uses.Add(new(device.Location, $"<serial><target type='{CharTargetXml.SerialType.ToXml(type)}'>"));
                    if (serial.Model is { } model)
                        uses.Add(new(device.Location, $"<serial><target><model name='{CharTargetXml.SerialModel.ToXml(model)}'>"));
                    break;
                case XenChannelTarget:
                    uses.Add(new(device.Location, "<channel><target type='xen'>"));
                    break;
            }
        }
        foreach (var smartcard in devices.Smartcards)
            if (smartcard is PassthroughSmartcard passthrough) SourceFeatures(passthrough.Source, passthrough.Location, "<smartcard>", uses);
        foreach (var redirdev in devices.RedirectedDevices)
            SourceFeatures(redirdev.Source, redirdev.Location, "<redirdev>", uses);
    }


    /// <summary>Adds each feature of the source as <c>{element} {feature}</c>, at the device.</summary>
    private static void SourceFeatures(CharSource source, SourceLocation at, string element, List<DeviceFeatureUse> uses)
    {
        var labelled = source switch
        {
            DevCharSource dev => !dev.SecurityLabels.IsEmpty,
            FileCharSource file => !file.SecurityLabels.IsEmpty,
            PipeCharSource pipe => !pipe.SecurityLabels.IsEmpty,
            UnixCharSource unix => !unix.SecurityLabels.IsEmpty,
            _ => false,
        };
        void Add(string what) => uses.Add(new(at, $"{element} {what}"));
        if (labelled) Add("<source><seclabel>");
        switch (source)
        {
            case SpiceportCharSource or NmdmCharSource or QemuVdagentCharSource or DbusCharSource:
                Add($"type='{CharSourceXml.Type.ToXml(source.Type)}'");
                break;
            case FileCharSource { Append: not null }:
                Add("<source append>");
                break;
            case TcpCharSource tcp:
                if (tcp.Tls is not null) Add("<source tls>");
                if (tcp.Reconnect is not null) Add("<source><reconnect>");
                break;
            case UnixCharSource unix:
                if (unix.Path is null) Add("type='unix' without a socket path");
                if (unix.Reconnect is not null) Add("<source><reconnect>");
                break;
        }
    }

    private static string ElementTag(CharDeviceKind kind) => kind switch
    {
        CharDeviceKind.Parallel => "<parallel>",
        CharDeviceKind.Serial => "<serial>",
        CharDeviceKind.Console => "<console>",
        _ => "<channel>",
    };

    /// <summary>
    /// TPMs, RNGs, shared memory, panic devices, the NVRAM device, IOMMU, vsock, and the new
    /// memory balloon and watchdog models and settings.
    /// </summary>
    public static IEnumerable<DeviceFeatureUse> MiscDevices(Domain domain)
    {
        var devices = domain.Devices;
        foreach (var tpm in devices.Tpms) yield return new(tpm.Location, "<tpm>");
        foreach (var rng in devices.Rngs) yield return new(rng.Location, "<rng>");
        foreach (var shmem in devices.Shmems) yield return new(shmem.Location, "<shmem>");
        foreach (var panic in devices.Panics) yield return new(panic.Location, "<panic>");
        if (devices.Nvram is { } nvram) yield return new(nvram.Location, "<nvram> device");
        if (devices.Iommu is { } iommu) yield return new(iommu.Location, "<iommu>");
        if (devices.Vsock is { } vsock) yield return new(vsock.Location, "<vsock>");
        if (devices.MemBalloon is { } balloon)
        {
            if (balloon.Model is MemBalloonModel.VirtioTransitional or MemBalloonModel.VirtioNonTransitional)
                yield return new(balloon.Location, $"<memballoon model='{MemBalloonModelXml.Table.ToXml(balloon.Model)}'>");
            if (balloon.AutoDeflate is not null) yield return new(balloon.Location, "<memballoon autodeflate>");
            if (balloon.FreePageReporting is not null) yield return new(balloon.Location, "<memballoon freePageReporting>");
            if (balloon.StatsPeriod is not null) yield return new(balloon.Location, "<memballoon><stats period>");
            if (balloon.Driver is not null) yield return new(balloon.Location, "<memballoon><driver>");
            if (balloon.AcpiIndex is not null) yield return new(balloon.Location, "<memballoon><acpi index>");
        }
        if (devices.Watchdog is { } watchdog)
        {
            if (watchdog.Model is WatchdogModel.Diag288) yield return new(watchdog.Location, "<watchdog model='diag288'>");
            if (watchdog.Action is WatchdogAction.InjectNmi) yield return new(watchdog.Location, "<watchdog action='inject-nmi'>");
            if (watchdog.AcpiIndex is not null) yield return new(watchdog.Location, "<watchdog><acpi index>");
        }
    }
}
