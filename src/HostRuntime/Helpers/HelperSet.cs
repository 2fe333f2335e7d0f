using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// The helpers of one run directory, started before QEMU and stopped with it: <see cref="StartAllAsync"/>
/// starts each in turn and, when one fails, stops those already started (a failed launch leaves none);
/// <see cref="StopAllAsync"/> stops every helper the directory records, whatever path the guest ended by
/// (destroy, shutdown, QEMU exiting or killed and found dead later).
/// </summary>
public static class HelperSet
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    /// <summary>Starts every helper; on the first failure stops the ones started and returns its error.</summary>
    public static async Task<(IReadOnlyList<RunningHelper> Started, Diagnostic? Error)> StartAllAsync(
        IReadOnlyList<HelperRequest> requests, string runFolder, HelperPrograms programs, TimeSpan timeout, CancellationToken cancellation)
    {
        var started = new List<RunningHelper>();
        foreach (var request in requests)
        {
            var (pid, error) = request switch
            {
                SwtpmRequest swtpm => await SwtpmHelper.StartAsync(swtpm, runFolder, programs, timeout, cancellation).ConfigureAwait(false),
                VirtiofsdRequest virtiofsd => await VirtiofsdHelper.StartAsync(virtiofsd, runFolder, programs, timeout, cancellation).ConfigureAwait(false),
                PrHelperRequest prHelper => await PrHelperHelper.StartAsync(prHelper, runFolder, programs, timeout, cancellation).ConfigureAwait(false),
                StorageDaemonRequest storage => await StorageDaemonHelper.StartAsync(storage, runFolder, programs, timeout, cancellation).ConfigureAwait(false),
                _ => throw new InvalidOperationException($"unknown helper {request.Kind}"),
            };
            if (error is not null)
            {
                await StopAllAsync(runFolder, TimeSpan.Zero).ConfigureAwait(false);
                return ([], error);
            }
            started.Add(new RunningHelper(request.Kind, request.Alias, pid!.Value));
        }
        return (started, null);
    }

    /// <summary>
    /// Stops every helper recorded in the run directory: each gets <paramref name="grace"/> to exit by itself
    /// (they do once QEMU is gone), then SIGKILL. True when none is left.
    /// </summary>
    public static async Task<bool> StopAllAsync(string runFolder, TimeSpan grace)
    {
        var folder = HelperFiles.Folder(runFolder);
        if (!Directory.Exists(folder)) return true;
        var stopped = true;
        // The launcher's records, and the daemons' own pid files: a launch that ended between a daemon's start and its
        // record leaves only the daemon's.
        foreach (var pidFile in Directory.EnumerateFiles(folder, "*.pid").Concat(Directory.EnumerateFiles(folder, "*.daemon-pid")).ToList())
            stopped &= await StopRecordedAsync(pidFile, runFolder, grace).ConfigureAwait(false);
        return stopped;
    }

    internal static async Task<bool> StopRecordedAsync(string pidFile, string runFolder, TimeSpan grace)
    {
        if (PidFiles.Read(pidFile) is not { } pid) return true;
        // Not "return when it no longer belongs to the run": a helper on its way out (QEMU gone) has empty
        // arguments until it is reaped, so it would count as stopped while still alive. HasLeft waits for it.
        if (await WaitForAsync(() => HelperFiles.HasLeft(pid, runFolder), grace, CancellationToken.None).ConfigureAwait(false)) return true;
        ProcessTree.Kill(pid);
        return await WaitForAsync(() => HelperFiles.HasLeft(pid, runFolder), KillWait, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Polls until the condition holds; false when it still does not after <paramref name="timeout"/>.</summary>
    internal static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline || cancellation.IsCancellationRequested) return false;
            await Task.Delay(PollInterval, CancellationToken.None).ConfigureAwait(false);
        }
        return true;
    }
}
