using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DomainLauncher.Cli.Lifecycle;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.Cli.Commands;

/// <summary><c>domainlauncher list [--json]</c>: every launched guest under the run base with its pid and state.</summary>
internal static class ListCommand
{
    public static CliCommand Create()
    {
        var runDir = RunBaseOption.Create();
        var json = new Option<bool>("--json") { Description = "Print a JSON array of guests instead of a table." };
        return new CliCommand(
            "list",
            "List the launched guests: name, QEMU's pid, state.",
            """
            Output (standard output): a header line, then one line per guest, by name:
              NAME  PID  STATE
            STATE is QEMU's run state (running, paused, shutdown, ...), "starting" while a launch
            holds the name, "unknown" when the monitor does not answer, and "dead" (pid -) for a
            guest whose QEMU is gone (exited or killed): its run directory is removed and its helper
            processes stopped on the way, so the next list no longer shows it. With --json, an array
            of {"name", "pid", "state", "qmpSocket", "runDirectory", "helpers"} objects, helpers
            being [{"kind", "alias", "pid"}] (swtpm, virtiofsd).
            Exit status: 0, 2 wrong usage.
            """,
            [
                new("The launched guests", "domainlauncher list"),
                new("Guests under another run base", "domainlauncher list --run-dir /tmp/my-guests"),
            ],
            (parse, context) => Run(RunBaseOption.Resolve(parse.GetValue(runDir)), parse.GetValue(json), context))
        {
            runDir,
            json,
        };
    }

    private static int Run(string runBase, bool json, CliContext context)
    {
        var guests = GuestControl.ListAsync(runBase, GuestCommand.MonitorTimeout).GetAwaiter().GetResult();
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(guests.Select(GuestStatusJson.Of).ToArray(), LifecycleJsonContext.Readable.GuestStatusJsonArray));
            return ExitCodes.Success;
        }
        var rows = guests.Select(g => (g.Name, Pid: g.Pid?.ToString(CultureInfo.InvariantCulture) ?? "-", g.State)).ToList();
        var nameWidth = Math.Max("NAME".Length, rows.Count == 0 ? 0 : rows.Max(r => r.Name.Length));
        var pidWidth = Math.Max("PID".Length, rows.Count == 0 ? 0 : rows.Max(r => r.Pid.Length));
        context.Out.WriteLine($"{"NAME".PadRight(nameWidth)}  {"PID".PadLeft(pidWidth)}  STATE");
        foreach (var (name, pid, state) in rows)
            context.Out.WriteLine($"{name.PadRight(nameWidth)}  {pid.PadLeft(pidWidth)}  {state}");
        return ExitCodes.Success;
    }
}
