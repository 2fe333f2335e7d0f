using System.CommandLine;
using System.Text.Json;
using DomainLauncher.Cli.Lifecycle;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.Cli.Commands;

/// <summary><c>domainlauncher status NAME [--json]</c>: the run state QEMU reports for a launched guest (QMP query-status).</summary>
internal static class StatusCommand
{
    public static CliCommand Create()
    {
        var name = GuestCommand.NameArgument();
        var runDir = RunBaseOption.Create();
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a line." };
        return new CliCommand(
            "status",
            "Print a launched guest's state as QEMU reports it: running, paused, shutdown, ...",
            $$"""
            Output (standard output): NAME: STATE (pid PID, QMP socket PATH); with --json
            {"name": "NAME", "pid": PID, "state": "STATE", "qmpSocket": "PATH", "runDirectory": "DIR"}.
            STATE is QEMU's run state (query-status): running, paused, shutdown, prelaunch,
            guest-panicked, ...; "unknown" when the guest lives but its monitor does not answer.
            A run directory whose QEMU is gone is removed and the name reported as not running.
            {{GuestCommand.ExitStatus}}
            """,
            [
                new("The state of a guest", "domainlauncher status example-sound"),
                new("As JSON, for a script", "domainlauncher status --json example-sound"),
            ],
            (parse, context) =>
            {
                var result = GuestControl.StatusAsync(RunBaseOption.Resolve(parse.GetValue(runDir)), parse.GetRequiredValue(name), GuestCommand.MonitorTimeout)
                    .GetAwaiter().GetResult();
                return GuestCommand.Report(result, context, guest => parse.GetValue(json)
                    ? JsonSerializer.Serialize(GuestStatusJson.Of(guest), LifecycleJsonContext.Readable.GuestStatusJson)
                    : GuestCommand.Describe(guest));
            })
        {
            name,
            runDir,
            json,
        };
    }
}
