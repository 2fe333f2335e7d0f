using System.Collections.Immutable;
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
            .. Ports(devices.Serials, context),
            .. Ports(devices.Parallels, context),
            .. Consoles(devices, context),
            .. devices.Channels.Select(channel => CharDeviceWriter.Write(channel, context, 0)),
            .. InputsAndGraphics(devices, context),
            .. devices.Sounds.Select(SoundWriter.Write),
            .. devices.Audios.Select(AudioWriter.Write),
            .. devices.Videos.Select(video => VideoWriter.Write(video, context)),
            .. devices.HostDevices.Select(HostDeviceWriter.Write),
            .. devices.RedirectedDevices.Select(RedirectedDeviceWriter.Write),
            devices.RedirectionFilter is { } filter ? RedirectedDeviceWriter.Filter(filter) : null,
            .. devices.Hubs.Select(InputWriter.Hub),
            devices.Watchdog is { } watchdog ? WatchdogWriter.Write(watchdog) : null,
            (devices.MemBalloon ?? MemBalloonWriter.Implicit(context.DomainType)) is { } balloon ? MemBalloonWriter.Write(balloon) : null,
            .. devices.Rngs.Select(MiscDeviceWriters.Rng),
            devices.Nvram is { } nvram ? MiscDeviceWriters.Nvram(nvram) : null,
            .. devices.Panics.Select(MiscDeviceWriters.Panic),
            .. devices.Shmems.Select(MiscDeviceWriters.Shmem),
            .. devices.Memories.Select(MemoryDeviceWriter.Write),
            devices.Iommu is { } iommu ? MiscDeviceWriters.Iommu(iommu) : null,
            devices.Vsock is { } vsock ? MiscDeviceWriters.Vsock(vsock) : null,
        ]) with { AlwaysOpen = true };

    /// <summary>Serial or parallel ports; one without a port number gets the next after the highest so far.</summary>
    private static IEnumerable<XmlElement> Ports(ImmutableArray<CharDevice> ports, WriteContext context)
    {
        var numbers = PortNumbers(ports);
        return ports.Select((port, i) => CharDeviceWriter.Write(port, context, numbers[i]));
    }

    private static uint[] PortNumbers(ImmutableArray<CharDevice> ports)
    {
        var numbers = new uint[ports.Length];
        long highest = -1;
        for (var i = 0; i < ports.Length; i++)
        {
            var given = ports[i].Target switch
            {
                SerialTarget serial => serial.Port,
                ParallelTarget parallel => parallel.Port,
                _ => null,
            };
            numbers[i] = given ?? (uint)(highest + 1);
            highest = Math.Max(highest, numbers[i]);
        }
        return numbers;
    }

    /// <summary>
    /// Consoles as the reference writes them. For a fully virtualized guest a serial console is
    /// another view of the serial port with the same index, so it is written from that port; and
    /// a guest with serial ports but no console gets one for the first port.
    /// </summary>
    private static IEnumerable<XmlElement> Consoles(Model.Devices devices, WriteContext context)
    {
        var serials = devices.Serials;
        var serialPorts = PortNumbers(serials);
        if (context.IsHvm && devices.Consoles.IsEmpty && !serials.IsEmpty)
            return [SerialAsConsole(serials[0], serialPorts[0], context)];
        return devices.Consoles.Select((console, n) =>
        {
            var type = (console.Target as ConsoleTarget)?.Type ?? CharDeviceWriter.DefaultConsoleType(context);
            return context.IsHvm && type == ConsoleTargetType.Serial && n < serials.Length
                ? SerialAsConsole(serials[n], serialPorts[n], context)
                : CharDeviceWriter.Write(ConsoleWithTty(console), context, (uint)n);
        });
    }

    private static XmlElement SerialAsConsole(CharDevice serial, uint port, WriteContext context) =>
        CharDeviceWriter.Write(
            ConsoleWithTty(serial with { Kind = CharDeviceKind.Console, Target = new ConsoleTarget { Type = ConsoleTargetType.Serial, Port = port } }),
            context, port);

    /// <summary>A pty console also names its terminal in a <c>tty</c> attribute, for compatibility.</summary>
    private static CharDevice ConsoleWithTty(CharDevice console) =>
        console.Tty is null && console.Source is PtyCharSource { Path: { } path } ? console with { Tty = path } : console;

    /// <summary>
    /// USB inputs, then any other inputs the document names, then, when the guest has graphics,
    /// the mouse the reference always adds for them (the document's own when it has one) followed
    /// by the graphics.
    /// </summary>
    private static IEnumerable<XmlElement> InputsAndGraphics(Model.Devices devices, WriteContext context)
    {
        var usb = devices.Inputs.Where(i => InputWriter.EffectiveBus(i, context) == InputBus.Usb).ToList();
        var others = devices.Inputs.Where(i => InputWriter.EffectiveBus(i, context) != InputBus.Usb).ToList();
        InputDevice? implicitMouse = null;
        if (!devices.Graphics.IsEmpty)
        {
            var standard = InputWriter.ImplicitMouse(context);
            implicitMouse = others.FirstOrDefault(i => i.Type == standard.Type && InputWriter.EffectiveBus(i, context) == standard.Bus)
                            ?? standard;
            others.Remove(implicitMouse);
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
