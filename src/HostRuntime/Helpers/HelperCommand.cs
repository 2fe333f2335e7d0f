using System.Runtime.InteropServices;
using DomainLauncher.HostRuntime.Interop;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// Runs a program to its exit (a daemonizing parent: QEMU's, a helper's; swtpm_setup) with nothing on its
/// input and what it writes collected (and logged when a log file is given), bounded by a timeout: the exit
/// code and its words, or why it did not run to the end. Spawned (<see cref="ProgramSpawn"/>) with its output
/// and error on one pipe, which the calling thread reads while it waits for the exit, both in one <c>poll</c>
/// (the exit seen through a pidfd): no thread is started. <see cref="System.Diagnostics.Process"/> started
/// three or four (its SIGCHLD machinery, a reader per pipe on the thread pool) around each spawn, and each cost
/// its stack's page faults and a hop through a busy host's scheduler.
/// </summary>
internal static unsafe class HelperCommand
{
    /// <summary>How often the exit is looked at where the kernel offers no pidfd (before Linux 5.3).</summary>
    private const int ExitPollMilliseconds = 5;

    private const int ReadSize = 4096;

    /// <summary>How a run ended: <see cref="ExitCode"/> when the program exited, else <see cref="TimedOut"/> (or cancelled) or <see cref="StartFailure"/>.</summary>
    public sealed record Outcome(int? ExitCode, string Output, bool TimedOut, string? StartFailure);

    public static Task<Outcome> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellation) =>
        Task.FromResult(Run(program, arguments, environment: null, logFile: null, timeout, cancellation));

    /// <summary>
    /// Runs <paramref name="program"/>; <paramref name="environment"/> sets (or, with a null value, removes)
    /// variables of this process's environment. A run that times out or is cancelled has its process killed;
    /// a daemon it forked is its caller's to find. Once the program exited, its output is read to its end (a
    /// daemon's standard streams, pointed elsewhere once it is set up, reach it too) until the same deadline.
    /// <paramref name="meanwhile"/>, when given, runs once the program started and before it is waited for: work
    /// of the caller's that then takes none of the time the caller waits.
    /// </summary>
    public static Outcome Run(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment,
        string? logFile, TimeSpan timeout, CancellationToken cancellation, Action? meanwhile = null)
    {
        using var output = new EmulatorOutput(logFile);
        // An infinite timeout (-1 ms) waits as long as poll can in one go, and again after that.
        var deadline = Environment.TickCount64 + (timeout < TimeSpan.Zero ? long.MaxValue / 2 : (long)Math.Min(timeout.TotalMilliseconds, long.MaxValue / 2));
        var pipe = stackalloc int[2];
        if (Posix.Pipe(pipe, Posix.CloseOnExec) != 0)
            return new Outcome(null, "", TimedOut: false, $"no pipe for its output: {Posix.Describe(Marshal.GetLastPInvokeError())}");
        var (pid, error) = ProgramSpawn.Start(program, arguments, environment, pipe[1]);
        Posix.Close(pipe[1]); // the child's copy is the only writer: the pipe ends when the program (and what it forked) let go of it
        if (error != 0)
        {
            Posix.Close(pipe[0]);
            return new Outcome(null, "", TimedOut: false, Posix.Describe(error));
        }

        using var child = new Child(pid);
        meanwhile?.Invoke();
        var exitCode = child.WaitReading(pipe[0], new OutputLines(output), deadline, cancellation);
        if (exitCode is null || cancellation.IsCancellationRequested)
        {
            child.KillAndReap();
            return new Outcome(null, output.Text, TimedOut: true, StartFailure: null);
        }
        return new Outcome(exitCode, output.Text, TimedOut: false, StartFailure: null);
    }

    /// <summary>
    /// A spawned child until it is reaped. Its pid is signalled only while it is ours to signal (not yet reaped,
    /// hence the lock: a cancellation kills from another thread), so a reused pid is never hit.
    /// </summary>
    private sealed class Child(int pid) : IDisposable
    {
        private readonly object _gate = new();
        private readonly int _exitDescriptor = Posix.PidfdOpen(pid);
        private bool _reaped;

        /// <summary>
        /// Reads <paramref name="reader"/> (then closes it) into <paramref name="lines"/> until it ends and the child
        /// exited, or the deadline or a cancellation: the exit code, or null when the child has not exited.
        /// </summary>
        public int? WaitReading(int reader, OutputLines lines, long deadline, CancellationToken cancellation)
        {
            int? exitCode = null;
            var exitSignalled = _exitDescriptor < 0;
            var descriptors = stackalloc Posix.PollDescriptor[2];
            var buffer = stackalloc byte[ReadSize];
            using var cancel = cancellation.Register(KillUnlessReaped);
            try
            {
                while (!cancellation.IsCancellationRequested)
                {
                    if (exitCode is null && exitSignalled) exitCode = TryReap();
                    if (exitCode is not null && reader < 0) break;
                    var left = deadline - Environment.TickCount64;
                    if (left <= 0) break;
                    var count = 0;
                    if (reader >= 0) descriptors[count++] = new() { Descriptor = reader, Events = Posix.PollIn };
                    if (exitCode is null && _exitDescriptor >= 0) descriptors[count++] = new() { Descriptor = _exitDescriptor, Events = Posix.PollIn };
                    var wait = Math.Min(left, exitCode is null && _exitDescriptor < 0 ? ExitPollMilliseconds : int.MaxValue);
                    if (Posix.Poll(descriptors, (nuint)count, (int)wait) < 0)
                    {
                        if (Marshal.GetLastPInvokeError() == Posix.Interrupted) continue;
                        break; // cannot wait (out of memory): as a timeout, the child is killed
                    }
                    for (var i = 0; i < count; i++)
                    {
                        if (descriptors[i].ReturnedEvents == 0) continue;
                        if (descriptors[i].Descriptor == _exitDescriptor)
                        {
                            exitSignalled = true;
                            continue;
                        }
                        var read = Posix.Read(reader, buffer, ReadSize);
                        if (read > 0)
                        {
                            lines.Add(new ReadOnlySpan<byte>(buffer, (int)read));
                        }
                        else if (read == 0 || Marshal.GetLastPInvokeError() != Posix.Interrupted)
                        {
                            lines.Complete();
                            Posix.Close(reader);
                            reader = -1;
                        }
                    }
                }
                return exitCode;
            }
            finally
            {
                if (reader >= 0) Posix.Close(reader);
            }
        }

        /// <summary>The exit code (128 + the signal for a killed child, as .NET and shells say) once it exited, else null.</summary>
        private int? TryReap()
        {
            int status;
            int result;
            lock (_gate)
            {
                if (_reaped) return null;
                do result = Posix.WaitPid(pid, &status, Posix.NoHang);
                while (result < 0 && Marshal.GetLastPInvokeError() == Posix.Interrupted);
                if (result == 0) return null;
                _reaped = true;
            }
            // Reaped by someone else (our SIGCHLD ignored, so the kernel did): exited, its code unknown.
            if (result < 0) return -1;
            var signal = status & 0x7f;
            return signal == 0 ? (status >> 8) & 0xff : 128 + signal;
        }

        private void KillUnlessReaped()
        {
            lock (_gate)
            {
                if (!_reaped) Posix.Kill(pid, Posix.KillSignal);
            }
        }

        /// <summary>Kills the child (a no-op once it exited) and waits for it: no zombie is left behind.</summary>
        public void KillAndReap()
        {
            lock (_gate)
            {
                if (_reaped) return;
                Posix.Kill(pid, Posix.KillSignal);
                int status;
                while (Posix.WaitPid(pid, &status, 0) < 0 && Marshal.GetLastPInvokeError() == Posix.Interrupted)
                {
                }
                _reaped = true;
            }
        }

        public void Dispose()
        {
            if (_exitDescriptor >= 0) Posix.Close(_exitDescriptor);
            KillAndReap();
        }
    }
}
