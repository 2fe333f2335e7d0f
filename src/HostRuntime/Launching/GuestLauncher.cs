using DomainLauncher.Drivers.Qemu;
using System.Collections.Immutable;
using System.Net.Sockets;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.HostRuntime.Helpers;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Writing;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// Starts a domain's QEMU with its run directory: take the directory's lock (a second launch of the
/// name fails instead of racing), refuse a name whose emulator is alive, clean what a dead one left,
/// build the command line (its monitor is the run directory's QMP socket), start QEMU. Detached
/// (<see cref="LaunchAsync"/>): QEMU daemonizes and outlives us (see <see cref="DetachedEmulator"/>); it runs
/// the guest itself, or, paused, keeps the vCPUs stopped (<c>-S</c>) and is asked its state over QMP. Foreground
/// (<see cref="RunForegroundAsync"/>): QEMU stays our child until it exits or a stop is requested.
/// Every failure leaves no process and no run directory behind.
/// </summary>
public static class GuestLauncher
{
    /// <summary>How long a launch waits for another command on the same name to finish with its lock.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(5);

    /// <summary>How long a helper may take to exit by itself once its QEMU is gone (swtpm saves its state) before it is killed.</summary>
    internal static readonly TimeSpan HelperGrace = TimeSpan.FromSeconds(2);

    public static async Task<LaunchOutcome> LaunchAsync(LaunchRequest request, CancellationToken cancellation = default)
    {
        var diagnostics = new List<Diagnostic>();
        // Nothing is said over QMP before the guest runs, so QEMU may run it itself unless it is to stay paused:
        // no monitor round trip (and no cont, which took QEMU 2 to 18 ms more) between its start and ours.
        var prepared = await PrepareAsync(request, startPaused: request.Paused, diagnostics).ConfigureAwait(false);
        if (prepared is null) return new LaunchOutcome(null, diagnostics);
        var (directory, held, commandLine, helpers, decided) = prepared.Value;
        using var _ = held;
        request.StepDone?.Invoke("run directory locked and prepared, command line built");
        int? pid = null;
        var launched = false;
        try
        {
            if (await StartHelpersAsync(helpers, directory, request, diagnostics, cancellation).ConfigureAwait(false) is null)
                return new LaunchOutcome(null, diagnostics);
            if (helpers.Count > 0) request.StepDone?.Invoke("helpers started");
            // The domain file is written while QEMU sets the guest up, on the other core, rather than before QEMU starts.
            var domainWritten = false;
            var (started, error) = await DetachedEmulator.StartAsync(commandLine.Emulator, commandLine.Args,
                Environment(commandLine), directory, request.Timeout, cancellation,
                meanwhile: () => domainWritten = WriteDomainFile(directory, decided, diagnostics)).ConfigureAwait(false);
            if (error is not null)
            {
                diagnostics.Add(error);
                return new LaunchOutcome(null, diagnostics);
            }
            pid = started!.Value;
            // Not written (refused, or the disk would not take it): the guest is stopped and its directory deleted below.
            if (!domainWritten) return new LaunchOutcome(null, diagnostics);
            string state;
            if (request.Paused)
            {
                request.StepDone?.Invoke("QEMU set the guest up, vCPUs stopped (its -daemonize parent exited)");
                state = await StatusAsync(directory.QmpSocket, request, cancellation).ConfigureAwait(false);
                request.StepDone?.Invoke("QMP answered query-status");
            }
            else
            {
                state = RunningState;
                request.StepDone?.Invoke("QEMU set the guest up and ran its vCPUs (its -daemonize parent exited)");
            }
            launched = true;
            return new LaunchOutcome(new LaunchedGuest(directory.Name, pid.Value, directory.QmpSocket, directory.Path, state), diagnostics);
        }
        catch (Exception e) when (e is QmpProtocolException or QmpCommandException or TimeoutException or IOException or SocketException or OperationCanceledException)
        {
            diagnostics.Add(new Diagnostic(RuntimeDiagnostics.MonitorFailed, Severity.Error,
                $"QEMU (pid {pid}) started but its QMP monitor '{directory.QmpSocket}' failed: {e.Message}; it was stopped", request.Domain.Location));
            return new LaunchOutcome(null, diagnostics);
        }
        finally
        {
            if (!launched)
            {
                if (pid is { } started) await EmulatorLiveness.KillAsync(started, QuitGrace).ConfigureAwait(false);
                await DeleteQuietlyAsync(directory).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Runs the guest as our child until QEMU exits, or until <paramref name="stopRequested"/> fires: then
    /// the guest gets an ACPI power-down, and QEMU a <c>quit</c> when it is still running after
    /// <see cref="LaunchRequest.PowerDownTimeout"/>. <paramref name="started"/> is called once the guest runs.
    /// The lock is held throughout; the run directory is deleted at the end.
    /// </summary>
    public static async Task<ForegroundOutcome> RunForegroundAsync(
        LaunchRequest request, Action<LaunchedGuest> started, CancellationToken stopRequested)
    {
        var diagnostics = new List<Diagnostic>();
        // QEMU stays our child and answers on QMP once set up; the vCPUs run on a cont from there.
        var prepared = await PrepareAsync(request, startPaused: true, diagnostics).ConfigureAwait(false);
        if (prepared is null) return new ForegroundOutcome(false, null, ForegroundEnd.NotStarted, diagnostics);
        var (directory, held, commandLine, helpers, decided) = prepared.Value;
        using var _ = held;
        try
        {
            if (!WriteDomainFile(directory, decided, diagnostics)
                || await StartHelpersAsync(helpers, directory, request, diagnostics, CancellationToken.None).ConfigureAwait(false) is null)
                return new ForegroundOutcome(false, null, ForegroundEnd.NotStarted, diagnostics);
            var start = await EmulatorProcess.StartAsync(new EmulatorStartRequest
            {
                Path = commandLine.Emulator,
                Arguments = [.. commandLine.Args, "-pidfile", directory.PidFile],
                QmpSocketPath = directory.QmpSocket,
                QmpInArguments = true,
                Environment = Environment(commandLine),
                LogFile = directory.LogFile,
                Timeout = request.Timeout,
            }, CancellationToken.None).ConfigureAwait(false);
            if (start.Process is not { } emulator)
            {
                diagnostics.AddRange(start.Diagnostics.Select(d => d with { Code = RuntimeDiagnostics.StartFailed }));
                return new ForegroundOutcome(false, null, ForegroundEnd.NotStarted, diagnostics);
            }
            await using (emulator.ConfigureAwait(false))
            {
                string state;
                try
                {
                    var monitor = GuestMonitor.Over(emulator.Qmp, request.Timeout);
                    if (!request.Paused) await monitor.ContinueAsync().ConfigureAwait(false);
                    state = await monitor.StatusAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is QmpProtocolException or QmpCommandException or TimeoutException or IOException or SocketException)
                {
                    await emulator.KillAsync().ConfigureAwait(false);
                    diagnostics.Add(new Diagnostic(RuntimeDiagnostics.MonitorFailed, Severity.Error,
                        $"QEMU (pid {emulator.ProcessId}) started but its QMP monitor failed: {e.Message}; it was stopped", request.Domain.Location));
                    return new ForegroundOutcome(false, null, ForegroundEnd.NotStarted, diagnostics);
                }
                // The monitor serves one client at a time: let go of it so status, suspend or destroy from
                // other commands get through; a stop request connects again.
                await emulator.Qmp.DisposeAsync().ConfigureAwait(false);
                started(new LaunchedGuest(directory.Name, emulator.ProcessId, directory.QmpSocket, directory.Path, state));

                var stop = Task.Delay(System.Threading.Timeout.Infinite, stopRequested);
                if (await Task.WhenAny(emulator.Exited, stop).ConfigureAwait(false) == emulator.Exited)
                    return new ForegroundOutcome(true, await emulator.Exited.ConfigureAwait(false), ForegroundEnd.Exited, diagnostics);

                var poweredDown = await PowerDownAsync(directory.QmpSocket, emulator.Exited, request).ConfigureAwait(false);
                if (poweredDown) return new ForegroundOutcome(true, await emulator.Exited.ConfigureAwait(false), ForegroundEnd.PoweredDown, diagnostics);
                await QuitQuietlyAsync(directory.QmpSocket, request.Timeout).ConfigureAwait(false);
                await Task.WhenAny(emulator.Exited, Task.Delay(QuitGrace)).ConfigureAwait(false);
                var exit = await emulator.KillAsync().ConfigureAwait(false);
                return new ForegroundOutcome(true, exit, ForegroundEnd.Quit, diagnostics);
            }
        }
        finally
        {
            await DeleteQuietlyAsync(directory).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Starts the guest's helpers (swtpm, virtiofsd) before QEMU, which connects to their sockets as it
    /// starts; null (with the error) when one fails, and then none is left running.
    /// </summary>
    private static async Task<IReadOnlyList<RunningHelper>?> StartHelpersAsync(
        IReadOnlyList<HelperRequest> helpers, RunDirectory directory, LaunchRequest request, List<Diagnostic> diagnostics, CancellationToken cancellation)
    {
        if (helpers.Count == 0) return [];
        var (started, error) = await HelperSet.StartAllAsync(helpers, directory.Path, request.Helpers ?? HelperPrograms.OfThisHost(),
            request.Timeout, cancellation).ConfigureAwait(false);
        if (error is null) return started;
        diagnostics.Add(error);
        return null;
    }

    /// <summary>Presses the power button and waits for QEMU to exit; false when it still runs after the timeout.</summary>
    private static async Task<bool> PowerDownAsync(string socket, Task exited, LaunchRequest request)
    {
        try
        {
            await using var monitor = await GuestMonitor.ConnectAsync(socket, request.Timeout).ConfigureAwait(false);
            await monitor.PowerDownAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is QmpProtocolException or QmpCommandException or TimeoutException or IOException or SocketException)
        {
            // Exited meanwhile, or past answering: the quit that follows settles it.
        }
        return await Task.WhenAny(exited, Task.Delay(request.PowerDownTimeout)).ConfigureAwait(false) == exited;
    }

    internal static async Task QuitQuietlyAsync(string socket, TimeSpan timeout)
    {
        try
        {
            await using var monitor = await GuestMonitor.ConnectAsync(socket, timeout).ConfigureAwait(false);
            await monitor.QuitAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is QmpProtocolException or QmpCommandException or TimeoutException or IOException or SocketException)
        {
            // Gone already or not answering: the caller kills it.
        }
    }

    /// <summary>
    /// Lock, refuse a running name, clean a stale directory, build the command line. Null (with errors) on failure. The
    /// domain with its start-time choices made (<c>Decided</c>) is the caller's to write (<see cref="WriteDomainFile"/>).
    /// </summary>
    private static async Task<(RunDirectory Directory, RunDirectoryLock Lock, QemuCommandLine CommandLine, IReadOnlyList<HelperRequest> Helpers, Translator.Model.Domain Decided)?> PrepareAsync(
        LaunchRequest request, bool startPaused, List<Diagnostic> diagnostics)
    {
        var domain = request.Domain;
        var refusals = LaunchStartDefaults.Refusals(domain);
        if (refusals.Count > 0)
        {
            diagnostics.AddRange(refusals);
            return null;
        }
        if (RunDirectory.For(request.RunBase, domain.Name, diagnostics, domain.Location) is not { } directory) return null;

        RunDirectoryLock? held;
        bool busy;
        try
        {
            (held, busy) = await RunDirectoryLock.AcquireAsync(directory, create: true, LockWait).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(RuntimeDiagnostics.RunDirectoryUnusable, Severity.Error,
                $"the run directory '{directory.Path}' cannot be created: {e.Message}", domain.Location));
            return null;
        }
        if (held is null)
        {
            diagnostics.Add(new Diagnostic(RuntimeDiagnostics.DomainBusy, Severity.Error,
                $"another domainlauncher command is starting or stopping '{domain.Name}' (it holds '{directory.LockFile}')", domain.Location));
            return null;
        }

        if (directory.LivePid() is { } running)
        {
            held.Dispose(); // that guest's directory, not ours to clean
            diagnostics.Add(new Diagnostic(RuntimeDiagnostics.AlreadyRunning, Severity.Error,
                $"'{domain.Name}' is already running (pid {running}, run directory '{directory.Path}')", domain.Location));
            return null;
        }

        var built = false;
        try
        {
            // Whatever a dead emulator left, its helpers first.
            await HelperSet.StopAllAsync(directory.Path, HelperGrace).ConfigureAwait(false);
            directory.DeleteContents();
            // Per-run files (sockets of the monitor, channels, helpers) go to the run directory; UEFI variable
            // stores to the kept state, where the next launch finds them.
            var host = request.Host with
            {
                Monitor = new MonitorSettings { Path = directory.QmpSocket, Listen = true, Json = true },
                StateDirectory = directory.Path,
                LibDirectory = directory.Path,
                NvramDirectory = StateBases.NvramFolder(request.StateBase),
            };
            // Bridges and libvirt networks join through QEMU's bridge helper, or are refused saying how to allow them.
            if (HostNetworks.Resolve(domain, request.Networks ?? HostNetworks.Host.OfThisHost(), diagnostics) is not { } bridged) return null;
            if (LaunchStartDefaults.Apply(bridged, host, diagnostics) is not { } decided) return null;
            // Launch runs QEMU daemonized: the plan gives a guest without graphics -display none, not -nographic.
            // What this emulator or the PC cannot have is refused here, at its element, not by QEMU at start.
            var build = QemuCommandBuilder.Build(decided, request.Emulator, host, request.BuildOptions with { Daemonized = true, RefuseUnfit = true, StartPaused = startPaused });
            diagnostics.AddRange(build.Diagnostics);
            if (build.CommandLine is not { } commandLine) return null;
            // A UEFI variable store that does not exist yet is made from its template before the start.
            var firmwareFiles = Firmware.FirmwareFiles.Prepare(build.Plan?.Firmware, domain.Location);
            diagnostics.AddRange(firmwareFiles);
            if (firmwareFiles.Any(d => d.IsError)) return null;
            // A transient disk's overlay, in the run directory, takes the guest's writes.
            var overlays = await Storage.TransientOverlays.CreateAsync(build.Plan!, Storage.QemuImg.Beside(request.Emulator.Path), request.Timeout, CancellationToken.None).ConfigureAwait(false);
            diagnostics.AddRange(overlays);
            if (overlays.Any(d => d.IsError)) return null;
            built = true;
            return (directory, held, commandLine, HelperRequests.For(build.Plan!, domain.Name, request.StateBase), decided);
        }
        finally
        {
            if (!built)
            {
                await DeleteQuietlyAsync(directory).ConfigureAwait(false);
                held.Dispose();
            }
        }
    }

    /// <summary>
    /// Writes the domain as launched to the run directory: false (with the error) when a value XML cannot carry is
    /// refused at its element rather than written malformed, or when the file cannot be written.
    /// </summary>
    private static bool WriteDomainFile(RunDirectory directory, Translator.Model.Domain decided, List<Diagnostic> diagnostics)
    {
        var written = DomainXmlWriter.TryWrite(decided, decided.Location.File);
        diagnostics.AddRange(written.Diagnostics);
        if (written.Text is null) return false;
        try
        {
            // Written synchronously: the asynchronous write moved a few kilobytes through a thread-pool thread.
            File.WriteAllText(directory.DomainFile, written.Text);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(RuntimeDiagnostics.RunDirectoryUnusable, Severity.Error,
                $"the domain file '{directory.DomainFile}' cannot be written: {e.Message}", decided.Location));
            return false;
        }
    }

    private static ImmutableDictionary<string, string?> Environment(QemuCommandLine commandLine) =>
        commandLine.Environment.ToImmutableDictionary(e => e.Name, e => (string?)e.Value, StringComparer.Ordinal);

    /// <summary>
    /// QMP's run state of a guest QEMU started without <c>-S</c>, once its <c>-daemonize</c> parent exited 0: QEMU
    /// runs the vCPUs (its autostart) before it tells that parent the guest is set up, so <c>query-status</c> says
    /// running from then on (QEMU 7.2). Not asked: under TCG the vCPU thread competes for QEMU's global lock with
    /// the monitor, which reads a byte per main-loop turn, and a QMP round trip then cost 30 to 80 ms of wall time.
    /// </summary>
    private const string RunningState = "running";

    /// <summary>Negotiates QMP and asks the run state of a guest started paused (prelaunch), in one round trip.</summary>
    private static async Task<string> StatusAsync(string socket, LaunchRequest request, CancellationToken cancellation)
    {
        // query-status travels with qmp_capabilities, and QEMU answers them in order.
        var (monitor, values) = await GuestMonitor.ConnectAndExecuteAsync(socket, ["query-status"], request.Timeout, cancellation).ConfigureAwait(false);
        await using (monitor.ConfigureAwait(false))
            return GuestMonitor.StatusOf(values[^1]);
    }

    /// <summary>
    /// Stops the directory's helpers (each gets <see cref="HelperGrace"/> to exit by itself, as it does once
    /// QEMU is gone), then deletes the directory.
    /// </summary>
    internal static async Task DeleteQuietlyAsync(RunDirectory directory)
    {
        try
        {
            await HelperSet.StopAllAsync(directory.Path, HelperGrace).ConfigureAwait(false);
            directory.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a later command finds it stale and cleans it.
        }
    }
}
