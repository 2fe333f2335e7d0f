using DomainLauncher.Cli.Lifecycle;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.Cli.Commands;

/// <summary><c>domainlauncher vncdisplay NAME</c>: where a running guest's VNC server listens, as <c>virsh vncdisplay</c>.</summary>
internal static class VncDisplayCommand
{
    public static CliCommand Create()
    {
        var name = GuestCommand.NameArgument();
        var runDir = RunBaseOption.Create();
        return new CliCommand(
            "vncdisplay",
            "Print a running guest's VNC display (HOST:DISPLAY, :DISPLAY when it listens on every address, or unix:PATH).",
            $"""
            Asked of QEMU over QMP (query-vnc), so an automatic port shows the display QEMU chose.
            A guest without VNC is an error (DL6502).
            {GuestCommand.ExitStatus}
            """,
            [new("Connect a viewer", "domainlauncher vncdisplay example-vnc")],
            (parse, context) => GuestCommand.Print(
                GuestControl.VncDisplayAsync(RunBaseOption.Resolve(parse.GetValue(runDir)), parse.GetRequiredValue(name), GuestCommand.MonitorTimeout)
                    .GetAwaiter().GetResult(),
                context, newline: true))
        {
            name,
            runDir,
        };
    }
}
