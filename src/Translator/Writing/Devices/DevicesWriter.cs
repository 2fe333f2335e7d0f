using System.Collections.Immutable;
using DomainLauncher.Translator.Defaults;
using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>
/// Writes <c>&lt;devices&gt;</c>: the emulator, then each device family in the reference's order
/// (disks, controllers, leases, filesystems, interfaces, smartcards, serials, parallels, consoles,
/// channels, inputs, TPMs, graphics, sounds, audio backends, videos, host devices, redirected devices
/// and their filter, hubs, watchdog, memory balloon, RNGs, NVRAM, panic devices, shared memory, IOMMU,
/// vsock), each family in document order.
/// </summary>
internal static class DevicesWriter
{
    public static XmlElement Write(Model.Devices devices, WriteContext context) =>
        Element("devices",
        [
            TextElement("emulator", devices.Emulator),
            .. devices.Disks.Select(DiskWriter.Write),
            .. devices.Controllers.Select(ControllerWriter.Write),
            .. devices.Leases.Select(LeaseWriter.Write),
            .. devices.Filesystems.Select(FilesystemWriter.Write),
            .. devices.Interfaces.Select(InterfaceWriter.Write),
            .. devices.Smartcards.Select(SmartcardWriter.Write),
            .. devices.Serials.Select(CharDeviceWriter.Write),
            .. devices.Parallels.Select(CharDeviceWriter.Write),
            .. devices.Consoles.Select(CharDeviceWriter.Write),
            .. devices.Channels.Select(CharDeviceWriter.Write),
            .. InputsAndGraphics(devices, context),
            .. devices.Sounds.Select(SoundWriter.Write),
            .. devices.Audios.Select(AudioWriter.Write),
            .. devices.Videos.Select(video => VideoWriter.Write(video, context)),
            .. devices.HostDevices.Select(HostDeviceWriter.Write),
            .. devices.RedirectedDevices.Select(RedirectedDeviceWriter.Write),
            devices.RedirectionFilter is { } filter ? RedirectedDeviceWriter.Filter(filter) : null,
            .. devices.Hubs.Select(InputWriter.Hub),
            devices.Watchdog is { } watchdog ? WatchdogWriter.Write(watchdog) : null,
            devices.MemBalloon is { } balloon ? MemBalloonWriter.Write(balloon) : null,
            .. devices.Rngs.Select(MiscDeviceWriters.Rng),
            devices.Nvram is { } nvram ? MiscDeviceWriters.Nvram(nvram) : null,
            .. devices.Panics.Select(MiscDeviceWriters.Panic),
            .. devices.Shmems.Select(MiscDeviceWriters.Shmem),
            .. devices.Memories.Select(MemoryDeviceWriter.Write),
            devices.Iommu is { } iommu ? MiscDeviceWriters.Iommu(iommu) : null,
            devices.Vsock is { } vsock ? MiscDeviceWriters.Vsock(vsock) : null,
        ]) with { AlwaysOpen = true };

    /// <summary>
    /// USB inputs, then the other inputs, then, when the guest has graphics, the mouse every guest
    /// with graphics has (PS/2, or Xen for a paravirtualized guest; the post-parse stage adds it when
    /// the document has none) followed by the graphics: the reference's order.
    /// </summary>
    private static IEnumerable<XmlElement> InputsAndGraphics(Model.Devices devices, WriteContext context)
    {
        var usb = devices.Inputs.Where(i => InputBuses.Effective(i, context.Domain) == InputBus.Usb).ToList();
        var others = devices.Inputs.Where(i => InputBuses.Effective(i, context.Domain) != InputBus.Usb).ToList();
        InputDevice? implicitMouse = null;
        if (!devices.Graphics.IsEmpty)
        {
            var bus = context.IsHvm ? InputBus.Ps2 : InputBus.Xen;
            implicitMouse = others.FirstOrDefault(i => i.Type == InputType.Mouse && InputBuses.Effective(i, context.Domain) == bus);
            if (implicitMouse is not null) others.Remove(implicitMouse);
        }
        // libvirt 9 adds the keyboard of that bus with the mouse: the pair keeps its order, mouse first.
        var pairedKeyboard = implicitMouse is null ? -1
            : others.FindIndex(i => i.Type == InputType.Keyboard && InputBuses.Effective(i, context.Domain) == implicitMouse.Bus);
        if (pairedKeyboard >= 0)
        {
            others.Insert(pairedKeyboard, implicitMouse!);
            implicitMouse = null;
        }
        return
        [
            .. usb.Select(i => InputWriter.Write(i, context)),
            .. others.Select(i => InputWriter.Write(i, context)),
            .. implicitMouse is null ? [] : new[] { InputWriter.Write(implicitMouse, context) },
            .. devices.Tpms.Select(MiscDeviceWriters.Tpm),
            .. devices.Graphics.Select(GraphicsWriter.Write),
        ];
    }
}
