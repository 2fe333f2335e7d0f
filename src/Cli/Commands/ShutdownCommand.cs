using System.CommandLine;
using System.CommandLine.Parsing;
using DomainLauncher.Cli.Lifecycle;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.Cli.Commands;

/// <summary>
/// <c>domainlauncher shutdown NAME [--wait] [--timeout S]</c>: presses the guest's ACPI power button
/// (QMP system_powerdown) and returns once the request is sent, as virsh does. With <c>--wait</c> (or
/// <c>--timeout</c>) it waits for QEMU to exit, saying so on standard error, and quits QEMU when the
/// guest ignores the button for the timeout.
/// </summary>
internal static class ShutdownCommand
{
    public const int DefaultTimeoutSeconds = 60;

    public static CliCommand Create()
    {
        var name = GuestCommand.NameArgument();
        var runDir = RunBaseOption.Create();
        var wait = new Option<bool>("--wait")
        {
            Description = $"Wait for the guest to power off; quit QEMU when it has not after --timeout (default {DefaultTimeoutSeconds}) seconds.",
        };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for the guest to power off before QEMU is told to quit (implies --wait).",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
            HelpName = "S",
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0) result.AddError("--timeout must be 0 or more seconds.");
        });
        return new CliCommand(
            "shutdown",
            "Press a launched guest's ACPI power button and return; --wait waits for it to power off, then quits QEMU after --timeout seconds.",
            $"""
            Without --wait the command returns once QEMU has the request; the guest decides when to
            stop (one without an ACPI handler, no OS yet or one that ignores the button, never does:
            use --wait, or destroy). Output: NAME: shutdown requested (pid PID, QMP socket PATH).
            With --wait or --timeout S it writes one line of progress on standard error and waits for
            QEMU to exit, then prints NAME: shutdown (the guest powered off) or NAME: quit (it did not
            within the timeout, so QEMU was told to quit), with its pid and QMP socket. The run
            directory is removed.
            {GuestCommand.ExitStatus}
            """,
            [
                new("Ask a guest to shut down and return", "domainlauncher shutdown example-sound"),
                new("Wait until it is off, up to a minute", "domainlauncher shutdown --wait example-sound"),
                new("Give it 5 seconds", "domainlauncher shutdown --timeout 5 example-sound"),
            ],
            (parse, context) =>
            {
                var runBase = RunBaseOption.Resolve(parse.GetValue(runDir));
                var guest = parse.GetRequiredValue(name);
                var waiting = parse.GetValue(wait) || parse.GetResult(timeout) is OptionResult { Implicit: false };
                if (!waiting)
                    return GuestCommand.Report(GuestControl.RequestPowerDownAsync(runBase, guest, GuestCommand.MonitorTimeout).GetAwaiter().GetResult(),
                        context, GuestCommand.Describe);
                var seconds = parse.GetValue(timeout);
                context.Error.WriteLine($"{guest}: waiting up to {seconds} s for the guest to power off ...");
                return GuestCommand.Report(GuestControl.ShutdownAsync(runBase, guest, TimeSpan.FromSeconds(seconds), GuestCommand.MonitorTimeout)
                    .GetAwaiter().GetResult(), context, GuestCommand.Describe);
            })
        {
            name,
            runDir,
            wait,
            timeout,
        };
    }
}
