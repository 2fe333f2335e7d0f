using System.Collections.Immutable;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CliWrap;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Probing;

/// <summary>
/// Starts a QEMU binary with no machine, paused, with QMP on a unix socket in a private temporary
/// folder, asks it what it supports and tells it to quit. The binary is started directly (CliWrap,
/// never a shell). Whatever goes wrong (missing file, not executable, not QEMU, no answer in time,
/// cancellation) is a diagnostic, and the started process and its children are killed before returning.
/// </summary>
public static class EmulatorProbe
{
    /// <summary>Devices whose properties the probe lists: the ones the command-line builder emits with optional properties.</summary>
    public static readonly ImmutableArray<string> PropertyProbedDevices =
    [
        "virtio-blk-pci", "virtio-net-pci", "virtio-balloon-pci", "virtio-scsi-pci", "scsi-disk", "scsi-hd",
        "scsi-generic", "ide-hd", "ide-drive", "usb-redir", "usb-host", "vfio-pci", "pci-assign", "VGA", "qxl-vga",
    ];

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(2);

    public static async Task<ProbeOutcome> ProbeAsync(string path, TimeSpan timeout, CancellationToken cancellation)
    {
        var where = SourceLocation.OfFile(path);
        if (Directory.Exists(path))
            return Failed(ProbeDiagnostics.EmulatorNotStartable, where, $"'{path}' is a directory, not an emulator binary");
        if (!File.Exists(path))
            return Failed(ProbeDiagnostics.EmulatorNotFound, where, $"'{path}' does not exist");

        var folder = Directory.CreateTempSubdirectory("dl-probe-");
        var socketPath = System.IO.Path.Combine(folder.FullName, "qmp.sock");
        var output = new StringBuilder();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        using var kill = new CancellationTokenSource();
        CommandTask<CommandResult>? running = null;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var command = Cli.Wrap(path)
                .WithArguments(["-machine", "none", "-nodefaults", "-nographic", "-S",
                    "-qmp", $"unix:{socketPath},server=on,wait=off"])
                .WithValidation(CommandResultValidation.None)
                .WithStandardInputPipe(PipeSource.Null)
                .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output))
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(output));
            try
            {
                running = command.ExecuteAsync(kill.Token);
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                return Failed(ProbeDiagnostics.EmulatorNotStartable, where, $"'{path}' could not be started: {Innermost(e).Message}");
            }

            var pid = running.ProcessId;
            var diagnostics = new List<Diagnostic>();
            try
            {
                var stream = await ConnectAsync(socketPath, running.Task, deadline.Token).ConfigureAwait(false);
                if (stream is null)
                {
                    var exit = await running.Task.ConfigureAwait(false);
                    return Failed(ProbeDiagnostics.EmulatorExited, where,
                        $"'{path}' exited with code {exit.ExitCode} before opening its QMP socket{Said(output)}", pid);
                }
                await using var client = await QmpClient.ConnectAsync(stream, timeout, deadline.Token).ConfigureAwait(false);
                var result = await QueryAsync(client, path, timeout, deadline.Token).ConfigureAwait(false);
                await QuitAsync(client, running.Task, timeout, deadline.Token).ConfigureAwait(false);
                return new ProbeOutcome(result, diagnostics, pid);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return Failed(ProbeDiagnostics.ProbeCancelled, where, $"probing '{path}' was cancelled", pid);
            }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException)
            {
                return Failed(ProbeDiagnostics.ProbeTimedOut, where,
                    $"'{path}' did not answer on QMP within {timeout.TotalSeconds:0.###} s (stopped after {stopwatch.Elapsed.TotalSeconds:0.###} s){Said(output)}", pid);
            }
            catch (QmpCommandException e)
            {
                return Failed(ProbeDiagnostics.QmpCommandFailed, where, $"'{path}': {e.Message}", pid);
            }
            catch (Exception e) when (e is QmpProtocolException or IOException or SocketException)
            {
                return Failed(ProbeDiagnostics.QmpProtocolError, where, $"'{path}' does not speak QMP as expected: {e.Message}{Said(output)}", pid);
            }
        }
        finally
        {
            if (running is not null) await StopAsync(running, kill).ConfigureAwait(false);
            try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
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

    private static async Task<ProbeResult> QueryAsync(QmpClient qmp, string path, TimeSpan timeout, CancellationToken deadline)
    {
        var context = QmpJsonContext.Default;
        var version = await qmp.QueryAsync("query-version", null, context.QmpVersionInfo, timeout, deadline).ConfigureAwait(false);
        var target = await qmp.QueryAsync("query-target", null, context.QmpTargetInfo, timeout, deadline).ConfigureAwait(false);
        var commands = await qmp.QueryAsync("query-commands", null, context.QmpCommandInfoArray, timeout, deadline).ConfigureAwait(false);
        var options = await qmp.QueryAsync("query-command-line-options", null, context.QmpCommandLineOptionArray, timeout, deadline).ConfigureAwait(false);
        var devices = await TypesAsync(qmp, "device", timeout, deadline).ConfigureAwait(false);
        var objects = await TypesAsync(qmp, "user-creatable", timeout, deadline).ConfigureAwait(false);
        var accelerators = await TypesAsync(qmp, "accel", timeout, deadline).ConfigureAwait(false);
        var machines = await qmp.QueryAsync("query-machines", null, context.QmpMachineInfoArray, timeout, deadline).ConfigureAwait(false);
        var commandNames = commands.Select(c => c.Name).ToImmutableSortedSet(StringComparer.Ordinal);

        // Targets without CPU models (and builds without KVM) lack these queries: absence is an answer, not a failure.
        var cpus = commandNames.Contains("query-cpu-definitions")
            ? await qmp.QueryAsync("query-cpu-definitions", null, context.QmpCpuDefinitionArray, timeout, deadline).ConfigureAwait(false)
            : [];
        var kvm = commandNames.Contains("query-kvm")
            ? await qmp.QueryAsync("query-kvm", null, context.QmpKvmInfo, timeout, deadline).ConfigureAwait(false)
            : null;

        var properties = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var device in PropertyProbedDevices.Where(devices.Contains))
        {
            var argument = JsonSerializer.SerializeToElement(new QmpTypeNameArgument(device), context.QmpTypeNameArgument);
            var list = await qmp.QueryAsync("device-list-properties", argument, context.QmpPropertyInfoArray, timeout, deadline).ConfigureAwait(false);
            properties[device] = Sorted(list.Select(p => p.Name));
        }

        return new ProbeResult
        {
            Path = path,
            Arch = target.Arch,
            Version = new QemuVersion(version.Qemu.Major, version.Qemu.Minor, version.Qemu.Micro),
            Package = version.Package?.Trim() ?? "",
            Commands = [.. commandNames],
            CommandLineOptions = options
                .Where(o => o.Option.Length > 0)
                .GroupBy(o => o.Option, StringComparer.Ordinal)
                .ToImmutableDictionary(g => g.Key, g => Sorted(g.SelectMany(o => o.Parameters).Select(p => p.Name)), StringComparer.Ordinal),
            DeviceTypes = Sorted(devices),
            ObjectTypes = Sorted(objects),
            Accelerators = Sorted(accelerators.Where(a => a.EndsWith("-accel", StringComparison.Ordinal)).Select(a => a[..^"-accel".Length])),
            DeviceProperties = properties.ToImmutable(),
            Machines = [.. machines.Select(m => new ProbedMachine(m.Name)
            {
                Alias = m.Alias, IsDefault = m.IsDefault ?? false, MaxCpus = m.CpuMax, Deprecated = m.Deprecated ?? false,
            })],
            CpuModels = Sorted(cpus.Select(c => c.Name)),
            KvmBuiltIn = kvm is null ? null : kvm.Present,
        };
    }

    private static async Task<ImmutableHashSet<string>> TypesAsync(QmpClient qmp, string implements, TimeSpan timeout, CancellationToken deadline)
    {
        var argument = JsonSerializer.SerializeToElement(new QmpTypeArguments(implements, Abstract: false), QmpJsonContext.Default.QmpTypeArguments);
        var types = await qmp.QueryAsync("qom-list-types", argument, QmpJsonContext.Default.QmpObjectTypeInfoArray, timeout, deadline).ConfigureAwait(false);
        return types.Where(t => t.Abstract != true).Select(t => t.Name).ToImmutableHashSet(StringComparer.Ordinal);
    }

    /// <summary>Asks QEMU to quit and waits briefly for it to exit; the caller kills it otherwise.</summary>
    private static async Task QuitAsync(QmpClient qmp, Task exited, TimeSpan timeout, CancellationToken deadline)
    {
        try
        {
            await qmp.ExecuteAsync("quit", null, timeout, deadline).ConfigureAwait(false);
        }
        catch (Exception e) when (e is QmpProtocolException or IOException)
        {
            // QEMU may close the socket before the reply reaches us.
        }
        await Task.WhenAny(exited, Task.Delay(QuitGrace, deadline)).ConfigureAwait(false);
    }

    /// <summary>Kills the process and its children unless it has exited, then waits for CliWrap to finish.</summary>
    private static async Task StopAsync(CommandTask<CommandResult> running, CancellationTokenSource kill)
    {
        if (!running.Task.IsCompleted)
        {
            try
            {
                using var process = Process.GetProcessById(running.ProcessId);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // It exited meanwhile.
            }
            await kill.CancelAsync().ConfigureAwait(false);
        }
        try
        {
            await running.Task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // CliWrap reports the kill as a cancellation.
        }
    }

    private static ImmutableArray<string> Sorted(IEnumerable<string> names) => [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static ProbeOutcome Failed(DiagnosticCode code, SourceLocation where, string message, int? pid = null) =>
        new(null, [new Diagnostic(code, Severity.Error, message, where)], pid);

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);

    private static string Said(StringBuilder output)
    {
        var text = output.ToString().Trim();
        if (text.Length == 0) return "";
        if (text.Length > 300) text = text[..300] + "...";
        return $"; it said: {text}";
    }
}
