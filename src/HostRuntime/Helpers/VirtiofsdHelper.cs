using System.Diagnostics;
using System.Globalization;
using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// Starts virtiofsd for a virtiofs share: it exports the host folder on the vhost-user socket the
/// command line connects to. virtiofsd's own <c>--daemonize</c> detaches only once QEMU has connected,
/// too late to start it before QEMU; so it runs in a session of its own (setsid, so the launch's terminal
/// going away does not hang it up), its output is logged to the run directory while we live, and it is
/// ready once its socket exists. It exits when QEMU disconnects.
/// </summary>
internal static class VirtiofsdHelper
{
    public static async Task<(int? Pid, Diagnostic? Error)> StartAsync(
        VirtiofsdRequest request, string runFolder, HelperPrograms programs, TimeSpan timeout, CancellationToken cancellation)
    {
        var binary = request.Binary?.Path;
        if (programs.VirtiofsdUnavailable(binary) is { } unavailable)
            return (null, Error(binary is null && programs.Virtiofsd is null ? HelperDiagnostics.HelperMissing : HelperDiagnostics.HelperCannotRun,
                request, $"the virtiofs share needs virtiofsd: {unavailable}"));
        var program = binary ?? programs.Virtiofsd!;
        // virtiofsd reads -o as a comma-separated list.
        if (request.SourceFolder.Contains(',', StringComparison.Ordinal))
            return (null, Error(HelperDiagnostics.HelperFailed, request, $"virtiofsd cannot export '{request.SourceFolder}': its -o options cannot hold a comma"));
        if (!Directory.Exists(request.SourceFolder))
            return (null, Error(HelperDiagnostics.HelperFailed, request, $"the shared folder '{request.SourceFolder}' does not exist on this host"));

        var pidFile = HelperFiles.PidFile(runFolder, request);
        try
        {
            StateBases.CreatePrivate(Path.GetDirectoryName(request.Socket)!);
            StateBases.CreatePrivate(HelperFiles.Folder(runFolder));
            File.Delete(request.Socket);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, Error(HelperDiagnostics.StateUnusable, request, $"the folder of its socket cannot be made: {e.Message}"));
        }

        var start = new ProcessStartInfo(programs.Setsid ?? program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // setsid forks when the caller leads a process group, and its parent then exits at once: a launch would take that
        // for virtiofsd dying while virtiofsd runs on, orphaned. --wait keeps the pid recorded alive for virtiofsd's life.
        if (programs.Setsid is not null)
        {
            start.ArgumentList.Add("--wait");
            start.ArgumentList.Add(program);
        }
        foreach (var argument in Arguments(request)) start.ArgumentList.Add(argument);

        var output = new EmulatorOutput(HelperFiles.LogFile(runFolder, request));
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            output.Dispose();
            return (null, Error(HelperDiagnostics.HelperFailed, request, $"'{program}' could not be started: {e.Message}"));
        }
        process.StandardInput.Close();
        process.OutputDataReceived += (_, line) => { if (line.Data is { } text) output.Add(text); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is { } text) output.Add(text); };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => output.Dispose();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var pid = process.Id;
        try
        {
            await File.WriteAllTextAsync(pidFile, pid.ToString(CultureInfo.InvariantCulture) + "\n", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ProcessTree.Kill(pid);
            return (null, Error(HelperDiagnostics.StateUnusable, request, $"its pid file '{pidFile}' cannot be written: {e.Message}"));
        }

        // Our own child: its process handle says whether it exited (no pid reuse to guard against here).
        var ready = await HelperSet.WaitForAsync(() => File.Exists(request.Socket) || process.HasExited, timeout, cancellation).ConfigureAwait(false);
        if (!ready || process.HasExited)
        {
            await HelperSet.StopRecordedAsync(pidFile, runFolder, TimeSpan.Zero).ConfigureAwait(false);
            // Once it has exited, wait for the rest of what it wrote, so the message can say why.
            if (process.WaitForExit(1000)) process.WaitForExit();
            var said = EmulatorOutput.Quote(output.Text);
            return (null, Error(HelperDiagnostics.HelperFailed, request, ready
                ? $"'{program}' exited while starting{said}"
                : $"'{program}' did not listen on '{request.Socket}' within {timeout.TotalSeconds:0.###} s{said}"));
        }
        return (pid, null);
    }

    /// <summary>virtiofsd's options for the share, as both the C and the Rust virtiofsd read them.</summary>
    public static IReadOnlyList<string> Arguments(VirtiofsdRequest request)
    {
        List<string> options = [$"source={request.SourceFolder}"];
        var binary = request.Binary;
        if (binary?.CacheMode is { } cache) options.Add("cache=" + (cache == VirtiofsCacheMode.None ? "none" : "always"));
        if (binary?.SandboxMode is { } sandbox) options.Add("sandbox=" + (sandbox == VirtiofsSandboxMode.Chroot ? "chroot" : "namespace"));
        if (binary?.Xattr is { } xattr) options.Add(xattr ? "xattr" : "no_xattr");
        if (binary?.LockPosix is { } posix) options.Add(posix ? "posix_lock" : "no_posix_lock");
        if (binary?.LockFlock is { } flock) options.Add(flock ? "flock" : "no_flock");
        List<string> arguments = [$"--socket-path={request.Socket}", "-o", string.Join(",", options)];
        if (binary?.ThreadPoolSize is { } threads) arguments.Add(string.Create(CultureInfo.InvariantCulture, $"--thread-pool-size={threads}"));
        return arguments;
    }

    private static Diagnostic Error(DiagnosticCode code, HelperRequest request, string message) =>
        new(code, Severity.Error, $"filesystem '{request.Alias}': {message}", request.Location);
}
