using System.Collections.Immutable;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Defaults;

/// <summary>
/// Serial, parallel, console and channel devices as libvirt completes them. A device without a
/// type (the Xen-era <c>&lt;console tty/&gt;</c>) is a pty. Serial and parallel ports without a port
/// number get the next after the highest so far. A console states its target type (the guest's
/// default when not given) and port. For a fully virtualized guest a serial console is another view
/// of the serial port with the same index, so it becomes that port; a guest with serial ports but no
/// console gets one for the first port. TCP and UNIX sources connect unless they say otherwise; TCP
/// speaks raw; the SPICE agent channel has its standard name.
/// </summary>
internal static class CharDeviceDefaults
{
    /// <summary>The name libvirt gives a SPICE agent channel whose target names none.</summary>
    public const string SpiceAgentChannelName = "com.redhat.spice.0";

    /// <summary>The devices with these defaults; <paramref name="devices"/> are the domain's as the steps before left them.</summary>
    public static Model.Devices Apply(Domain domain, Model.Devices devices)
    {
        // A guest without character devices keeps its devices as they are: nothing here adds one from nothing.
        if (devices is { Serials.IsEmpty: true, Parallels.IsEmpty: true, Consoles.IsEmpty: true, Channels.IsEmpty: true }) return devices;
        var serials = Numbered(devices.Serials);
        return devices with
        {
            Serials = serials,
            Parallels = Numbered(devices.Parallels),
            Consoles = Consoles(domain, devices.Consoles, serials),
            Channels = ImmutableArray.CreateRange(devices.Channels, Channel),
        };
    }

    /// <summary>The console target type libvirt picks when none is given.</summary>
    public static ConsoleTargetType DefaultConsoleType(Domain domain) =>
        domain.Os?.Type == OsType.Hvm ? ConsoleTargetType.Serial
        : domain.Type switch
        {
            DomainType.Xen => ConsoleTargetType.Xen,
            DomainType.Uml => ConsoleTargetType.Uml,
            DomainType.Lxc => ConsoleTargetType.Lxc,
            DomainType.Openvz => ConsoleTargetType.Openvz,
            _ => domain.Os?.Arch is "s390" or "s390x" ? ConsoleTargetType.Virtio : ConsoleTargetType.Serial,
        };

    private static ImmutableArray<CharDevice> Numbered(ImmutableArray<CharDevice> ports)
    {
        // Most documents have no parallel port, many no serial port: no builder for those.
        if (ports.IsEmpty) return ports;
        var numbered = ImmutableArray.CreateBuilder<CharDevice>(ports.Length);
        long highest = -1;
        foreach (var port in ports)
        {
            var given = port.Target switch
            {
                SerialTarget serial => serial.Port,
                ParallelTarget parallel => parallel.Port,
                _ => null,
            };
            var number = given ?? (uint)(highest + 1);
            highest = Math.Max(highest, number);
            CharTarget target = port.Kind == CharDeviceKind.Parallel
                ? (port.Target as ParallelTarget ?? new ParallelTarget()) with { Port = number }
                : (port.Target as SerialTarget ?? new SerialTarget()) with { Port = number };
            numbered.Add(WithSource(port) with { Target = target });
        }
        return numbered.MoveToImmutable();
    }

    private static ImmutableArray<CharDevice> Consoles(Domain domain, ImmutableArray<CharDevice> consoles, ImmutableArray<CharDevice> serials)
    {
        var hvm = domain.Os?.Type == OsType.Hvm;
        if (hvm && consoles.IsEmpty && !serials.IsEmpty) return [SerialAsConsole(serials[0])];
        if (consoles.IsEmpty) return consoles;
        // A loop, not Select with an index: every document passes here.
        var completed = ImmutableArray.CreateBuilder<CharDevice>(consoles.Length);
        for (var n = 0; n < consoles.Length; n++)
        {
            var console = consoles[n];
            var target = console.Target as ConsoleTarget ?? new ConsoleTarget();
            var type = target.Type ?? DefaultConsoleType(domain);
            completed.Add(hvm && type == ConsoleTargetType.Serial && n < serials.Length
                ? SerialAsConsole(serials[n])
                : WithTty(WithSource(console) with { Target = target with { Type = type, Port = target.Port ?? (uint)n } }));
        }
        return completed.MoveToImmutable();
    }

    private static CharDevice SerialAsConsole(CharDevice serial) =>
        WithTty(serial with
        {
            Kind = CharDeviceKind.Console,
            Target = new ConsoleTarget { Type = ConsoleTargetType.Serial, Port = (serial.Target as SerialTarget)?.Port ?? 0 },
        });

    /// <summary>A pty console also names its terminal in a <c>tty</c> attribute, for compatibility.</summary>
    private static CharDevice WithTty(CharDevice console) =>
        console.Tty is null && console.Source is PtyCharSource { Path: { } path } ? console with { Tty = path } : console;

    private static CharDevice Channel(CharDevice channel)
    {
        channel = WithSource(channel);
        return channel.Target is VirtioChannelTarget { Name: null } virtio && channel.Source is SpicevmcCharSource
            ? channel with { Target = virtio with { Name = SpiceAgentChannelName } }
            : channel;
    }

    private static CharDevice WithSource(CharDevice device)
    {
        var source = device.Source switch
        {
            null => new PtyCharSource(),
            TcpCharSource tcp when tcp.Mode is null || tcp.Protocol is null =>
                tcp with { Mode = tcp.Mode ?? CharSourceMode.Connect, Protocol = tcp.Protocol ?? TcpProtocol.Raw },
            UnixCharSource { Mode: null } unix => unix with { Mode = CharSourceMode.Connect },
            var given => given,
        };
        // A device whose source needs nothing is not copied (the steps after copy it again anyway where they change it).
        return ReferenceEquals(source, device.Source) ? device : device with { Source = source };
    }
}
