using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Reads <c>&lt;devices&gt;</c>: hands each child to the parser of its device family and keeps one
/// list per family in document order. Unknown children are left unread (reported as warnings).
/// </summary>
internal static class DevicesParser
{
    /// <summary>
    /// The most child elements <c>&lt;devices&gt;</c> may have. Far beyond any real guest (QEMU's
    /// PCI topology tops out in the low thousands of slots), and small enough that hostile input
    /// cannot make the planner and the drivers walk hundreds of thousands of devices.
    /// </summary>
    public const int MaxDevices = 10_000;

    public static Devices Parse(ElementReader devices)
    {
        string? emulator = null;
        var disks = ImmutableArray.CreateBuilder<Disk>();
        var filesystems = ImmutableArray.CreateBuilder<Filesystem>();
        var controllers = ImmutableArray.CreateBuilder<Controller>();
        var leases = ImmutableArray.CreateBuilder<Lease>();
        var hostdevs = ImmutableArray.CreateBuilder<HostDevice>();
        var smartcards = ImmutableArray.CreateBuilder<Smartcard>();
        var redirdevs = ImmutableArray.CreateBuilder<RedirectedDevice>();
        RedirectionFilter? redirfilter = null;
        var interfaces = ImmutableArray.CreateBuilder<NetworkInterface>();
        var inputs = ImmutableArray.CreateBuilder<InputDevice>();
        var hubs = ImmutableArray.CreateBuilder<Hub>();
        var graphics = ImmutableArray.CreateBuilder<Graphics>();
        var videos = ImmutableArray.CreateBuilder<Video>();
        var parallels = ImmutableArray.CreateBuilder<CharDevice>();
        var serials = ImmutableArray.CreateBuilder<CharDevice>();
        var consoles = ImmutableArray.CreateBuilder<CharDevice>();
        var channels = ImmutableArray.CreateBuilder<CharDevice>();
        var sounds = ImmutableArray.CreateBuilder<Sound>();
        var audios = ImmutableArray.CreateBuilder<Audio>();
        var tpms = ImmutableArray.CreateBuilder<Tpm>();
        var rngs = ImmutableArray.CreateBuilder<Rng>();
        var shmems = ImmutableArray.CreateBuilder<Shmem>();
        var panics = ImmutableArray.CreateBuilder<Panic>();
        NvramDevice? nvram = null;
        Iommu? iommu = null;
        Vsock? vsock = null;
        Watchdog? watchdog = null;
        MemBalloon? memballoon = null;
        var memories = ImmutableArray.CreateBuilder<MemoryDevice>();

        var count = 0;
        foreach (var (element, path) in devices.AllChildren())
        {
            if (++count > MaxDevices)
            {
                devices.Open(element, path).Error(DiagnosticCatalog.TooManyDevices,
                    $"<devices> has more than {MaxDevices} elements; a domain may have at most {MaxDevices} devices");
                // One refusal is enough: the rest is not read, nor reported one by one.
                devices.ReadWhole();
                break;
            }
            if (element.NamespaceUri.Length != 0) continue;
            var child = devices.Open(element, path);
            switch (element.LocalName)
            {
                case "emulator":
                    if (emulator is not null) Duplicate(child);
                    else emulator = child.Text.Trim();
                    break;
                case "disk": Add(disks, DiskParser.Parse(child)); break;
                case "filesystem": Add(filesystems, FilesystemParser.Parse(child)); break;
                case "controller": Add(controllers, ControllerParser.Parse(child)); break;
                case "lease": Add(leases, LeaseParser.Parse(child)); break;
                case "hostdev": Add(hostdevs, HostDeviceParser.Parse(child)); break;
                case "smartcard": Add(smartcards, SmartcardParser.Parse(child)); break;
                case "redirdev": Add(redirdevs, RedirectedDeviceParser.Parse(child)); break;
                case "redirfilter":
                    if (redirfilter is not null) Duplicate(child);
                    else redirfilter = RedirectionFilterParser.Parse(child);
                    break;
                case "interface": Add(interfaces, InterfaceParser.Parse(child)); break;
                case "input": Add(inputs, InputParser.Parse(child)); break;
                case "hub": Add(hubs, HubParser.Parse(child)); break;
                case "graphics": Add(graphics, GraphicsParser.Parse(child)); break;
                case "video": Add(videos, VideoParser.Parse(child)); break;
                case "parallel": Add(parallels, CharDeviceParser.Parse(child, CharDeviceKind.Parallel)); break;
                case "serial": Add(serials, CharDeviceParser.Parse(child, CharDeviceKind.Serial)); break;
                case "console": Add(consoles, CharDeviceParser.Parse(child, CharDeviceKind.Console)); break;
                case "channel": Add(channels, CharDeviceParser.Parse(child, CharDeviceKind.Channel)); break;
                case "sound": Add(sounds, SoundParser.Parse(child)); break;
                case "audio": Add(audios, AudioParser.Parse(child)); break;
                case "tpm": Add(tpms, MiscDeviceParsers.Tpm(child)); break;
                case "rng": Add(rngs, MiscDeviceParsers.Rng(child)); break;
                case "shmem": Add(shmems, MiscDeviceParsers.Shmem(child)); break;
                case "panic": Add(panics, MiscDeviceParsers.Panic(child)); break;
                case "nvram":
                    if (nvram is not null) Duplicate(child);
                    else nvram = MiscDeviceParsers.Nvram(child);
                    break;
                case "iommu":
                    if (iommu is not null) Duplicate(child);
                    else iommu = MiscDeviceParsers.Iommu(child);
                    break;
                case "vsock":
                    if (vsock is not null) Duplicate(child);
                    else vsock = MiscDeviceParsers.Vsock(child);
                    break;
                case "watchdog":
                    if (watchdog is not null) Duplicate(child);
                    else watchdog = WatchdogParser.Parse(child);
                    break;
                case "memballoon":
                    if (memballoon is not null) Duplicate(child);
                    else memballoon = MemBalloonParser.Parse(child);
                    break;
                case "memory": Add(memories, MemoryDeviceParser.Parse(child)); break;
                default:
                    // No device of ours: left unread, so it is reported as an unknown element at
                    // the end of the parse rather than dropped in silence.
                    child.LeaveUnread();
                    break;
            }
        }

        return new Devices
        {
            Emulator = emulator,
            Disks = disks.ToImmutable(),
            Filesystems = filesystems.ToImmutable(),
            Controllers = controllers.ToImmutable(),
            Leases = leases.ToImmutable(),
            HostDevices = hostdevs.ToImmutable(),
            Smartcards = smartcards.ToImmutable(),
            RedirectedDevices = redirdevs.ToImmutable(),
            RedirectionFilter = redirfilter,
            Interfaces = interfaces.ToImmutable(),
            Inputs = inputs.ToImmutable(),
            Hubs = hubs.ToImmutable(),
            Graphics = graphics.ToImmutable(),
            Videos = videos.ToImmutable(),
            Parallels = parallels.ToImmutable(),
            Serials = serials.ToImmutable(),
            Consoles = consoles.ToImmutable(),
            Channels = channels.ToImmutable(),
            Sounds = sounds.ToImmutable(),
            Audios = audios.ToImmutable(),
            Tpms = tpms.ToImmutable(),
            Rngs = rngs.ToImmutable(),
            Shmems = shmems.ToImmutable(),
            Panics = panics.ToImmutable(),
            Nvram = nvram,
            Iommu = iommu,
            Vsock = vsock,
            Watchdog = watchdog,
            MemBalloon = memballoon,
            Memories = memories.ToImmutable(),
        };
    }

    private static void Add<T>(ImmutableArray<T>.Builder list, T? item) where T : class
    {
        if (item is not null) list.Add(item);
    }

    private static void Duplicate(ElementReader child)
    {
        child.Error(DiagnosticCatalog.DuplicateElement, $"only one <{child.Name}> is allowed in <devices>");
        // One clear error; its content is not reported again as unknown.
        child.ReadWhole();
    }
}
