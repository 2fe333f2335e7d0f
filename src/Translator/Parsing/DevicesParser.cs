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
        ImmutableArray<Disk>.Builder? disks = null;
        ImmutableArray<Filesystem>.Builder? filesystems = null;
        ImmutableArray<Controller>.Builder? controllers = null;
        ImmutableArray<Lease>.Builder? leases = null;
        ImmutableArray<HostDevice>.Builder? hostdevs = null;
        ImmutableArray<Smartcard>.Builder? smartcards = null;
        ImmutableArray<RedirectedDevice>.Builder? redirdevs = null;
        RedirectionFilter? redirfilter = null;
        ImmutableArray<NetworkInterface>.Builder? interfaces = null;
        ImmutableArray<InputDevice>.Builder? inputs = null;
        ImmutableArray<Hub>.Builder? hubs = null;
        ImmutableArray<Graphics>.Builder? graphics = null;
        ImmutableArray<Video>.Builder? videos = null;
        ImmutableArray<CharDevice>.Builder? parallels = null;
        ImmutableArray<CharDevice>.Builder? serials = null;
        ImmutableArray<CharDevice>.Builder? consoles = null;
        ImmutableArray<CharDevice>.Builder? channels = null;
        ImmutableArray<Sound>.Builder? sounds = null;
        ImmutableArray<Audio>.Builder? audios = null;
        ImmutableArray<Tpm>.Builder? tpms = null;
        ImmutableArray<Rng>.Builder? rngs = null;
        ImmutableArray<Shmem>.Builder? shmems = null;
        ImmutableArray<Panic>.Builder? panics = null;
        NvramDevice? nvram = null;
        Iommu? iommu = null;
        Vsock? vsock = null;
        Watchdog? watchdog = null;
        MemBalloon? memballoon = null;
        ImmutableArray<MemoryDevice>.Builder? memories = null;

        // Each child opened by its place, its path made only when asked: most devices are never named in a message
        // (a path each and the enumerator were ~3M instructions of the 9.0 corpus x2).
        var children = devices.Element.Children;
        for (var i = 0; i < children.Length; i++)
        {
            var element = children[i];
            if (i >= MaxDevices)
            {
                devices.ChildAt(i).Error(DiagnosticCatalog.TooManyDevices,
                    $"<devices> has more than {MaxDevices} elements; a domain may have at most {MaxDevices} devices");
                // One refusal is enough: the rest is not read, nor reported one by one.
                devices.ReadWhole();
                break;
            }
            if (element.NamespaceUri.Length != 0) continue;
            var child = devices.ChildAt(i);
            switch (element.LocalName)
            {
                case "emulator":
                    if (emulator is not null) Duplicate(child);
                    else emulator = child.Text.Trim();
                    break;
                case "disk": Add(ref disks, DiskParser.Parse(child)); break;
                case "filesystem": Add(ref filesystems, FilesystemParser.Parse(child)); break;
                case "controller": Add(ref controllers, ControllerParser.Parse(child)); break;
                case "lease": Add(ref leases, LeaseParser.Parse(child)); break;
                case "hostdev": Add(ref hostdevs, HostDeviceParser.Parse(child)); break;
                case "smartcard": Add(ref smartcards, SmartcardParser.Parse(child)); break;
                case "redirdev": Add(ref redirdevs, RedirectedDeviceParser.Parse(child)); break;
                case "redirfilter":
                    if (redirfilter is not null) Duplicate(child);
                    else redirfilter = RedirectionFilterParser.Parse(child);
                    break;
                case "interface": Add(ref interfaces, InterfaceParser.Parse(child)); break;
                case "input": Add(ref inputs, InputParser.Parse(child)); break;
                case "hub": Add(ref hubs, HubParser.Parse(child)); break;
                case "graphics": Add(ref graphics, GraphicsParser.Parse(child)); break;
                case "video": Add(ref videos, VideoParser.Parse(child)); break;
                case "parallel": Add(ref parallels, CharDeviceParser.Parse(child, CharDeviceKind.Parallel)); break;
                case "serial": Add(ref serials, CharDeviceParser.Parse(child, CharDeviceKind.Serial)); break;
                case "console": Add(ref consoles, CharDeviceParser.Parse(child, CharDeviceKind.Console)); break;
                case "channel": Add(ref channels, CharDeviceParser.Parse(child, CharDeviceKind.Channel)); break;
                case "sound": Add(ref sounds, SoundParser.Parse(child)); break;
                case "audio": Add(ref audios, AudioParser.Parse(child)); break;
                case "tpm": Add(ref tpms, MiscDeviceParsers.Tpm(child)); break;
                case "rng": Add(ref rngs, MiscDeviceParsers.Rng(child)); break;
                case "shmem": Add(ref shmems, MiscDeviceParsers.Shmem(child)); break;
                case "panic": Add(ref panics, MiscDeviceParsers.Panic(child)); break;
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
                case "memory": Add(ref memories, MemoryDeviceParser.Parse(child)); break;
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
            Disks = Built(disks),
            Filesystems = Built(filesystems),
            Controllers = Built(controllers),
            Leases = Built(leases),
            HostDevices = Built(hostdevs),
            Smartcards = Built(smartcards),
            RedirectedDevices = Built(redirdevs),
            RedirectionFilter = redirfilter,
            Interfaces = Built(interfaces),
            Inputs = Built(inputs),
            Hubs = Built(hubs),
            Graphics = Built(graphics),
            Videos = Built(videos),
            Parallels = Built(parallels),
            Serials = Built(serials),
            Consoles = Built(consoles),
            Channels = Built(channels),
            Sounds = Built(sounds),
            Audios = Built(audios),
            Tpms = Built(tpms),
            Rngs = Built(rngs),
            Shmems = Built(shmems),
            Panics = Built(panics),
            Nvram = nvram,
            Iommu = iommu,
            Vsock = vsock,
            Watchdog = watchdog,
            MemBalloon = memballoon,
            Memories = Built(memories),
        };
    }

    // A family's list is made at its first device: most documents use a few of the families.
    private static void Add<T>(ref ImmutableArray<T>.Builder? list, T? item) where T : class
    {
        if (item is not null) (list ??= ImmutableArray.CreateBuilder<T>(4)).Add(item);
    }

    private static ImmutableArray<T> Built<T>(ImmutableArray<T>.Builder? list) => list is null ? [] : list.DrainToImmutable();

    private static void Duplicate(ElementReader child)
    {
        child.Error(DiagnosticCatalog.DuplicateElement, $"only one <{child.Name}> is allowed in <devices>");
        // One clear error; its content is not reported again as unknown.
        child.ReadWhole();
    }
}
