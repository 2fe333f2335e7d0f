using System.Collections.Immutable;
using System.Diagnostics;
using System.Net.Sockets;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Probing;
using DomainLauncher.Drivers.Qemu.Runtime;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Check;

/// <summary>
/// The live check of a domain: build its real command line, start the emulator paused (<c>-S</c>,
/// in the foreground, QMP on a unix socket in a private temporary folder that also holds the
/// monitor socket), list what devices QEMU created (<see cref="QmpInventory"/>), match them against
/// what the domain asks for (<see cref="ExpectedDevices"/>, <see cref="DeviceMatcher"/>), quit. The
/// emulator and the folder are gone when this returns, whatever happened.
/// </summary>
public static class DomainCheck
{
    private static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(3);

    public static async Task<DomainCheckOutcome> RunAsync(DomainCheckRequest request, CancellationToken cancellation)
    {
        var where = SourceLocation.OfFile(request.DomainFile);
        var folder = Directory.CreateTempSubdirectory("dl-check-");
        try
        {
            var host = request.Host with
            {
                LibDirectory = folder.FullName,
                StateDirectory = folder.FullName,
                Monitor = request.Host.Monitor with { Path = Path.Combine(folder.FullName, "monitor.sock") },
            };
            var options = QemuBuildOptions.Default;
            var built = QemuCommandBuilder.Build(request.Domain, request.Emulator, host, options);
            if (built.CommandLine is not { } commandLine) return Failed(built.Diagnostics, null);

            var plan = QemuPlanner.Plan(request.Domain, request.Emulator, host, options);
            if (!plan.UseDevice)
            {
                return Failed([new Diagnostic(CheckDiagnostics.NeedsDeviceSyntax, Severity.Error,
                    $"'{request.Emulator.Path}' has no -device (capability 'device'), so QEMU gives its devices no ids to look up", where)], null);
            }
            var expected = ExpectedDevices.From(new QemuContext(request.Domain, request.Emulator, host, options, plan));

            var clock = Stopwatch.StartNew();
            var start = await EmulatorProcess.StartAsync(new EmulatorStartRequest
            {
                Path = commandLine.Emulator,
                Arguments = commandLine.Args,
                Environment = commandLine.Environment.ToImmutableDictionary(e => e.Name, e => (string?)e.Value),
                QmpSocketPath = Path.Combine(folder.FullName, "qmp.sock"),
                Timeout = request.Timeout,
            }, cancellation).ConfigureAwait(false);
            var started = clock.Elapsed;
            if (start.Process is not { } emulator) return Failed([.. built.Diagnostics, .. start.Diagnostics], start.ProcessId) with { Expected = expected, CommandLine = commandLine };

            await using (emulator.ConfigureAwait(false))
            {
                DeviceInventory inventory;
                clock.Restart();
                try
                {
                    inventory = await QmpInventory.CollectAsync(emulator.Qmp, expected, request.Timeout, cancellation).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    return Failed([new Diagnostic(CheckDiagnostics.CheckCancelled, Severity.Error, $"checking '{request.DomainFile}' was cancelled", where)], emulator.ProcessId) with { CommandLine = commandLine };
                }
                catch (Exception e) when (e is OperationCanceledException or TimeoutException)
                {
                    return Failed([new Diagnostic(CheckDiagnostics.InventoryTimedOut, Severity.Error,
                        $"'{commandLine.Emulator}' did not list its devices within {request.Timeout.TotalSeconds:0.###} s: {e.Message}", where)], emulator.ProcessId) with { CommandLine = commandLine };
                }
                catch (Exception e) when (e is QmpCommandException or QmpProtocolException or IOException or SocketException)
                {
                    return Failed([new Diagnostic(CheckDiagnostics.InventoryFailed, Severity.Error,
                        $"'{commandLine.Emulator}' could not list its devices: {e.Message}", where)], emulator.ProcessId) with { CommandLine = commandLine };
                }
                var listed = clock.Elapsed;
                clock.Restart();
                await emulator.StopAsync(QuitGrace).ConfigureAwait(false);
                var report = new DeviceCheckReport
                {
                    Domain = request.Domain.Name,
                    Emulator = commandLine.Emulator,
                    Substitutions = request.Substitutions,
                    Rows = DeviceMatcher.Match(expected, inventory),
                    Timings = new CheckTimings(started, listed, clock.Elapsed),
                };
                return new DomainCheckOutcome(report, expected, inventory, built.Diagnostics, emulator.ProcessId) { CommandLine = commandLine };
            }
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static DomainCheckOutcome Failed(IReadOnlyList<Diagnostic> diagnostics, int? pid) => new(null, [], null, diagnostics, pid);
}
