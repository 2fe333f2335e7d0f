using System.Collections.Immutable;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.Planning;

/// <summary>One serial port of an HVM guest: its port number and host side.</summary>
internal sealed record SerialPort(uint Port, CharDevice Device);

/// <summary>
/// Decides the serial ports of an HVM guest. A <c>&lt;serial&gt;</c> without a port takes the one
/// after the highest port before it. With no serial device, a first <c>&lt;console&gt;</c> aimed at
/// a serial port (or with no target type: an HVM console defaults to serial) is serial port 0.
/// </summary>
internal static class SerialPorts
{
    public static ImmutableArray<SerialPort> Plan(Devices devices)
    {
        if (devices.Serials.IsEmpty)
        {
            return devices.Consoles.FirstOrDefault() is { } console && IsSerialConsole(console)
                ? [new SerialPort(0, console)]
                : [];
        }
        var ports = ImmutableArray.CreateBuilder<SerialPort>(devices.Serials.Length);
        long highest = -1;
        foreach (var serial in devices.Serials)
        {
            var port = (serial.Target as SerialTarget)?.Port ?? (uint)(highest + 1);
            highest = Math.Max(highest, port);
            ports.Add(new SerialPort(port, serial));
        }
        return ports.MoveToImmutable();
    }

    /// <summary>
    /// What both outputs write for the serial ports: one entry per port from 0 to the highest used
    /// (null for "none"), and whether that is a list. One device on port 0, or none at all, is a
    /// single value.
    /// </summary>
    public static (ImmutableArray<CharDevice?> Ports, bool AsList) Setting(Devices devices)
    {
        var ports = Plan(devices);
        if (ports.IsEmpty) return ([null], false);
        if (ports is [{ Port: 0 } only]) return ([only.Device], false);
        var entries = ImmutableArray.CreateBuilder<CharDevice?>();
        for (var port = 0u; port <= ports.Max(p => p.Port); port++)
            entries.Add(ports.FirstOrDefault(p => p.Port == port)?.Device);
        return (entries.ToImmutable(), true);
    }

    private static bool IsSerialConsole(CharDevice console) =>
        (console.Target as ConsoleTarget)?.Type is null or ConsoleTargetType.Serial;
}
