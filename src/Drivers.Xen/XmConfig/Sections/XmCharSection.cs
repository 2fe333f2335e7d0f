using System.Collections.Immutable;
using DomainLauncher.Drivers.Xen.Planning;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary>The character devices a config describes, with the console the reference shows for them.</summary>
internal sealed record XmCharDevices(ImmutableArray<CharDevice> Parallels, ImmutableArray<CharDevice> Serials, ImmutableArray<CharDevice> Consoles);

/// <summary>
/// HVM <c>parallel</c> and <c>serial</c> (a string, or a list with one entry per port and "none"
/// for unused ports), as <see cref="CharDeviceSpec"/> strings. PV guests have only the Xen console.
/// </summary>
internal static class XmCharSection
{
    public static IEnumerable<XmEntry> Emit(XmConfigContext ctx)
    {
        if (!ctx.Hvm) yield break;
        var devices = ctx.Domain.Devices;
        yield return Xm.String("parallel", devices.Parallels.IsEmpty ? "none" : CharDeviceSpec.Format(devices.Parallels[0].Source));
        var serial = SerialPorts.Setting(devices);
        string[] specs = [.. serial.Ports.Select(device => device is null ? "none" : CharDeviceSpec.Format(device.Source))];
        if (serial.AsList) foreach (var list in Xm.Strings("serial", specs)) yield return list;
        else yield return Xm.String("serial", specs[0]);
    }

    public static XmCharDevices Read(XmSettings settings, bool hvm)
    {
        var parallelText = settings.String("parallel");
        var serialEntry = settings.Entry("serial");
        if (!hvm)
        {
            // The paravirt console every PV guest has.
            var console = new CharDevice
            {
                Kind = CharDeviceKind.Console,
                Source = new PtyCharSource(),
                Target = new ConsoleTarget { Type = ConsoleTargetType.Xen, Port = 0 },
            };
            return new XmCharDevices([], [], [console]);
        }

        var parallels = ImmutableArray.CreateBuilder<CharDevice>();
        if (parallelText is not null and not "none"
            && Source(settings, settings.Entry("parallel")!.Value, "parallel", parallelText) is { } parallelSource)
            parallels.Add(new CharDevice { Kind = CharDeviceKind.Parallel, Source = parallelSource, Target = new ParallelTarget { Port = 0 } });

        var serials = ImmutableArray.CreateBuilder<CharDevice>();
        switch (serialEntry?.Value)
        {
            case XmList:
                var items = settings.StringList("serial") ?? [];
                for (var port = 0; port < items.Count; port++)
                {
                    if (items[port].Text == "none") continue;
                    if (Source(settings, items[port], $"serial[{port}]", items[port].Text) is { } source)
                        serials.Add(Serial(source, (uint)port));
                }
                break;
            case XmString s:
                if (s.Text != "none" && Source(settings, s, "serial", s.Text) is { } one) serials.Add(Serial(one, 0));
                break;
            case { } other:
                settings.Diagnostics.Error(XenXmDiagnostics.WrongType, other.Location.WithPath("serial"),
                    $"'serial' must be a string or a [ list ] of strings, not {other.KindName}");
                break;
        }

        // The reference shows the first serial port as the console of an HVM guest too.
        var consoles = serials.Count == 0
            ? ImmutableArray<CharDevice>.Empty
            : [serials[0] with
            {
                Kind = CharDeviceKind.Console,
                Target = new ConsoleTarget { Type = ConsoleTargetType.Serial, Port = ((SerialTarget)serials[0].Target!).Port },
            }];
        return new XmCharDevices(parallels.ToImmutable(), serials.ToImmutable(), consoles);
    }

    private static CharDevice Serial(CharSource source, uint port) =>
        new() { Kind = CharDeviceKind.Serial, Source = source, Target = new SerialTarget { Port = port } };

    private static CharSource? Source(XmSettings settings, XmValue at, string path, string spec)
    {
        var source = CharDeviceSpec.Parse(spec, out var error);
        if (source is null) settings.Invalid(at, path, error!);
        return source;
    }
}
