using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// Starts qemu-pr-helper for a guest whose reservations are managed: it listens on the socket the plan names and
/// carries out the guest's SCSI persistent reservations on the host's devices. <c>--daemon</c> returns once the socket
/// listens; it runs until it is stopped with the run directory's other helpers.
/// </summary>
internal static class PrHelperHelper
{
    public static async Task<(int? Pid, Diagnostic? Error)> StartAsync(
        PrHelperRequest request, string runFolder, HelperPrograms programs, TimeSpan timeout, CancellationToken cancellation)
    {
        const string Describe = "<reservations managed='yes'>";
        if (programs.PrHelperUnavailable is { } missing)
            return (null, DaemonizingHelper.Error(HelperDiagnostics.HelperMissing, Describe, request, $"the guest's SCSI reservations need qemu-pr-helper: {missing}"));
        return await DaemonizingHelper.StartAsync(request, runFolder, programs.PrHelper!,
            Arguments(request, HelperFiles.DaemonPidFile(runFolder, request)), Describe, timeout, cancellation).ConfigureAwait(false);
    }

    public static IReadOnlyList<string> Arguments(PrHelperRequest request, string pidFile) =>
        ["--socket", request.Socket, "--pidfile", pidFile, "--daemon"];
}
