using System.Collections.Immutable;
using System.Globalization;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Check;

/// <summary>
/// The first half of <c>check</c>: replaces the host-side backends of a domain that this host cannot be
/// assumed to provide with stand-ins in a scratch folder, so that QEMU can start the domain's real
/// guest hardware. Storage becomes scratch images of the same format (null-co for block devices and
/// network disks), host networks become user networking with the same NIC model and MAC, character
/// device endpoints become sockets or files in the scratch folder, shared folders become empty scratch
/// folders, huge pages become ordinary memory, KVM becomes TCG when this host has no usable KVM, and
/// graphics listening on TCP listen on a unix socket (VNC) or go away (others).
/// A SCSI LUN passed through (a LUN disk or a SCSI host device) becomes an emulated disk on a null device; a vhost-user-blk disk is served by
/// qemu-storage-daemon exporting a scratch image (DomainCheck starts it).
/// What has no stand-in (host PCI/USB devices, hostdev interfaces, smartcards on
/// host hardware, formats qemu-img cannot create) is refused with a diagnostic naming it. It looks at the host only to see which helper programs exist; the images and folders to create are returned, not created.
/// </summary>
public static class HostSubstitution
{
    /// <summary>The virtual size of a scratch disk image; sparse, so it costs nothing.</summary>
    public const long ScratchDiskBytes = 64L * 1024 * 1024;

    /// <summary>A 1.44 MB floppy, the size QEMU's floppy drive recognises for any format.</summary>
    public const long ScratchFloppyBytes = 1_474_560;

    /// <summary>The stand-in for storage whose contents do not matter to the check: reads give zeros, writes vanish.</summary>
    public const string NullDisk = "null-co://";

    /// <summary>Formats <c>qemu-img create</c> makes (libvirt's name to qemu-img's).</summary>
    private static readonly ImmutableDictionary<DiskFormat, string> CreatableFormats = new Dictionary<DiskFormat, string>
    {
        [DiskFormat.Raw] = "raw",
        [DiskFormat.Iso] = "raw",
        [DiskFormat.Qcow] = "qcow",
        [DiskFormat.Qcow2] = "qcow2",
        [DiskFormat.Qed] = "qed",
        [DiskFormat.Vmdk] = "vmdk",
        [DiskFormat.Vpc] = "vpc",
        [DiskFormat.Vhd] = "vpc",
    }.ToImmutableDictionary();

    /// <param name="domain">The domain as parsed.</param>
    /// <param name="emulator">The emulator that will run it.</param>
    /// <param name="scratchFolder">A private folder for stand-in images, sockets and files; keep its path short (unix socket paths are limited to 107 bytes).</param>
    /// <param name="kvmUsable">Whether this host's <c>/dev/kvm</c> can be opened; without it a <c>kvm</c> domain runs under TCG.</param>
    /// <param name="helpers">The helper programs check can start (swtpm, virtiofsd); null: none.</param>
    /// <param name="vsockUsable">Whether this host has <c>/dev/vhost-vsock</c>, which QEMU opens for a vsock device.</param>
    public static HostSubstitutionResult Apply(Domain domain, EmulatorDescription emulator, string scratchFolder, bool kvmUsable,
        Helpers.HelperPrograms? helpers = null, bool vsockUsable = false)
    {
        var walk = new Walk(scratchFolder, helpers);
        var devices = domain.Devices;
        var type = Accelerator(domain, emulator, kvmUsable, walk);
        var result = domain with
        {
            Type = type,
            MemoryBacking = walk.Memory(domain),
            Os = walk.Nvram(domain.Os),
            NumaTune = walk.NumaTune(domain),
            Devices = devices with
            {
                Disks = [.. devices.Disks.Select(walk.Disk), .. walk.LunStandIns(domain)],
                HostDevices = [.. devices.HostDevices.Where(h => h.Source is not ScsiHostDeviceSource)],
                Filesystems = [.. devices.Filesystems.Select(walk.Filesystem)],
                Interfaces = [.. devices.Interfaces.Select(walk.Interface)],
                Serials = [.. devices.Serials.Select(c => walk.Char(c, "serial"))],
                Parallels = [.. devices.Parallels.Select(c => walk.Char(c, "parallel"))],
                Consoles = [.. devices.Consoles.Select(c => walk.Char(c, "console"))],
                Channels = [.. devices.Channels.Select(c => walk.Char(c, "channel"))],
                RedirectedDevices = [.. devices.RedirectedDevices.Select(walk.Redirected)],
                Smartcards = [.. devices.Smartcards.Select(walk.Smartcard)],
                Graphics = [.. devices.Graphics.Select(walk.Graphics).OfType<Graphics>()],
                Videos = [.. devices.Videos.Select(walk.Video)],
                Audios = [.. devices.Audios.Select(walk.Audio)],
                Memories = [.. devices.Memories.Select(walk.MemoryDevice)],
                Inputs = [.. devices.Inputs.Select(walk.Input).OfType<InputDevice>()],
            },
        };
        // An emulated TPM gets a real swtpm on scratch state where this host has swtpm (DomainCheck starts it);
        // a host TPM, an external swtpm, or no swtpm here: refused before QEMU would fail to connect to it.
        foreach (var tpm in devices.Tpms)
        {
            if (tpm.Backend is EmulatorTpmBackend tpmEmulator && helpers is { SwtpmUnavailable: null })
            {
                var secret = tpmEmulator.EncryptionSecret;
                walk.Substituted($"tpm {tpm.Alias ?? TpmXml.Model.ToXml(tpm.Model ?? TpmModel.Tis)}", tpm.Location,
                    "TPM emulator with the domain's kept state" + (secret is null ? "" : $", encrypted with libvirt secret {secret}"),
                    "the real swtpm, started on empty scratch state" + (secret is null ? "" : " encrypted with a throwaway passphrase"));
            }
            else
                walk.Refuse(CheckDiagnostics.TpmNotProvided, tpm.Location, tpm.Backend is EmulatorTpmBackend
                    ? $"the TPM's emulator back end needs swtpm, which check cannot start here: {helpers?.SwtpmUnavailable ?? "no helper programs were given"}"
                    : $"the TPM's {TpmXml.BackendType.ToXml(tpm.Backend.Type)} back end is a host process or device; check cannot stand in for it");
        }
        foreach (var hostdev in devices.HostDevices.Where(h => h.Source is not ScsiHostDeviceSource))
            walk.Refuse(CheckDiagnostics.HostDeviceNotSubstitutable, hostdev.Location,
                $"host device {Describe(hostdev.Source)} is hardware of the host the domain was written for; check cannot stand in for it");
        // QEMU opens the host's vhost-vsock device for a vsock; without the kernel's vhost_vsock there is none.
        if (devices.Vsock is { } vsock && !vsockUsable)
            walk.Refuse(CheckDiagnostics.HostDeviceNotSubstitutable, vsock.Location,
                "the vsock device needs the host's /dev/vhost-vsock (the vhost_vsock kernel module), which this host lacks");
        return new HostSubstitutionResult
        {
            Domain = walk.Diagnostics.HasErrors ? null : result,
            Substitutions = walk.Substitutions.ToImmutable(),
            Images = walk.Images.ToImmutable(),
            Folders = walk.Folders.ToImmutable(),
            StorageExports = walk.StorageExports.ToImmutable(),
            Diagnostics = walk.Diagnostics.ToList(),
            BuildOptions = new QemuBuildOptions { KvmUsable = kvmUsable, GeneratedGenerationId = Guid.NewGuid() },
        };
    }

    /// <summary>
    /// The host settings for a checked start: the monitor socket and every other per-domain file go
    /// to the scratch folder, VNC gets no host-wide TLS or SASL (their certificates belong to a host).
    /// </summary>
    public static HostSettings HostFor(HostSettings host, string scratchFolder) => host with
    {
        LibDirectory = scratchFolder,
        StateDirectory = scratchFolder,
        // A short fixed name: unix socket paths are limited to 107 bytes, domain names are not.
        Monitor = host.Monitor with { Path = Path.Combine(scratchFolder, "monitor.sock") },
        Vnc = host.Vnc with { Tls = false, Sasl = false, AutoUnixSocket = false },
        Spice = host.Spice with { Tls = false },
    };

    private static DomainType Accelerator(Domain domain, EmulatorDescription emulator, bool kvmUsable, Walk walk)
    {
        switch (domain.Type)
        {
            case DomainType.Kvm when !kvmUsable:
                walk.Substituted("domain", domain.Location, "kvm (KVM acceleration)", "qemu (TCG): this host has no usable /dev/kvm");
                return DomainType.Qemu;
            case DomainType.Kqemu:
                walk.Substituted("domain", domain.Location, "kqemu", "qemu (TCG): kqemu is gone from QEMU");
                return DomainType.Qemu;
            default:
                return domain.Type;
        }
    }

    private static string Describe(HostDeviceSource source) => source switch
    {
        PciHostDeviceSource p => string.Create(CultureInfo.InvariantCulture,
            $"PCI {p.Domain ?? 0:x4}:{p.Bus ?? 0:x2}:{p.Slot ?? 0:x2}.{p.Function ?? 0:x}"),
        UsbHostDeviceSource u when u.VendorId is { } vendor => string.Create(CultureInfo.InvariantCulture,
            $"USB {vendor:x4}:{u.ProductId ?? 0:x4}"),
        UsbHostDeviceSource u => string.Create(CultureInfo.InvariantCulture, $"USB bus {u.HostBus} device {u.HostDevice}"),
        StorageHostDeviceSource s => "storage " + s.Block,
        MiscHostDeviceSource m => "character device " + m.Char,
        NetHostDeviceSource n => "network interface " + n.Interface,
        ScsiHostDeviceSource { Where: ScsiAdapterLocation a } => $"SCSI LUN {ScsiAdapterNames.LunName(a) ?? a.AdapterName}",
        ScsiHostDeviceSource { Where: ScsiIscsiLocation i } => "iSCSI LUN " + i.Name,
        _ => source.Type.ToString(),
    };

    /// <summary>The state of one substitution pass: counters for scratch names and what was decided.</summary>
    private sealed class Walk(string scratchFolder, Helpers.HelperPrograms? helpers)
    {
        private int _images;
        private int _sockets;
        private int _files;
        private int _folders;

        public DiagnosticBag Diagnostics { get; } = new();

        public ImmutableArray<Substitution>.Builder Substitutions { get; } = ImmutableArray.CreateBuilder<Substitution>();

        public ImmutableArray<ScratchImage>.Builder Images { get; } = ImmutableArray.CreateBuilder<ScratchImage>();

        public ImmutableArray<string>.Builder Folders { get; } = ImmutableArray.CreateBuilder<string>();

        public ImmutableArray<Helpers.StorageDaemonRequest>.Builder StorageExports { get; } = ImmutableArray.CreateBuilder<Helpers.StorageDaemonRequest>();

        public void Substituted(string device, SourceLocation where, string original, string replacement) =>
            Substitutions.Add(new Substitution(device, original, replacement, where));

        public void Refuse(DiagnosticCode code, SourceLocation where, string message) => Diagnostics.Error(code, where, message);

        private string Scratch(string name) => Path.Combine(scratchFolder, name);

        public Disk Disk(Disk disk)
        {
            var device = $"disk {disk.Target.Dev}";
            if (disk.Target.Tray == TrayState.Open) return disk;
            if (disk.Device == DiskDevice.Lun && disk.Source is not VolumeDiskSource)
                return LunStandIn(disk, device);
            switch (disk.Source)
            {
                case null or FileDiskSource { File: null }:
                    return disk;
                case DirDiskSource dir:
                    // QEMU shows a folder as a read-only FAT disk, which a writable disk device refuses; a raw
                    // image is the same guest disk without the host folder.
                    return ScratchImageFor(disk with { Driver = (disk.Driver ?? new DiskDriver()) with { Format = DiskFormat.Raw } },
                        device, "folder " + dir.Dir);
                case FileDiskSource file:
                    return ScratchImageFor(disk, device, "file " + file.File);
                case BlockDiskSource block:
                    return NullOrImage(disk, device, "block device " + block.Dev);
                case NetworkDiskSource network:
                    return NullOrImage(disk, device, $"{DiskXml.Protocol.ToXml(network.Protocol)} disk {network.Name}");
                case NvmeDiskSource nvme:
                    return NullOrImage(disk, device, $"NVMe namespace {nvme.Namespace} of host controller {nvme.Address.Domain ?? 0:x4}:{nvme.Address.Bus ?? 0:x2}:{nvme.Address.Slot ?? 0:x2}.{nvme.Address.Function ?? 0:x}");
                case VhostUserDiskSource vhost:
                    return StorageDaemonFor(disk, vhost, device);
                case VolumeDiskSource:
                    // Refused by the driver before a launch: no storage pool to resolve the volume in.
                    return disk;
                default:
                    throw new InvalidOperationException($"unknown disk source {disk.Source.GetType().Name}");
            }
        }

        /// <summary>
        /// A LUN hands the guest a host SCSI device (a block device or an iSCSI LUN) whose commands the host answers:
        /// the check's guest gets an emulated disk of the same bus, address and boot order on a null device instead,
        /// so the controller and the slot are still exercised. The host-side SCSI settings (sgio, rawio, reservations)
        /// belonged to the host device and go with it.
        /// </summary>
        private Disk LunStandIn(Disk disk, string device)
        {
            var original = disk.Source switch
            {
                BlockDiskSource block => "host SCSI device " + block.Dev,
                NetworkDiskSource network => $"{DiskXml.Protocol.ToXml(network.Protocol)} LUN {network.Name}",
                _ => "host SCSI device",
            };
            Substituted(device, disk.Location, original + " passed through (device='lun')", "emulated disk on a null device (" + NullDisk + ")");
            return Plain(disk with { Device = DiskDevice.Disk, Sgio = null, RawIo = null }, NullDisk, DiskFormat.Raw);
        }

        /// <summary>
        /// A host SCSI LUN passed through (<c>&lt;hostdev type='scsi'&gt;</c>) is the host's device: the check's guest gets an
        /// emulated SCSI disk on a null device at the LUN's place instead (its drive address, or the one the driver would
        /// give it), named after the domain's disks, so the controller and the unit are still exercised.
        /// </summary>
        public IEnumerable<Disk> LunStandIns(Domain domain)
        {
            var addresses = ScsiHostDevicePlaces.Of(domain);
            var names = new HashSet<string>(domain.Devices.Disks.Select(d => d.Target.Dev), StringComparer.Ordinal);
            var next = 0;
            foreach (var hostdev in domain.Devices.HostDevices)
            {
                if (hostdev.Source is not ScsiHostDeviceSource) continue;
                string dev;
                do dev = DiskTargetNames.Name("sd", next++); while (!names.Add(dev));
                var lun = new Disk
                {
                    Device = DiskDevice.Disk,
                    Target = new DiskTarget { Dev = dev, Bus = DiskBus.Scsi, Location = hostdev.Location },
                    // No other guest shares the null device: the LUN's shareable has nothing to open shared.
                    ReadOnly = hostdev.ReadOnly,
                    BootOrder = hostdev.BootOrder,
                    Address = addresses[hostdev],
                    Alias = hostdev.Alias,
                    Location = hostdev.Location,
                };
                Substituted(hostdev.Alias is { } alias ? $"hostdev {alias}" : "hostdev scsi", hostdev.Location, $"host {Describe(hostdev.Source)} passed through",
                    $"emulated disk {dev} on a null device ({NullDisk})");
                yield return Plain(lun, NullDisk, DiskFormat.Raw);
            }
        }

        /// <summary>
        /// A vhost-user-blk disk is served by a process of the domain's host at its socket: the check's QEMU connects to
        /// qemu-storage-daemon serving a raw scratch image on a scratch socket instead (DomainCheck starts it).
        /// </summary>
        private Disk StorageDaemonFor(Disk disk, VhostUserDiskSource vhost, string device)
        {
            var missing = helpers is null ? "no helper programs were given" : helpers.StorageDaemonUnavailable;
            if (missing is not null)
            {
                Refuse(CheckDiagnostics.HostDeviceNotSubstitutable, disk.Location,
                    $"{device} is served by a vhost-user-blk process at {vhost.Path}, and check has no stand-in here: {missing}");
                return disk;
            }
            var image = Scratch($"disk{_images++}.raw");
            var socket = Scratch($"c{_sockets++}.sock");
            Images.Add(new ScratchImage(image, "raw", ScratchDiskBytes));
            StorageExports.Add(new Helpers.StorageDaemonRequest(disk.Target.Dev, socket, disk.Location) { Image = image, ReadOnly = disk.ReadOnly });
            Substituted(device, disk.Location, "vhost-user-blk process at " + vhost.Path,
                $"qemu-storage-daemon serving scratch raw image {image} at {socket}");
            return disk with { Source = vhost with { Path = socket } };
        }

        /// <summary>Block devices and network disks hold raw data; a null device reads as zeros. Other formats need a real image.</summary>
        private Disk NullOrImage(Disk disk, string device, string original)
        {
            if (disk.Driver?.Format is not (null or DiskFormat.Raw)) return ScratchImageFor(disk, device, original);
            Substituted(device, disk.Location, original, "null device (" + NullDisk + ")");
            return Plain(disk, NullDisk, DiskFormat.Raw);
        }

        private Disk ScratchImageFor(Disk disk, string device, string original)
        {
            var format = disk.Driver?.Format ?? DiskFormat.Raw;
            if (!CreatableFormats.TryGetValue(format, out var imageFormat))
            {
                Refuse(CheckDiagnostics.FormatNotCreatable, disk.Location,
                    $"{device}: no scratch image can be made in format '{DiskXml.Format.ToXml(format)}' (qemu-img creates {string.Join(", ", CreatableFormats.Keys.Select(DiskXml.Format.ToXml))})");
                return disk;
            }
            var path = Scratch($"disk{_images++}.{imageFormat}");
            var size = disk.Device == DiskDevice.Floppy ? ScratchFloppyBytes : ScratchDiskBytes;
            Images.Add(new ScratchImage(path, imageFormat, size));
            Substituted(device, disk.Location, original, $"scratch {imageFormat} image {path}");
            return Plain(disk, path, format);
        }

        /// <summary>The disk with a local file source; what only meant something for the old source (credentials, encryption, a mirror) goes.</summary>
        private static Disk Plain(Disk disk, string file, DiskFormat format) => disk with
        {
            Type = DiskType.File,
            Source = new FileDiskSource { File = file, Location = disk.Source?.Location ?? disk.Location },
            Driver = (disk.Driver ?? new DiskDriver()) with { Format = format },
            Auth = null,
            Encryption = null,
            Mirror = null,
            // The scratch image has no backing file; a chain the document describes is not the scratch image's.
            BackingStore = null,
        };

        /// <summary>
        /// A UEFI variable store the domain names is the host's file: the check's start gets a scratch one, made
        /// from the template before the start (a store the domain does not name is already in the scratch folder).
        /// </summary>
        public OsConfig? Nvram(OsConfig? os)
        {
            if (os?.Nvram is not { } nvram) return os;
            var original = nvram.Source switch
            {
                FileDiskSource { File: { } file } => file,
                BlockDiskSource block => block.Dev,
                _ => nvram.Path,
            };
            if (original is null) return os;
            var path = Scratch("nvram.fd");
            Substituted("nvram", nvram.Location, "UEFI variable store " + original, "scratch variable store " + path + " made from its template");
            return os with { Nvram = nvram with { Path = path, Source = null, SourceType = null } };
        }

        /// <summary>Huge pages are host memory set aside; the guest sees the same RAM from ordinary pages.</summary>
        public MemoryBacking? Memory(Domain domain)
        {
            if (domain.MemoryBacking is not { Hugepages: true } backing) return domain.MemoryBacking;
            Substituted("memory", domain.Location, "huge pages (hugetlbfs)", "ordinary memory");
            return backing with { Hugepages = false };
        }

        /// <summary>
        /// Guest NUMA nodes bound to host NUMA nodes (<c>&lt;memnode&gt;</c>) name nodes of the host the domain was
        /// written for: the check's guest takes its memory from any node; a file-backed guest RAM gets its scratch folder.
        /// </summary>
        public NumaTune? NumaTune(Domain domain)
        {
            if (domain.MemoryBacking?.SourceType == MemorySourceType.File) Folders.Add(Scratch("ram"));
            if (domain.NumaTune is not { MemNodes.IsEmpty: false } tune) return domain.NumaTune;
            Substituted("memory", domain.Location, "guest NUMA nodes bound to host nodes (<memnode>)", "memory from any host node");
            return tune with { MemNodes = [] };
        }

        /// <summary>A memory device's host file becomes a scratch file QEMU creates; its huge pages and host nodes become ordinary memory.</summary>
        public MemoryDevice MemoryDevice(MemoryDevice memory)
        {
            if (memory.Source is not { } source) return memory;
            var name = "memory " + MemoryDeviceXml.Model.ToXml(memory.Model);
            if (source.PageSize is not null || source.NodeMask is not null)
                Substituted(name, memory.Location, "huge pages or host NUMA nodes", "ordinary memory");
            var path = source.Path;
            if (path is not null)
            {
                path = Scratch($"m{_files++}.mem");
                Substituted(name, memory.Location, "file " + source.Path, "scratch file " + path);
            }
            return memory with { Source = source with { PageSize = null, NodeMask = null, Path = path } };
        }

        /// <summary>
        /// A shared host folder becomes an empty scratch folder, read through QEMU's path driver; a virtiofs share
        /// keeps virtiofs, served by the real virtiofsd (DomainCheck starts it) where this host can run it, else
        /// becomes a 9p share of the scratch folder.
        /// </summary>
        public Filesystem Filesystem(Filesystem fs)
        {
            if (fs.Source is not MountFilesystemSource mount) return fs;
            var folder = Scratch($"fs{_folders++}");
            Folders.Add(folder);
            Substituted($"filesystem {fs.TargetDir}", fs.Location, "host folder " + mount.Dir, "empty scratch folder " + folder);
            var driver = fs.Driver;
            if (driver is { Type: FilesystemDriverType.Virtiofs })
            {
                // The domain's <binary path> is where its own host keeps virtiofsd; this host's serves the check as well.
                if (fs.Binary is { Path: { } binary } named && !File.Exists(binary) && helpers is { Virtiofsd: { } ours } && helpers.VirtiofsdUnavailable() is null)
                {
                    Substituted($"filesystem {fs.TargetDir}", fs.Location, "virtiofsd at " + binary, "this host's virtiofsd at " + ours);
                    fs = fs with { Binary = named with { Path = ours } };
                }
                var unavailable = helpers is null ? "no helper programs were given" : helpers.VirtiofsdUnavailable(fs.Binary?.Path);
                if (unavailable is not null)
                {
                    Substituted($"filesystem {fs.TargetDir}", fs.Location, "virtiofs (vhost-user-fs, served by virtiofsd)", $"9p (virtio-9p): {unavailable}");
                    return fs with { Source = new MountFilesystemSource(folder), Driver = new FilesystemDriver { Type = FilesystemDriverType.Path }, Binary = null };
                }
                Substituted($"filesystem {fs.TargetDir}", fs.Location, "virtiofsd", "the real virtiofsd, exporting the scratch folder");
            }
            return fs with
            {
                Source = new MountFilesystemSource(folder),
                Driver = driver is { Type: FilesystemDriverType.Handle } ? driver with { Type = FilesystemDriverType.Path } : driver,
            };
        }

        public NetworkInterface Interface(NetworkInterface nic)
        {
            switch (nic)
            {
                case UserInterface:
                    return nic;
                case HostdevInterface:
                    Refuse(CheckDiagnostics.HostDeviceNotSubstitutable, nic.Location,
                        $"interface {nic.Mac?.ToString() ?? "(no MAC)"} of type 'hostdev' passes a host PCI network card through; check cannot stand in for it");
                    return nic;
                default:
                    Substituted($"interface {nic.Mac?.ToString() ?? nic.Model ?? "(no MAC)"}", nic.Location,
                        HostNetwork(nic), "user networking, same NIC model and MAC");
                    return nic.WithGuestSideOn(new UserInterface()) with
                    {
                        // vhost-net needs a tap device; user networking is always QEMU's own.
                        Driver = nic.Driver is { Name: InterfaceBackend.Vhost } driver ? driver with { Name = null } : nic.Driver,
                    };
            }
        }

        /// <summary>What the interface connects to on the host, named as the domain names it.</summary>
        private static string HostNetwork(NetworkInterface nic) => nic switch
        {
            VirtualNetworkInterface n => $"network '{n.Network}'",
            BridgeInterface b => $"bridge '{b.Bridge}'",
            DirectInterface d => $"direct (macvtap on '{d.Dev}')",
            _ => $"{InterfaceTypeXml.Table.ToXml(nic.Type)} network",
        };

        public CharDevice Char(CharDevice device, string kind)
        {
            var name = $"{kind} {device.Alias ?? Port(device.Target)}";
            return device with { Source = Endpoint(device.Source, name, device.Location) };
        }

        private static string Port(CharTarget? target) => target switch
        {
            SerialTarget { Port: { } p } => p.ToString(CultureInfo.InvariantCulture),
            ParallelTarget { Port: { } p } => p.ToString(CultureInfo.InvariantCulture),
            ConsoleTarget { Port: { } p } => p.ToString(CultureInfo.InvariantCulture),
            VirtioChannelTarget { Name: { } n } => n,
            GuestfwdChannelTarget g => $"guestfwd {g.Address}:{g.Port}",
            _ => "",
        };

        public RedirectedDevice Redirected(RedirectedDevice device) =>
            device with { Source = Endpoint(device.Source, "USB redirection", device.Location)! };

        public Smartcard Smartcard(Smartcard card)
        {
            switch (card)
            {
                case PassthroughSmartcard passthrough:
                    return passthrough with { Source = Endpoint(passthrough.Source, "smartcard", card.Location)! };
                default:
                    Refuse(CheckDiagnostics.HostSmartcardNotSubstitutable, card.Location,
                        $"smartcard in mode '{SmartcardModeXml.Table.ToXml(card.Mode)}' reads the host's card reader or certificate store; check cannot stand in for it");
                    return card;
            }
        }

        /// <summary>
        /// A host endpoint becomes a listening unix socket (or a file for a file) in the scratch folder;
        /// endpoints that need nothing from the host (pty, null, vc, stdio) stay.
        /// </summary>
        private CharSource? Endpoint(CharSource? source, string device, SourceLocation where)
        {
            switch (source)
            {
                case null or NullCharSource or PtyCharSource { Path: null } or VcCharSource or StdioCharSource:
                    return source;
                case PtyCharSource:
                    return new PtyCharSource();
                case FileCharSource file:
                {
                    var path = Scratch($"f{_files++}.log");
                    Substituted(device, where, "file " + file.Path, "file " + path);
                    return new FileCharSource { Path = path };
                }
                default:
                {
                    var path = Scratch($"c{_sockets++}.sock");
                    Substituted(device, where, Text(source), "listening unix socket " + path);
                    return new UnixCharSource { Path = path, Mode = CharSourceMode.Bind };
                }
            }
        }

        private static string Text(CharSource source) => source switch
        {
            DevCharSource d => "host device " + d.Path,
            PipeCharSource p => "pipe " + p.Path,
            UnixCharSource u => $"unix socket {u.Path} ({(u.Mode == CharSourceMode.Bind ? "listening" : "connecting")})",
            TcpCharSource t => $"TCP {t.Host}:{t.Service} ({(t.Mode == CharSourceMode.Bind ? "listening" : "connecting")})",
            UdpCharSource u => $"UDP {u.ConnectHost}:{u.ConnectService}",
            SpicevmcCharSource => "SPICE channel",
            _ => CharSourceXml.Type.ToXml(source.Type),
        };

        /// <summary>
        /// A virtio card that a vhost-user-gpu process emulates: check starts no such process, and the guest sees the same
        /// virtio GPU from QEMU's own emulation (without the process's 3D acceleration).
        /// </summary>
        public Video Video(Video video)
        {
            if (video.Driver is { Name: VideoBackend.VhostUser } driver)
            {
                Substituted("video", video.Location, "virtio GPU emulated by a vhost-user-gpu process", "QEMU's own virtio GPU, without 3D acceleration");
                return video with { Driver = driver with { Name = null }, Acceleration = null };
            }
            // 3D acceleration renders through the host's OpenGL, which a checked start (with no display) does not set up.
            if (video.Acceleration is { Accel3d: true } accel)
            {
                Substituted("video", video.Location, "virtio GPU with 3D acceleration (host OpenGL)", "the same virtio GPU without 3D acceleration");
                return video with { Acceleration = accel with { Accel3d = null, RenderNode = null } };
            }
            return video;
        }

        /// <summary>
        /// A host audio back end (a sound server, a sound device, a display's audio channel) belongs to a host with someone
        /// listening: the sound cards play into QEMU's silent back end instead, keeping the backend's id; a recording file goes
        /// to the scratch folder.
        /// </summary>
        public Audio Audio(Audio audio)
        {
            switch (audio.Type)
            {
                case AudioType.None:
                    return audio;
                case AudioType.File:
                {
                    var path = Scratch($"audio{audio.Id}.wav");
                    Substituted("audio", audio.Location, "recording file " + (audio.Path ?? "(QEMU's default)"), "recording file " + path);
                    return audio with { Path = path };
                }
                default:
                    Substituted("audio", audio.Location, AudioXml.Type.ToXml(audio.Type) + " audio back end", "none (silence)");
                    return new Audio { Id = audio.Id, Type = AudioType.None, Location = audio.Location };
            }
        }

        /// <summary>
        /// A host input device is one only the domain's host has. An evdev input is no guest device (QEMU feeds the host
        /// device's events to the guest's keyboard and mouse): a checked start has none to feed. A virtio input passing one
        /// through becomes a virtio keyboard of the same address, alias and virtio settings.
        /// </summary>
        public InputDevice? Input(InputDevice input)
        {
            switch (input.Type)
            {
                case InputType.Evdev:
                    Substituted("input evdev", input.Location, "host input device " + input.SourceDevice + " feeding the guest's keyboard and mouse",
                        "none (a checked start has no host input)");
                    return null;
                case InputType.Passthrough:
                    Substituted("input passthrough", input.Location, "host input device " + input.SourceDevice + " passed through by virtio",
                        "a virtio keyboard at the same address");
                    return input with { Type = InputType.Keyboard, Bus = InputBus.Virtio, SourceDevice = null };
                default:
                    return input;
            }
        }

        public Graphics? Graphics(Graphics graphics)
        {
            switch (graphics)
            {
                case VncGraphics vnc:
                {
                    var path = Scratch("vnc.sock");
                    Substituted("graphics vnc", vnc.Location, vnc.Socket is { } socket ? "unix socket " + socket : "TCP port", "unix socket " + path);
                    return vnc with { Socket = path, Port = null, AutoPort = null, Listen = null, Listens = [] };
                }
                default:
                    Substituted("graphics " + GraphicsTypeXml.Table.ToXml(graphics.Type), graphics.Location,
                        GraphicsTypeXml.Table.ToXml(graphics.Type), "none (no display on a checked start)");
                    return null;
            }
        }
    }
}
