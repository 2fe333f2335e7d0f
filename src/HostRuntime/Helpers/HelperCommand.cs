using System.Diagnostics;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// Runs a program to its exit (a daemonizing parent: QEMU's, a helper's; swtpm_setup) with nothing on its
/// input and what it writes collected (and logged when a log file is given), bounded by a timeout: the exit
/// code and its words, or why it did not run to the end. Started with <see cref="Process"/> and waited for on
/// the calling thread, not through an asynchronous pipeline: the parent's exit is the one thing to wait for,
/// and each asynchronous hop (pipe copies, exit notification, continuation) waited for a free core on a busy host.
/// </summary>
internal static class HelperCommand
{
    /// <summary>How a run ended: <see cref="ExitCode"/> when the program exited, else <see cref="TimedOut"/> (or cancelled) or <see cref="StartFailure"/>.</summary>
    public sealed record Outcome(int? ExitCode, string Output, bool TimedOut, string? StartFailure);

    public static Task<Outcome> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellation) =>
        Task.FromResult(Run(program, arguments, environment: null, logFile: null, timeout, cancellation));

    /// <summary>
    /// Runs <paramref name="program"/>; <paramref name="environment"/> sets (or, with a null value, removes)
    /// variables of this process's environment. A run that times out or is cancelled has its process killed;
    /// a daemon it forked is its caller's to find.
    /// </summary>
    public static Outcome Run(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment,
        string? logFile, TimeSpan timeout, CancellationToken cancellation)
    {
        using var output = new EmulatorOutput(logFile);
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => { if (line.Data is { } text) output.Add(text); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is { } text) output.Add(text); };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return new Outcome(null, output.Text, TimedOut: false, StartFailure: (e.InnerException ?? e).Message);
        }
        process.StandardInput.Close(); // the program reads nothing: standard input at its end
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        bool exited;
        using (cancellation.Register(() => KillQuietly(process)))
            exited = process.WaitForExit(timeout) && !cancellation.IsCancellationRequested;
        if (!exited)
        {
            KillQuietly(process);
            return new Outcome(null, output.Text, TimedOut: true, StartFailure: null);
        }
        // Until both pipes reach their end, which a daemon's standard streams, pointed elsewhere once it is set up, do too.
        process.WaitForExit();
        return new Outcome(process.ExitCode, output.Text, TimedOut: false, StartFailure: null);
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }
}
