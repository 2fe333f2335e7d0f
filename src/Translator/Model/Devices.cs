using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;devices&gt;</c>: the emulator and every device, one list per device kind, each in
/// document order (order matters to the command line).
/// </summary>
public sealed record Devices
{
    /// <summary>No devices, one instance for every domain that has none (a record is never changed, only copied).</summary>
    public static Devices None { get; } = new();

    public string? Emulator { get; init; }
    public ImmutableArray<Disk> Disks { get; init; } = [];
    public ImmutableArray<Filesystem> Filesystems { get; init; } = [];
    public ImmutableArray<Controller> Controllers { get; init; } = [];
    public ImmutableArray<Lease> Leases { get; init; } = [];
    public ImmutableArray<HostDevice> HostDevices { get; init; } = [];
    public ImmutableArray<Smartcard> Smartcards { get; init; } = [];
    public ImmutableArray<RedirectedDevice> RedirectedDevices { get; init; } = [];
    public RedirectionFilter? RedirectionFilter { get; init; }
    public ImmutableArray<NetworkInterface> Interfaces { get; init; } = [];
    public ImmutableArray<InputDevice> Inputs { get; init; } = [];
    public ImmutableArray<Hub> Hubs { get; init; } = [];
    public ImmutableArray<Graphics> Graphics { get; init; } = [];
    public ImmutableArray<Video> Videos { get; init; } = [];
    public ImmutableArray<CharDevice> Parallels { get; init; } = [];
    public ImmutableArray<CharDevice> Serials { get; init; } = [];
    public ImmutableArray<CharDevice> Consoles { get; init; } = [];
    public ImmutableArray<CharDevice> Channels { get; init; } = [];

    /// <summary>A disk, interface, host device or redirected device names its own boot order (<c>&lt;boot order&gt;</c>).</summary>
    public bool HasDeviceBootOrder =>
        Disks.Any(d => d.BootOrder is not null) || Interfaces.Any(i => i.BootOrder is not null)
        || HostDevices.Any(h => h.BootOrder is not null) || RedirectedDevices.Any(r => r.BootOrder is not null);

    /// <summary>
    /// The serial, parallel, console and channel devices, each element once: a console that is the
    /// view of a serial port (the post-parse stage makes a fully virtualized guest's serial console
    /// the serial port itself) is that port's element, so it is left out.
    /// </summary>
    // A struct walked by foreach, not an iterator: several checks ask for this for every document, and each walk was an
    // iterator object and an interface call per device.
    public CharDeviceElements CharDevicesOnce => new(this);

    internal bool IsSerialElement(SourceLocation location)
    {
        foreach (var serial in Serials)
            if (serial.Location == location) return true;
        return false;
    }

    public ImmutableArray<Sound> Sounds { get; init; } = [];
    public ImmutableArray<Audio> Audios { get; init; } = [];
    public ImmutableArray<Tpm> Tpms { get; init; } = [];
    public ImmutableArray<Rng> Rngs { get; init; } = [];
    public ImmutableArray<Shmem> Shmems { get; init; } = [];
    public ImmutableArray<Panic> Panics { get; init; } = [];
    public NvramDevice? Nvram { get; init; }
    public Iommu? Iommu { get; init; }
    public Vsock? Vsock { get; init; }
    public Watchdog? Watchdog { get; init; }
    public MemBalloon? MemBalloon { get; init; }
    public ImmutableArray<MemoryDevice> Memories { get; init; } = [];
}
