using DomainLauncher.Drivers.Xen.Planning;
using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary>The character devices a config describes, with the console the reference shows for them.</summary>
internal sealed record XmCharDevices(ImmutableArray<CharDevice> Parallels, ImmutableArray<CharDevice> Serials, ImmutableArray<CharDevice> Consoles);

/// <summary>
/// HVM <c>parallel</c> and <c>serial</c> (a string, or a list with one entry per port and "none"
/// for unused ports), as <see cref="XmCharSpec"/> specs. PV guests have only the Xen console.
/// </summary>
internal static class XmCharSection
{
    public static void Emit(XmBuildContext context)
    {
        if (!context.Hvm) return;
        var devices = context.Domain.Devices;
        if (devices.Parallels.IsEmpty) context.Set("parallel", "none", context.Domain.Location);
        else if (Spec(context, devices.Parallels[0]) is { } parallel) context.Set("parallel", parallel, devices.Parallels[0].Location);

        // Same rule as the S-expression: a serial console stands for serial port 0 when no <serial> is given.
        var ports = SerialPorts.Plan(devices);
        if (ports.IsEmpty)
        {
            context.Set("serial", "none", context.Domain.Location);
            return;
        }
        if (ports.Length == 1 && ports[0].Port == 0)
        {
            if (Spec(context, ports[0].Device) is { } serial) context.Set("serial", serial, ports[0].Device.Location);
            return;
        }
        // One entry per port up to the highest, "none" where no device sits.
        var specs = new List<(string, SourceLocation)>();
        for (var port = 0u; port <= ports.Max(p => p.Port); port++)
        {
            var at = ports.FirstOrDefault(p => p.Port == port);
            if (at is null) specs.Add(("none", context.Domain.Location));
            else if (Spec(context, at.Device) is { } spec) specs.Add((spec, at.Device.Location));
        }
        context.SetList("serial", specs);
    }

    private static string? Spec(XmBuildContext context, CharDevice device)
    {
        if (device.Source is { } source && XmCharSpec.Format(source) is { } spec) return spec;
        // A device with no type is the Xen-era pty console.
        if (device.Source is null) return "pty";
        context.Refuse(device.Location,
            $"<{device.Kind.ToString().ToLowerInvariant()} type='{CharSourceXml.Type.ToXml(device.Source.Type)}'> cannot be expressed in an xm config");
        return null;
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
        var source = XmCharSpec.Parse(spec, out var error);
        if (source is null) settings.Invalid(at, path, error!);
        return source;
    }
}
