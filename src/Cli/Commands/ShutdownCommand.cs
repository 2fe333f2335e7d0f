using System.CommandLine;
using DomainLauncher.Cli.Lifecycle;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.Cli.Commands;

/// <summary>
/// <c>domainlauncher shutdown NAME [--timeout S]</c>: presses the guest's ACPI power button (QMP
/// system_powerdown) and waits for QEMU to exit; when the guest ignores it for the timeout, quits QEMU.
/// </summary>
internal static class ShutdownCommand
{
    public const int DefaultTimeoutSeconds = 60;

    public static CliCommand Create()
    {
        var name = GuestCommand.NameArgument();
        var runDir = RunBaseOption.Create();
        var timeout = new Option<int>("--timeout")
        {
            Description = $"Seconds to wait for the guest to power off before QEMU is told to quit.",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
            HelpName = "S",
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0) result.AddError("--timeout must be 0 or more seconds.");
        });
        return new CliCommand(
            "shutdown",
            "Power a launched guest down gracefully (ACPI power button), then quit QEMU if the guest ignores it for --timeout seconds.",
            $"""
            The command waits for QEMU to exit. A guest without an ACPI handler (no OS yet, or an
            OS that ignores the button) is stopped with QMP quit after the timeout.
            Output (standard output): NAME: shutdown (the guest powered off) or NAME: quit (it
            did not within the timeout), with its pid and QMP socket. The run directory is removed.
            {GuestCommand.ExitStatus}
            """,
            [
                new("Shut a guest down, waiting up to a minute", "domainlauncher shutdown example-sound"),
                new("Give it 5 seconds", "domainlauncher shutdown --timeout 5 example-sound"),
            ],
            (parse, context) => GuestCommand.Report(
                GuestControl.ShutdownAsync(RunBaseOption.Resolve(parse.GetValue(runDir)), parse.GetRequiredValue(name),
                    TimeSpan.FromSeconds(parse.GetValue(timeout)), GuestCommand.MonitorTimeout).GetAwaiter().GetResult(),
                context, GuestCommand.Describe))
        {
            name,
            runDir,
            timeout,
        };
    }
}
