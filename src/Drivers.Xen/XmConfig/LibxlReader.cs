using System.Collections.Immutable;
using System.Globalization;
using DomainLauncher.Drivers.Xen.XmConfig.Sections;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>What libxl reads from a config beyond xend's settings.</summary>
internal sealed record LibxlParts
{
    public CpuConfig? Cpu { get; init; }
    public uint? MaxGrantFrames { get; init; }
    public uint? MaxEventChannels { get; init; }
    public SpiceGraphics? Spice { get; init; }
    public ImmutableArray<Controller> UsbControllers { get; init; } = [];
    public ImmutableArray<HostDevice> UsbDevices { get; init; } = [];
    public ImmutableArray<CharDevice> Channels { get; init; } = [];
    public ClockTimer? Tsc { get; init; }
}

/// <summary>
/// Reads the settings libxl adds to xm and xl files (the CPU, vNUMA, Xen bus limits, SPICE, PV USB,
/// channels, the TSC mode) and fills a read domain as libvirt 9's libxl driver shows it: the xenbus
/// controller, the disk controllers and drive addresses, the PS/2 or Xen mouse and keyboard, the
/// video card of a framebuffer and the Xen memory balloon.
/// </summary>
internal static class LibxlReader
{
    /// <summary>The video memory libxl gives an HVM guest's emulated card and a PV framebuffer, in KiB.</summary>
    public const uint HvmVram = 8192, PvVram = 4096;

    public static LibxlParts Read(XmSettings settings, bool hvm, XenConfigFormat format)
    {
        var xl = format == XenConfigFormat.Xl;
        var parts = new LibxlParts
        {
            MaxGrantFrames = Unsigned(settings, "max_grant_frames"),
            MaxEventChannels = Unsigned(settings, "max_event_channels"),
            Tsc = ReadTsc(settings, hvm),
        };
        if (!xl) return parts;
        return parts with
        {
            Cpu = ReadCpu(settings, hvm),
            Spice = hvm ? ReadSpice(settings) : null,
            UsbControllers = ReadUsbControllers(settings),
            UsbDevices = ReadUsbDevices(settings),
            Channels = ReadChannels(settings),
        };
    }

    private static uint? Unsigned(XmSettings settings, string name)
    {
        var value = settings.Integer(name);
        if (value is null) return null;
        if (value is >= 0 and <= uint.MaxValue) return (uint)value.Value;
        settings.Invalid(settings.Entry(name)!.Value, name, $"'{name}' is {value}; it must be from 0 to {uint.MaxValue}");
        return null;
    }

    private static ClockTimer? ReadTsc(XmSettings settings, bool hvm)
    {
        if (settings.String("tsc_mode") is not { } text || !hvm) return null;
        if (XmFeatureSection.TscMode.TryParse(text, out var mode)) return new ClockTimer { Name = TimerName.Tsc, Present = true, Mode = mode };
        settings.Invalid(settings.Entry("tsc_mode")!.Value, "tsc_mode", $"'tsc_mode' is \"{text}\"; allowed: {XmFeatureSection.TscMode.AllowedList}");
        return null;
    }

    private static CpuConfig? ReadCpu(XmSettings settings, bool hvm)
    {
        var nested = settings.Flag("nestedhvm");
        var cpuid = settings.String("cpuid");
        var cells = ReadVnuma(settings);
        if (!hvm) return cells.IsEmpty ? null : new CpuConfig { NumaCells = cells };
        var features = ImmutableArray.CreateBuilder<CpuFeature>();
        var passthrough = nested is not null;
        if (nested == false) features.Add(new CpuFeature("vmx", CpuFeaturePolicy.Disable));
        if (cpuid is not null)
        {
            var parsed = XlCpuid.Parse(cpuid, out var error);
            if (parsed is null) settings.Invalid(settings.Entry("cpuid")!.Value, "cpuid", error!);
            else features.AddRange(parsed.Value);
            passthrough |= cpuid.Split(',').Contains("host");
        }
        if (!passthrough && features.Count == 0 && cells.IsEmpty) return null;
        return new CpuConfig
        {
            Mode = passthrough ? CpuMode.HostPassthrough : null,
            Features = features.ToImmutable(),
            NumaCells = cells,
        };
    }

    /// <summary><c>vnuma = [ [ "pnode=N", "size=MiB", "vcpus=SET", "vdistances=D,D..." ], ... ]</c>: one list per node.</summary>
    private static ImmutableArray<NumaCell> ReadVnuma(XmSettings settings)
    {
        if (settings.Entry("vnuma") is not { Value: XmList nodes }) return [];
        var cells = ImmutableArray.CreateBuilder<NumaCell>();
        for (var i = 0; i < nodes.Items.Length; i++)
        {
            var path = $"vnuma[{i}]";
            if (nodes.Items[i] is not XmList node)
            {
                settings.Invalid(nodes.Items[i], path, "every vnuma node must be a [ list ] of \"key=value\" strings");
                return [];
            }
            string? cpus = null;
            ulong? size = null;
            var distances = ImmutableArray.CreateBuilder<NumaDistance>();
            foreach (var item in node.Items)
            {
                var text = (item as XmString)?.Text ?? "";
                var equals = text.IndexOf('=');
                var value = equals < 0 ? "" : text[(equals + 1)..];
                switch (equals < 0 ? text : text[..equals])
                {
                    case "vcpus": cpus = value; break;
                    case "size" when ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var mib) && mib <= ulong.MaxValue / 1024:
                        size = mib;
                        break;
                    case "vdistances":
                        var j = 0u;
                        foreach (var d in value.Split(','))
                        {
                            if (uint.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var distance)) distances.Add(new NumaDistance(j, distance));
                            j++;
                        }
                        break;
                    case "pnode":
                        break;
                    default:
                        settings.Invalid(item, path, $"vnuma node item \"{text}\" is not pnode=, size=, vcpus= or vdistances=");
                        return [];
                }
            }
            if (size is null || cpus is null)
            {
                settings.Invalid(node, path, "a vnuma node needs size= (MiB) and vcpus=");
                return [];
            }
            cells.Add(new NumaCell(cpus, new MemorySize(size.Value * 1024)) { Id = (uint)i, Distances = distances.ToImmutable() });
        }
        return cells.ToImmutable();
    }

    private static SpiceGraphics? ReadSpice(XmSettings settings)
    {
        if (settings.Flag("spice") != true) return null;
        var listen = settings.String("spicehost");
        var port = settings.Integer("spiceport");
        var tlsPort = settings.Integer("spicetls_port");
        var noTicket = settings.Flag("spicedisable_ticketing", false);
        var passwd = settings.String("spicepasswd");
        var mouse = settings.Flag("spiceagent_mouse", false);
        var clipboard = settings.Flag("spice_clipboard_sharing", false);
        _ = settings.Flag("spicevdagent");
        int? Port(long? p) => p is > 0 and <= 65535 ? (int)p.Value : null;
        return new SpiceGraphics
        {
            Port = Port(port),
            TlsPort = Port(tlsPort),
            AutoPort = port is null && tlsPort is null,
            Listen = listen,
            Listens = listen is null ? [] : [new AddressListen { Address = listen }],
            Passwd = noTicket == true ? null : passwd,
            MouseMode = mouse == true ? SpiceMouseMode.Client : SpiceMouseMode.Server,
            CopyPaste = clipboard == true,
        };
    }

    private static IEnumerable<(string Key, string Value)> Pairs(string spec) =>
        spec.Split(',').Where(p => p.Length > 0).Select(p => p.IndexOf('=') is var e and >= 0 ? (p[..e].Trim(), p[(e + 1)..]) : (p.Trim(), ""));

    private static ImmutableArray<Controller> ReadUsbControllers(XmSettings settings)
    {
        var controllers = ImmutableArray.CreateBuilder<Controller>();
        var specs = settings.StringList("usbctrl") ?? [];
        for (var i = 0; i < specs.Count; i++)
        {
            int? version = null;
            uint? ports = null;
            foreach (var (key, value) in Pairs(specs[i].Text))
            {
                if (key == "version" && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) version = v;
                else if (key == "ports" && uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p)) ports = p;
                else if (key == "type" && value is "qusb" or "auto") { }
                else settings.Warn(specs[i], $"usbctrl[{i}]", $"usbctrl part \"{key}={value}\" is ignored; the keys read are type=qusb, version, ports");
            }
            var model = version switch { 1 => UsbControllerModel.Qusb1, 2 or null => UsbControllerModel.Qusb2, _ => (UsbControllerModel?)null };
            if (model is null)
            {
                settings.Invalid(specs[i], $"usbctrl[{i}]", $"usbctrl version {version} is not a PV USB version (1 or 2)");
                continue;
            }
            controllers.Add(new UsbController { Index = (uint)controllers.Count, Model = model, Ports = ports });
        }
        return controllers.ToImmutable();
    }

    private static ImmutableArray<HostDevice> ReadUsbDevices(XmSettings settings)
    {
        var devices = ImmutableArray.CreateBuilder<HostDevice>();
        var specs = settings.StringList("usbdev") ?? [];
        for (var i = 0; i < specs.Count; i++)
        {
            uint? bus = null, address = null;
            foreach (var (key, value) in Pairs(specs[i].Text))
            {
                if (key == "hostbus" && uint.TryParse(value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b)) bus = b;
                else if (key == "hostaddr" && uint.TryParse(value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var a)) address = a;
            }
            if (bus is null || address is null)
            {
                settings.Invalid(specs[i], $"usbdev[{i}]", $"usbdev \"{specs[i].Text}\" needs hostbus= and hostaddr= (hexadecimal)");
                continue;
            }
            devices.Add(new HostDevice { Source = new UsbHostDeviceSource { HostBus = bus, HostDevice = address }, Managed = false });
        }
        return devices.ToImmutable();
    }

    private static ImmutableArray<CharDevice> ReadChannels(XmSettings settings)
    {
        var channels = ImmutableArray.CreateBuilder<CharDevice>();
        var specs = settings.StringList("channel") ?? [];
        for (var i = 0; i < specs.Count; i++)
        {
            string? connection = null, path = null, name = null;
            foreach (var (key, value) in Pairs(specs[i].Text))
            {
                switch (key)
                {
                    case "connection": connection = value; break;
                    case "path": path = value; break;
                    case "name": name = value; break;
                }
            }
            CharSource? source = connection switch
            {
                "pty" => new PtyCharSource(),
                "socket" when path is not null => new UnixCharSource { Mode = CharSourceMode.Bind, Path = path },
                _ => null,
            };
            if (source is null)
            {
                settings.Invalid(specs[i], $"channel[{i}]", $"channel \"{specs[i].Text}\" needs connection=pty or connection=socket with path=");
                continue;
            }
            channels.Add(new CharDevice { Kind = CharDeviceKind.Channel, Source = source, Target = new XenChannelTarget { Name = name } });
        }
        return channels.ToImmutable();
    }

    /// <summary>The domain with libxl's parts and the devices libvirt 9's libxl driver fills.</summary>
    public static Domain Apply(Domain domain, LibxlParts parts)
    {
        var hvm = domain.Os?.Type == OsType.Hvm;
        var devices = domain.Devices;
        var disks = devices.Disks.Select(d => d.Address is null && DriveAddress(d) is { } address ? d with { Address = address } : d).ToImmutableArray();
        var controllers = ImmutableArray.CreateBuilder<Controller>();
        controllers.Add(new XenbusController { Index = 0, MaxGrantFrames = parts.MaxGrantFrames, MaxEventChannels = parts.MaxEventChannels });
        controllers.AddRange(parts.UsbControllers);
        if (disks.Any(d => d.Target.Bus == DiskBus.Ide)) controllers.Add(new IdeController { Index = 0 });

        var graphics = parts.Spice is { } spice ? [.. devices.Graphics, spice] : devices.Graphics;
        // A VNC server without a listen address listens on the host's default one.
        graphics = [.. graphics.Select(g => g is VncGraphics { Listens.IsEmpty: true, Socket: null } vnc ? vnc with { Listens = [new AddressListen()] } : g)];
        var inputs = devices.Inputs.ToBuilder();
        // Every PV guest has the Xen mouse and keyboard; an HVM guest with a display the PS/2 ones.
        if (!hvm || !graphics.IsEmpty)
        {
            var bus = hvm ? InputBus.Ps2 : InputBus.Xen;
            inputs.Add(new InputDevice { Type = InputType.Mouse, Bus = bus });
            inputs.Add(new InputDevice { Type = InputType.Keyboard, Bus = bus });
        }
        var videos = graphics.IsEmpty ? devices.Videos
            : [new Video { Model = hvm ? VideoModel.Cirrus : VideoModel.Xen, Vram = hvm ? HvmVram : PvVram, Heads = 1, Primary = true }];
        var clock = domain.Clock;
        if (parts.Tsc is { } tsc && clock is not null) clock = clock with { Timers = clock.Timers.Insert(0, tsc) };
        return domain with
        {
            Cpu = parts.Cpu ?? domain.Cpu,
            Clock = clock,
            Devices = devices with
            {
                Disks = disks,
                Controllers = controllers.ToImmutable(),
                Graphics = graphics,
                Inputs = inputs.ToImmutable(),
                Videos = videos,
                HostDevices = [.. devices.HostDevices, .. parts.UsbDevices],
                Channels = parts.Channels,
                MemBalloon = new MemBalloon { Model = MemBalloonModel.Xen },
            },
        };
    }

    /// <summary>An IDE or SCSI disk's place, from its name, as libvirt gives it when none is named.</summary>
    private static DriveAddress? DriveAddress(Disk disk) =>
        disk.Target.Bus is DiskBus.Ide ? DiskTargetNames.DriveAddressOf(disk) : null;
}
