using System.Collections.Immutable;
using System.Net.Sockets;
using CliWrap;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// An emulator we started as our child, with QMP on a unix socket, and own until it is gone. The binary
/// is started directly (CliWrap, an argument list, never a shell). <see cref="StartAsync"/> returns only
/// once QMP is negotiated; whatever goes wrong before that (missing file, not executable, an early exit
/// with QEMU's own error text, no answer in time, cancellation) is a diagnostic, and the process and its
/// children are killed before returning. Disposing stops a process that is still running.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(2);

    private readonly CommandTask<CommandResult> _running;
    private readonly CancellationTokenSource _kill;
    private readonly EmulatorOutput _output;

    private EmulatorProcess(CommandTask<CommandResult> running, CancellationTokenSource kill, EmulatorOutput output, QmpClient qmp, TimeSpan timeout)
    {
        _running = running;
        _kill = kill;
        _output = output;
        Qmp = qmp;
        Timeout = timeout;
        Exited = ObserveExitAsync(running.Task);
    }

    public int ProcessId => _running.ProcessId;

    /// <summary>The negotiated QMP connection (one command at a time).</summary>
    public QmpClient Qmp { get; }

    /// <summary>The bound for each QMP command.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Completes with the exit code when the process has exited (null when we killed it).</summary>
    public Task<int?> Exited { get; }

    public bool HasExited => _running.Task.IsCompleted;

    /// <summary>The last lines the emulator wrote on standard output and error.</summary>
    public string Output => _output.Text;

    /// <summary>The QMP option that <see cref="StartAsync"/> adds for a socket path.</summary>
    public static ImmutableArray<string> QmpArguments(string socketPath) => ["-qmp", $"unix:{QemuSocketPath(socketPath)},server=on,wait=off"];

    public static async Task<EmulatorStartOutcome> StartAsync(EmulatorStartRequest request, CancellationToken cancellation)
    {
        var path = request.Path;
        var where = SourceLocation.OfFile(path);
        if (Directory.Exists(path))
            return Failed(ProbeDiagnostics.EmulatorNotStartable, where, $"'{path}' is a directory, not an emulator binary");
        if (!File.Exists(path))
            return Failed(ProbeDiagnostics.EmulatorNotFound, where, $"'{path}' does not exist");

        var output = new EmulatorOutput(request.LogFile);
        var kill = new CancellationTokenSource();
        CommandTask<CommandResult>? running = null;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(request.Timeout);
        var started = false;
        try
        {
            var command = Cli.Wrap(path)
                .WithArguments([.. request.Arguments, .. (request.QmpInArguments ? [] : QmpArguments(request.QmpSocketPath))])
                .WithEnvironmentVariables(request.Environment)
                .WithValidation(CommandResultValidation.None)
                .WithStandardInputPipe(PipeSource.Null)
                .WithStandardOutputPipe(PipeTarget.ToDelegate(output.Add))
                .WithStandardErrorPipe(PipeTarget.ToDelegate(output.Add));
            try
            {
                running = command.ExecuteAsync(kill.Token);
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                return Failed(ProbeDiagnostics.EmulatorNotStartable, where, $"'{path}' could not be started: {Innermost(e).Message}");
            }

            var pid = running.ProcessId;
            try
            {
                var stream = await ConnectAsync(request.QmpSocketPath, running.Task, deadline.Token).ConfigureAwait(false);
                if (stream is null)
                {
                    var exit = await running.Task.ConfigureAwait(false);
                    return Failed(ProbeDiagnostics.EmulatorExited, where,
                        $"'{path}' exited with code {exit.ExitCode} before opening its QMP socket{EmulatorOutput.Quote(output.Text)}", pid);
                }
                var qmp = await QmpClient.ConnectAsync(stream, request.Timeout, deadline.Token).ConfigureAwait(false);
                started = true;
                return new EmulatorStartOutcome(new EmulatorProcess(running, kill, output, qmp, request.Timeout), [], pid);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return Failed(ProbeDiagnostics.ProbeCancelled, where, $"starting '{path}' was cancelled", pid);
            }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException)
            {
                return Failed(ProbeDiagnostics.ProbeTimedOut, where,
                    $"'{path}' did not answer on QMP within {request.Timeout.TotalSeconds:0.###} s{EmulatorOutput.Quote(output.Text)}", pid);
            }
            catch (Exception e) when (e is QmpProtocolException or IOException or SocketException)
            {
                // QEMU listens on QMP before it opens disks and backends, and greets only once they all
                // opened: a socket that closes without a greeting is most often QEMU exiting on an error.
                if (await ExitedWithinAsync(running.Task, ExitGrace).ConfigureAwait(false) is { } code)
                    return Failed(ProbeDiagnostics.EmulatorExited, where, $"'{path}' exited with code {code} while starting{EmulatorOutput.Quote(output.Text)}", pid);
                return Failed(ProbeDiagnostics.QmpProtocolError, where, $"'{path}' does not speak QMP as expected: {e.Message}{EmulatorOutput.Quote(output.Text)}", pid);
            }
        }
        finally
        {
            if (!started)
            {
                if (running is not null) await ProcessTree.KillAsync(running, kill).ConfigureAwait(false);
                kill.Dispose();
                output.Dispose();
            }
        }
    }

    /// <summary>
    /// Asks QEMU to quit over QMP and waits up to <paramref name="grace"/> (default 3 s) for it to exit,
    /// then kills the process tree. Returns the exit code, null when it had to be killed.
    /// </summary>
    public async Task<int?> StopAsync(TimeSpan? grace = null)
    {
        if (!HasExited)
        {
            try
            {
                await Qmp.ExecuteAsync("quit", null, Timeout, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is QmpProtocolException or IOException or TimeoutException or ObjectDisposedException)
            {
                // QEMU may close the socket before the reply reaches us, or be past answering.
            }
            await Task.WhenAny(_running.Task, Task.Delay(grace ?? QuitGrace)).ConfigureAwait(false);
        }
        return await KillAsync().ConfigureAwait(false);
    }

    /// <summary>Kills the process and its children unless it has exited; returns the exit code, null when killed.</summary>
    public async Task<int?> KillAsync()
    {
        await ProcessTree.KillAsync(_running, _kill).ConfigureAwait(false);
        return await Exited.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await Qmp.DisposeAsync().ConfigureAwait(false);
        _kill.Dispose();
        _output.Dispose();
    }

    private static async Task<int?> ObserveExitAsync(Task<CommandResult> running)
    {
        try
        {
            return (await running.ConfigureAwait(false)).ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null; // CliWrap reports our kill as a cancellation
        }
    }

    /// <summary>The exit code when the process exits within <paramref name="grace"/>, else null.</summary>
    private static async Task<int?> ExitedWithinAsync(Task<CommandResult> running, TimeSpan grace)
    {
        await Task.WhenAny(running, Task.Delay(grace)).ConfigureAwait(false);
        if (!running.IsCompleted) return null;
        try
        {
            return (await running.ConfigureAwait(false)).ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Connects once the socket accepts; null when the process exits first.</summary>
    private static async Task<Stream?> ConnectAsync(string socketPath, Task exited, CancellationToken deadline)
    {
        while (true)
        {
            if (exited.IsCompleted) return null;
            if (File.Exists(socketPath))
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), deadline).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch (SocketException)
                {
                    socket.Dispose(); // bound but not listening yet
                }
            }
            await Task.WhenAny(exited, Task.Delay(PollInterval, deadline)).ConfigureAwait(false);
            deadline.ThrowIfCancellationRequested();
        }
    }

    /// <summary>A comma in the socket path would end QEMU's option value early; QEMU reads a doubled comma as one.</summary>
    private static string QemuSocketPath(string path) => path.Replace(",", ",,", StringComparison.Ordinal);

    private static EmulatorStartOutcome Failed(DiagnosticCode code, SourceLocation where, string message, int? pid = null) =>
        new(null, [new Diagnostic(code, Severity.Error, message, where)], pid);

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
