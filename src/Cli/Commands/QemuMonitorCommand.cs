using System.CommandLine;
using DomainLauncher.Cli.Lifecycle;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.Cli.Commands;

/// <summary>
/// <c>domainlauncher qemu-monitor-command NAME [--hmp] COMMAND</c>: sends one command to a running
/// guest's monitor, as <c>virsh qemu-monitor-command</c>: a QMP command object (or bare name), or with
/// <c>--hmp</c> a human monitor command line, through QMP's human-monitor-command.
/// </summary>
internal static class QemuMonitorCommand
{
    public static CliCommand Create()
    {
        var name = GuestCommand.NameArgument();
        var words = new Argument<string[]>("COMMAND")
        {
            CustomParser = WordsArgument.Parse,
            Description = "The command: a QMP object ('{\"execute\": \"query-status\"}') or name, or with --hmp an HMP command line (its words are joined by spaces).",
            Arity = ArgumentArity.OneOrMore,
        };
        var hmp = new Option<bool>("--hmp") { Description = "COMMAND is a human monitor (HMP) command line, e.g. 'info status'." };
        var runDir = RunBaseOption.Create();
        return new CliCommand(
            "qemu-monitor-command",
            "Send one QMP command (or with --hmp one HMP command line) to a running guest's monitor and print the answer.",
            $$"""
            QMP: the answer is {"return": ...} on one line; QEMU's error is DL6500 with its class and
            description. --hmp: the answer is HMP's text. The command reaches QEMU unchecked: it can do
            anything the monitor can (quit, change media, migrate).
            {{GuestCommand.ExitStatus}}
            """,
            [
                new("Ask QEMU for the run state", "domainlauncher qemu-monitor-command example-sound '{\"execute\": \"query-status\"}'"),
                new("The same through HMP", "domainlauncher qemu-monitor-command example-sound --hmp info status"),
            ],
            (parse, context) => GuestCommand.Print(
                GuestControl.MonitorCommandAsync(RunBaseOption.Resolve(parse.GetValue(runDir)), parse.GetRequiredValue(name),
                    string.Join(' ', parse.GetRequiredValue(words)), parse.GetValue(hmp), GuestCommand.MonitorTimeout).GetAwaiter().GetResult(),
                context, newline: true))
        {
            name,
            words,
            hmp,
            runDir,
        };
    }
}
