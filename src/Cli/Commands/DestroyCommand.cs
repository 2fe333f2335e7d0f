using DomainLauncher.Cli.Lifecycle;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.Cli.Commands;

/// <summary><c>domainlauncher destroy NAME</c>: stops a launched guest at once (QMP quit, then SIGKILL) and removes its run directory.</summary>
internal static class DestroyCommand
{
    public static CliCommand Create()
    {
        var name = GuestCommand.NameArgument();
        var runDir = RunBaseOption.Create();
        return new CliCommand(
            "destroy",
            "Stop a launched guest at once, as pulling the plug does: QMP quit, SIGKILL when QEMU ignores it; its run directory is removed.",
            $"""
            The guest gets no chance to shut down (use shutdown for that). QEMU is sent SIGKILL
            when it has not exited 5 s after quit.
            Output (standard output): NAME: destroyed (pid PID, QMP socket PATH).
            {GuestCommand.ExitStatus}
            """,
            [new("Stop a guest now", "domainlauncher destroy example-sound")],
            (parse, context) => GuestCommand.Report(
                GuestControl.DestroyAsync(RunBaseOption.Resolve(parse.GetValue(runDir)), parse.GetRequiredValue(name), GuestCommand.MonitorTimeout)
                    .GetAwaiter().GetResult(),
                context, GuestCommand.Describe))
        {
            name,
            runDir,
        };
    }
}
