using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// Starts qemu-storage-daemon serving one raw image as a vhost-user-blk export. Its <c>--daemonize</c> parent exits
/// only once the export listens (or with the reason it could not); it runs until it is stopped with the run
/// directory's other helpers.
/// </summary>
internal static class StorageDaemonHelper
{
    public static async Task<(int? Pid, Diagnostic? Error)> StartAsync(
        StorageDaemonRequest request, string runFolder, HelperPrograms programs, TimeSpan timeout, CancellationToken cancellation)
    {
        var describe = $"disk '{request.Alias}'";
        if (programs.StorageDaemonUnavailable is { } missing)
            return (null, DaemonizingHelper.Error(HelperDiagnostics.HelperMissing, describe, request, $"the vhost-user-blk disk needs a back end: {missing}"));
        if (Arguments(request, HelperFiles.DaemonPidFile(runFolder, request)) is not { } arguments)
            return (null, DaemonizingHelper.Error(HelperDiagnostics.HelperFailed, describe, request, "qemu-storage-daemon's options cannot hold a comma in a path"));
        return await DaemonizingHelper.StartAsync(request, runFolder, programs.StorageDaemon!, arguments, describe, timeout, cancellation).ConfigureAwait(false);
    }

    /// <summary>The daemon's options: a file node, a raw node on it, the export; null when a path holds a comma (keyval lists cannot quote one).</summary>
    public static IReadOnlyList<string>? Arguments(StorageDaemonRequest request, string pidFile)
    {
        if (new[] { request.Image, request.Socket, pidFile }.Any(p => p.Contains(',', StringComparison.Ordinal))) return null;
        var readOnly = request.ReadOnly ? "on" : "off";
        return
        [
            "--blockdev", $"driver=file,node-name=storage,filename={request.Image},read-only={readOnly}",
            "--blockdev", $"driver=raw,node-name=format,file=storage,read-only={readOnly}",
            "--export", $"type=vhost-user-blk,id=export,node-name=format,addr.type=unix,addr.path={request.Socket},writable={(request.ReadOnly ? "off" : "on")}",
            "--pidfile", pidFile,
            "--daemonize",
        ];
    }
}
