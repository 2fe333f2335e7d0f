using DomainLauncher.Cli.Lifecycle;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.Cli.Commands;

/// <summary><c>domainlauncher resume NAME</c>: runs a paused guest's vCPUs again (QMP cont).</summary>
internal static class ResumeCommand
{
    public static CliCommand Create()
    {
        var name = GuestCommand.NameArgument();
        var runDir = RunBaseOption.Create();
        return new CliCommand(
            "resume",
            "Run a paused guest's vCPUs again (QMP cont).",
            $"""
            Output (standard output): NAME: running (pid PID, QMP socket PATH).
            {GuestCommand.ExitStatus}
            """,
            [new("Continue a paused guest", "domainlauncher resume example-sound")],
            (parse, context) => GuestCommand.Report(
                GuestControl.ResumeAsync(RunBaseOption.Resolve(parse.GetValue(runDir)), parse.GetRequiredValue(name), GuestCommand.MonitorTimeout)
                    .GetAwaiter().GetResult(),
                context, GuestCommand.Describe))
        {
            name,
            runDir,
        };
    }
}
