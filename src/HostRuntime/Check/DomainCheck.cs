using DomainLauncher.Drivers.Qemu;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Net.Sockets;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.HostRuntime.Helpers;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Check;

/// <summary>
/// The live check of a domain: substitute the host-side backends this host cannot provide
/// (<see cref="HostSubstitution"/>, scratch files in the check's temporary folder), build the real command
/// line, the builder refusing before launch what this QEMU or this machine cannot have
/// (<c>QemuBuildOptions.RefuseUnfit</c>), start the emulator paused (<c>-S</c>,
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
        var programs = request.Helpers ?? HelperPrograms.OfThisHost();
        try
        {
            var domain = request.Domain;
            var options = new QemuBuildOptions { KvmUsable = request.KvmUsable, GeneratedGenerationId = Guid.NewGuid() };
            var substitutions = request.Substitutions.ToBuilder();
            HostSubstitutionResult? substitution = null;
            if (request.SubstituteHostBackends)
            {
                substitution = HostSubstitution.Apply(domain, request.Emulator, folder.FullName, request.KvmUsable, programs,
                    vsockUsable: File.Exists("/dev/vhost-vsock"));
                if (substitution.Domain is not { } substituted) return Failed(substitution.Diagnostics, null);
                domain = substituted;
                options = substitution.BuildOptions;
                substitutions.AddRange(substitution.Substitutions.Select(s => $"{s.Device}: {s.Original} -> {s.Replacement}"));
            }
            var host = HostSubstitution.HostFor(request.Host, folder.FullName);
            // The builder refuses, before launch and at each element, what this QEMU or this machine cannot
            // have, and raw arguments check cannot vouch for (unless the user allowed them), rather than let QEMU fail on them.
            options = options with { RefuseUnfit = true, RefuseTainted = !request.AllowTainted };
            var built = QemuCommandBuilder.Build(domain, request.Emulator, host, options);
            if (built.CommandLine is not { } commandLine) return Failed(built.Diagnostics, null);
            var qemuImg = request.QemuImgPath ?? Storage.QemuImg.Beside(request.Emulator.Path);
            var firmwareFiles = Firmware.FirmwareFiles.Prepare(built.Plan?.Firmware, where);
            if (firmwareFiles.Any(d => d.IsError)) return Failed(firmwareFiles, null);
            if (substitution is not null)
            {
                var created = await ScratchFiles.CreateAsync(substitution, qemuImg,
                    request.Timeout, cancellation).ConfigureAwait(false);
                if (created.Any(d => d.IsError)) return Failed(created, null);
            }
            // A transient disk's overlay goes on the (scratch) image, in the scratch folder.
            var overlays = await Storage.TransientOverlays.CreateAsync(built.Plan!, qemuImg,
                request.Timeout, cancellation).ConfigureAwait(false);
            if (overlays.Any(d => d.IsError)) return Failed(overlays, null);

            // The devices to look for are the ones the builder planned, with its aliases and addresses.
            var plan = built.Plan!;
            if (!plan.UseDevice)
            {
                return Failed([new Diagnostic(CheckDiagnostics.NeedsDeviceSyntax, Severity.Error,
                    $"'{request.Emulator.Path}' has no -device (capability 'device'), so QEMU gives its devices no ids to look up", where)], null);
            }
            var expected = ExpectedDevices.From(domain, plan);

            // The helpers the plan needs (swtpm, virtiofsd) run on the scratch folder, never on the domain's kept state.
            var helpers = HelperRequests.For(plan, domain.Name, folder.FullName)
                .Select(h => h is SwtpmRequest swtpm ? swtpm with { Manufacture = false } : h)
                .Concat(substitution?.StorageExports ?? []).ToList();
            if (ThrowawayPassphrases(helpers, where) is { } passphraseError) return Failed([passphraseError], null);
            if (await StartHelpersAsync(helpers, folder.FullName, programs, request.Timeout, cancellation).ConfigureAwait(false) is { } helperError)
                return Failed([helperError], null);
            var clock = Stopwatch.StartNew();
            var start = await StartAsync(commandLine, folder.FullName, request.Timeout, cancellation).ConfigureAwait(false);
            if (start.Process is null && plan.Accelerator == QemuAccelerator.Kvm)
            {
                // A host with /dev/kvm may still be unable to run what the domain asks for (nested KVM
                // refusing a host CPU's MSRs, say). QEMU's reason is kept; the guest hardware is checked under TCG.
                var reason = string.Join("; ", start.Diagnostics.Where(d => d.IsError).Select(d => d.Message));
                var kvmFailed = new Diagnostic(CheckDiagnostics.KvmCouldNotRun, Severity.Warning,
                    $"'{commandLine.Emulator}' could not run the domain under KVM: {reason}", domain.Location);
                domain = domain with { Type = Translator.Model.DomainType.Qemu };
                var rebuilt = QemuCommandBuilder.Build(domain, request.Emulator, host, options with { Accelerator = QemuAccelerator.Tcg });
                if (rebuilt.CommandLine is not { } tcgCommandLine) return Failed([kvmFailed, .. rebuilt.Diagnostics], start.ProcessId);
                substitutions.Add($"domain: kvm (KVM acceleration) -> tcg: KVM could not run it ({reason})");
                built = rebuilt with { Diagnostics = [kvmFailed, .. rebuilt.Diagnostics] };
                commandLine = tcgCommandLine;
                expected = ExpectedDevices.From(domain, rebuilt.Plan!);
                // swtpm ends with the QEMU that connected to it: fresh helpers for the second start.
                if (await StartHelpersAsync(helpers, folder.FullName, programs, request.Timeout, cancellation).ConfigureAwait(false) is { } retryError)
                    return Failed([kvmFailed, retryError], start.ProcessId);
                clock.Restart();
                start = await StartAsync(commandLine, folder.FullName, request.Timeout, cancellation).ConfigureAwait(false);
            }
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
                    Domain = domain.Name,
                    Emulator = commandLine.Emulator,
                    Substitutions = substitutions.ToImmutable(),
                    Rows = DeviceMatcher.Match(expected, inventory),
                    Timings = new CheckTimings(started, listed, clock.Elapsed),
                };
                return new DomainCheckOutcome(report, expected, inventory, built.Diagnostics, emulator.ProcessId)
                {
                    CommandLine = commandLine,
                    EmulatorOutput = emulator.Output,
                };
            }
        }
        finally
        {
            await HelperSet.StopAllAsync(folder.FullName, HelperGrace).ConfigureAwait(false);
            try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>How long a helper may take to exit by itself once the checked QEMU is gone.</summary>
    private static readonly TimeSpan HelperGrace = TimeSpan.FromSeconds(1);

    /// <summary>
    /// An encrypted TPM state is read with the passphrase in the secret folder, which for a check is the scratch folder's:
    /// a random passphrase there encrypts the scratch state, so swtpm runs its encryption as the launch would.
    /// </summary>
    private static Diagnostic? ThrowawayPassphrases(IEnumerable<HelperRequest> helpers, SourceLocation where)
    {
        foreach (var path in helpers.OfType<SwtpmRequest>().Select(s => s.EncryptionPassphraseFile).OfType<string>())
        {
            try
            {
                Helpers.StateBases.CreatePrivate(Path.GetDirectoryName(path)!);
                // Made readable by its user only before the passphrase is in it.
                var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using var file = new StreamWriter(path, options);
                file.Write(Convert.ToHexString(Interop.Posix.RandomBytes(32)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new Diagnostic(CheckDiagnostics.ScratchImageFailed, Severity.Error, $"the TPM's throwaway passphrase could not be written to '{path}': {e.Message}", where);
            }
        }
        return null;
    }

    /// <summary>Stops any helpers of the folder, then starts the given ones; the error of the first that fails, else null.</summary>
    private static async Task<Diagnostic?> StartHelpersAsync(
        IReadOnlyList<HelperRequest> helpers, string folder, HelperPrograms programs, TimeSpan timeout, CancellationToken cancellation)
    {
        if (helpers.Count == 0) return null;
        await HelperSet.StopAllAsync(folder, HelperGrace).ConfigureAwait(false);
        var (_, error) = await HelperSet.StartAllAsync(helpers, folder, programs, timeout, cancellation).ConfigureAwait(false);
        return error;
    }

    private static Task<EmulatorStartOutcome> StartAsync(QemuCommandLine commandLine, string folder, TimeSpan timeout, CancellationToken cancellation) =>
        EmulatorProcess.StartAsync(new EmulatorStartRequest
        {
            Path = commandLine.Emulator,
            Arguments = commandLine.Args,
            Environment = commandLine.Environment.ToImmutableDictionary(e => e.Name, e => (string?)e.Value),
            QmpSocketPath = Path.Combine(folder, "qmp.sock"),
            Timeout = timeout,
        }, cancellation);

    private static DomainCheckOutcome Failed(IReadOnlyList<Diagnostic> diagnostics, int? pid) => new(null, [], null, diagnostics, pid);
}
