using System.CommandLine;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.Cli.Lifecycle;

/// <summary>
/// The shape of the commands that act on one launched guest by name (status, suspend, resume,
/// shutdown, destroy): a NAME argument, <c>--run-dir</c>, an error and exit 1 for an unknown name,
/// else one line about the guest (or its JSON with <c>--json</c> where offered).
/// </summary>
internal static class GuestCommand
{
    /// <summary>The bound for each QMP command a lifecycle command sends.</summary>
    public static readonly TimeSpan MonitorTimeout = TimeSpan.FromSeconds(10);

    public static Argument<string> NameArgument() => new("NAME") { Description = "The domain's name (its <name>)." };

    public const string ExitStatus = "Exit status: 0 done, 1 no domain of that name is running (or QMP failed; the message says why), 2 wrong usage.";

    /// <summary>Prints the result: the diagnostics on standard error (exit 1), or the guest's line.</summary>
    public static int Report(GuestControlResult result, CliContext context, Func<GuestStatus, string> line)
    {
        if (DiagnosticOutput.Print(result.Diagnostics, context.Error) || result.Guest is not { } guest) return ExitCodes.InvalidInput;
        context.Out.WriteLine(line(guest));
        return ExitCodes.Success;
    }

    /// <summary>Prints a request's answer (with a final newline when <paramref name="newline"/>), or its diagnostics (exit 1).</summary>
    public static int Print(GuestRequestResult result, CliContext context, bool newline)
    {
        if (DiagnosticOutput.Print(result.Diagnostics, context.Error) || result.Text is not { } text) return ExitCodes.InvalidInput;
        context.Out.Write(newline && !text.EndsWith('\n') ? text + "\n" : text);
        return ExitCodes.Success;
    }

    public static string Describe(GuestStatus guest) => $"{guest.Name}: {guest.State} (pid {guest.Pid}, QMP socket {guest.QmpSocket})";
}
