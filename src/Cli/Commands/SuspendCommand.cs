using DomainLauncher.Cli.Lifecycle;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.Cli.Commands;

/// <summary><c>domainlauncher suspend NAME</c>: stops a launched guest's vCPUs (QMP stop); memory and devices stay.</summary>
internal static class SuspendCommand
{
    public static CliCommand Create()
    {
        var name = GuestCommand.NameArgument();
        var runDir = RunBaseOption.Create();
        return new CliCommand(
            "suspend",
            "Pause a launched guest's vCPUs (QMP stop); resume continues it.",
            $"""
            Output (standard output): NAME: paused (pid PID, QMP socket PATH).
            {GuestCommand.ExitStatus}
            """,
            [new("Pause a guest", "domainlauncher suspend example-sound")],
            (parse, context) => GuestCommand.Report(
                GuestControl.SuspendAsync(RunBaseOption.Resolve(parse.GetValue(runDir)), parse.GetRequiredValue(name), GuestCommand.MonitorTimeout)
                    .GetAwaiter().GetResult(),
                context, GuestCommand.Describe))
        {
            name,
            runDir,
        };
    }
}
