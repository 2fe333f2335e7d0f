using System.Collections.Immutable;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Probing;

/// <summary>
/// Starts a QEMU binary with no machine, paused, with QMP on a unix socket in a private temporary
/// folder (<see cref="EmulatorProcess"/>), asks it what it supports and tells it to quit, then reads
/// its <c>-help</c> text (<see cref="EmulatorHelp"/>) for what QMP does not tell (a binary that talks
/// QMP but lists no options there is refused, DL6007). Whatever goes
/// wrong (missing file, not executable, not QEMU, no answer in time, cancellation) is a diagnostic, and
/// the started process and its children are gone before this returns.
/// </summary>
public static class EmulatorProbe
{
    /// <summary>Devices whose properties the probe lists: the ones the command-line builder emits with optional properties.</summary>
    public static readonly ImmutableArray<string> PropertyProbedDevices =
    [
        "virtio-blk-pci", "virtio-net-pci", "virtio-balloon-pci", "virtio-scsi-pci", "scsi-disk", "scsi-hd",
        "scsi-generic", "ide-hd", "ide-drive", "usb-redir", "usb-host", "vfio-pci", "pci-assign", "VGA", "qxl-vga", "PIIX4_PM",
    ];

    private static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan HelpMinimum = TimeSpan.FromSeconds(1);

    public static async Task<ProbeOutcome> ProbeAsync(string path, TimeSpan timeout, CancellationToken cancellation)
    {
        var where = SourceLocation.OfFile(path);
        var folder = Directory.CreateTempSubdirectory("dl-probe-");
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var start = await EmulatorProcess.StartAsync(new EmulatorStartRequest
            {
                Path = path,
                Arguments = ["-machine", "none", "-nodefaults", "-nographic", "-S"],
                QmpSocketPath = System.IO.Path.Combine(folder.FullName, "qmp.sock"),
                Timeout = timeout,
            }, cancellation).ConfigureAwait(false);
            if (start.Process is not { } emulator) return new ProbeOutcome(null, start.Diagnostics, start.ProcessId);

            await using (emulator.ConfigureAwait(false))
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                deadline.CancelAfter(timeout - stopwatch.Elapsed is { Ticks: > 0 } left ? left : TimeSpan.Zero);
                try
                {
                    var result = await QueryAsync(emulator.Qmp, path, timeout, deadline.Token).ConfigureAwait(false);
                    await emulator.StopAsync(QuitGrace).ConfigureAwait(false);
                    if (result.KvmBuiltIn == true && !result.AcceleratorCpus.Any(a => a.Accelerator == "kvm")
                        && result.HasCommand("query-cpu-definitions")
                        && await CpuProbe.ProbeKvmAsync(path, result.HasCommand("query-cpu-model-expansion"), timeout, cancellation).ConfigureAwait(false) is { } kvmCpus)
                        result = result with { AcceleratorCpus = [.. result.AcceleratorCpus, kvmCpus] };
                    var remaining = timeout - stopwatch.Elapsed;
                    var (help, error) = await EmulatorHelp.ReadAsync(path, remaining > HelpMinimum ? remaining : HelpMinimum, cancellation).ConfigureAwait(false);
                    if (error is not null) return new ProbeOutcome(null, [error], emulator.ProcessId);
                    return new ProbeOutcome(result with { HelpOptions = help! }, [], emulator.ProcessId);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    return Failed(ProbeDiagnostics.ProbeCancelled, where, $"probing '{path}' was cancelled", emulator.ProcessId);
                }
                catch (Exception e) when (e is OperationCanceledException or TimeoutException)
                {
                    return Failed(ProbeDiagnostics.ProbeTimedOut, where,
                        $"'{path}' did not answer on QMP within {timeout.TotalSeconds:0.###} s (stopped after {stopwatch.Elapsed.TotalSeconds:0.###} s){EmulatorOutput.Quote(emulator.Output)}",
                        emulator.ProcessId);
                }
                catch (QmpCommandException e)
                {
                    return Failed(ProbeDiagnostics.QmpCommandFailed, where, $"'{path}': {e.Message}", emulator.ProcessId);
                }
                catch (Exception e) when (e is QmpProtocolException or IOException or SocketException)
                {
                    return Failed(ProbeDiagnostics.QmpProtocolError, where,
                        $"'{path}' does not speak QMP as expected: {e.Message}{EmulatorOutput.Quote(emulator.Output)}", emulator.ProcessId);
                }
            }
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
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
        // Sorted, once each, as the cache keeps them; looked up by binary search.
        var commandNames = commands.Select(c => c.Name).Distinct(StringComparer.Ordinal).ToArray();
        Array.Sort(commandNames, StringComparer.Ordinal);
        bool Has(string command) => Array.BinarySearch(commandNames, command, StringComparer.Ordinal) >= 0;

        // Targets without CPU models (and builds without KVM) lack these queries: absence is an answer, not a failure.
        var cpus = Has("query-cpu-definitions")
            ? await qmp.QueryAsync("query-cpu-definitions", null, context.QmpCpuDefinitionArray, timeout, deadline).ConfigureAwait(false)
            : [];
        var schema = Has("query-qmp-schema")
            ? await qmp.QueryAsync("query-qmp-schema", null, context.QmpSchemaEntryArray, timeout, deadline).ConfigureAwait(false)
            : [];
        var kvm = Has("query-kvm")
            ? await qmp.QueryAsync("query-kvm", null, context.QmpKvmInfo, timeout, deadline).ConfigureAwait(false)
            : null;

        // The emulator runs under QEMU's default accelerator: KVM when query-kvm says it is enabled, else TCG.
        var accelerator = kvm?.Enabled == true ? "kvm" : "tcg";
        var acceleratorCpus = Has("query-cpu-definitions")
            ? await CpuProbe.QueryAsync(qmp, accelerator, Has("query-cpu-model-expansion"), timeout, deadline).ConfigureAwait(false)
            : null;

        var properties = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
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
            CommandLineOptions = NameTable.Of(options
                .Where(o => o.Option.Length > 0)
                .GroupBy(o => o.Option, StringComparer.Ordinal)
                .Select(g => KeyValuePair.Create(g.Key, Sorted(g.SelectMany(o => o.Parameters).Select(p => p.Name))))),
            DeviceTypes = Sorted(devices),
            ObjectTypes = Sorted(objects),
            Accelerators = Sorted(accelerators.Where(a => a.EndsWith("-accel", StringComparison.Ordinal)).Select(a => a[..^"-accel".Length])),
            DeviceProperties = NameTable.Of(properties),
            // QEMU's own order (stable for a given binary): libvirt lists machines in it, and so do we.
            Machines = [.. machines.Select(m => new ProbedMachine(m.Name)
            {
                Alias = m.Alias, IsDefault = m.IsDefault ?? false, MaxCpus = m.CpuMax, Deprecated = m.Deprecated ?? false,
            })],
            CpuModels = Sorted(cpus.Select(c => c.Name)),
            AcceleratorCpus = acceleratorCpus is null ? [] : [acceleratorCpus],
            KvmBuiltIn = kvm is null ? null : kvm.Present,
            Events = Sorted(schema.Where(e => e.MetaType == "event").Select(e => e.Name)),
            CommandFeatures = NameTable.Of(schema
                .Where(e => e.MetaType == "command" && e.Features is { Length: > 0 })
                .GroupBy(e => e.Name, StringComparer.Ordinal)
                .Select(g => KeyValuePair.Create(g.Key, Sorted(g.SelectMany(e => e.Features!))))),
        };
    }

    private static async Task<ImmutableHashSet<string>> TypesAsync(QmpClient qmp, string implements, TimeSpan timeout, CancellationToken deadline)
    {
        var argument = JsonSerializer.SerializeToElement(new QmpTypeArguments(implements, Abstract: false), QmpJsonContext.Default.QmpTypeArguments);
        var types = await qmp.QueryAsync("qom-list-types", argument, QmpJsonContext.Default.QmpObjectTypeInfoArray, timeout, deadline).ConfigureAwait(false);
        return types.Where(t => t.Abstract != true).Select(t => t.Name).ToImmutableHashSet(StringComparer.Ordinal);
    }

    private static ImmutableArray<string> Sorted(IEnumerable<string> names) => [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static ProbeOutcome Failed(DiagnosticCode code, SourceLocation where, string message, int? pid = null) =>
        new(null, [new Diagnostic(code, Severity.Error, message, where)], pid);
}
