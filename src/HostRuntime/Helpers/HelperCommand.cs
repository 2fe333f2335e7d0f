using CliWrap;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// Runs a helper program to its exit (a daemonizing parent, swtpm_setup) with nothing on its input and what it
/// writes collected, bounded by a timeout: the exit code and its words, or why it did not run to the end.
/// </summary>
internal static class HelperCommand
{
    /// <summary>How a run ended: <see cref="ExitCode"/> when the program exited, else <see cref="TimedOut"/> or <see cref="StartFailure"/>.</summary>
    public sealed record Outcome(int? ExitCode, string Output, bool TimedOut, string? StartFailure);

    public static async Task<Outcome> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellation)
    {
        using var output = new EmulatorOutput(logFile: null);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            var result = await Cli.Wrap(program).WithArguments(arguments)
                .WithValidation(CommandResultValidation.None)
                .WithStandardInputPipe(PipeSource.Null)
                .WithStandardOutputPipe(PipeTarget.ToDelegate(output.Add))
                .WithStandardErrorPipe(PipeTarget.ToDelegate(output.Add))
                .ExecuteAsync(deadline.Token).ConfigureAwait(false);
            return new Outcome(result.ExitCode, output.Text, TimedOut: false, StartFailure: null);
        }
        catch (OperationCanceledException)
        {
            return new Outcome(null, output.Text, TimedOut: true, StartFailure: null);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return new Outcome(null, output.Text, TimedOut: false, StartFailure: (e.InnerException ?? e).Message);
        }
    }
}
