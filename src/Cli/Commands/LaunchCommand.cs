using System.CommandLine;
using System.Runtime.InteropServices;
using DomainLauncher.Cli.Lifecycle;
using DomainLauncher.Cli.Native;
using DomainLauncher.Drivers.Qemu;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Native;
using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;
using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli.Commands;

/// <summary>
/// <c>domainlauncher launch DOMAIN.xml [--paused] [--foreground] [--emulator PATH] [--allow-tainted]</c>: starts the
/// domain on QEMU with a run directory (see <see cref="GuestLauncher"/>). A tainted domain (raw
/// <c>&lt;qemu:commandline&gt;</c> arguments or environment) is refused unless <c>--allow-tainted</c>. Detached by default: QEMU
/// keeps running after the command returns. With <c>--foreground</c> the command waits for QEMU, turns
/// SIGINT and SIGTERM into an ACPI power-down (then quit after <c>--shutdown-timeout</c>), and exits
/// with QEMU's status.
/// </summary>
internal static class LaunchCommand
{
    /// <summary>The exit status of a foreground run whose QEMU had to be killed (128 + SIGKILL, as a shell reports it).</summary>
    public const int KilledExitStatus = 137;

    internal sealed record Request(
        string File, bool Paused, bool Foreground, string? Emulator, string RunBase, TimeSpan Timeout, TimeSpan ShutdownTimeout,
        QemuAccelerator? Accelerator = null, bool AllowTainted = false, bool AllowUnknown = false, string? StateBase = null);

    public static CliCommand Create()
    {
        var file = new Argument<string>("DOMAIN.xml") { Description = "The domain XML document." };
        var paused = new Option<bool>("--paused") { Description = "Leave the vCPUs stopped after start; QEMU calls that state prelaunch until resume runs them." };
        var foreground = new Option<bool>("--foreground")
        {
            Description = "Stay attached: wait for QEMU, power the guest down on SIGINT/SIGTERM, exit with QEMU's status.",
        };
        var source = EmulatorSource.WithProbe("The QEMU binary to probe and run instead of the domain's <emulator> (a path or a name on PATH).");
        var accel = new Option<string>("--accel")
        {
            Description = "Run under this accelerator. A 'kvm' domain needs a usable /dev/kvm; --accel tcg runs it under TCG (much slower) instead.",
            HelpName = "tcg|kvm",
        };
        accel.AcceptOnlyFromAmong([.. QemuAcceleratorNames.Table.Names]);
        var allowTainted = new Option<bool>("--allow-tainted")
        {
            Description = "Launch a domain with <qemu:commandline> arguments or environment, passing those words to QEMU unchecked (refused without it).",
        };
        var allowUnknown = AllowUnknownOption.Create();
        var runDir = RunBaseOption.Create();
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds QEMU may take to set the guest up and answer on QMP.",
            DefaultValueFactory = _ => 30,
            HelpName = "S",
        };
        var shutdownTimeout = new Option<int>("--shutdown-timeout")
        {
            Description = $"With --foreground: seconds a signalled power-down may take before QEMU is told to quit.",
            DefaultValueFactory = _ => ShutdownCommand.DefaultTimeoutSeconds,
            HelpName = "S",
        };
        foreach (var seconds in (Option<int>[])[timeout, shutdownTimeout])
            seconds.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < 1) result.AddError($"{result.Option.Name} must be at least 1 second.");
            });
        var command = new CliCommand(
            "launch",
            "Start a domain on QEMU and print its name, pid and QMP socket; the guest keeps running after the command returns.",
            $$"""
            The command line is built for the emulator as a probe over QMP describes it (through the
            probe cache; --no-cache probes again), or as --emulator-profile FILE recorded it. A
            'qemu' domain runs under TCG; a 'kvm' domain under KVM when /dev/kvm is usable, else it is
            refused unless --accel tcg. A tainted domain, one with <qemu:commandline> arguments or
            environment (validate warns DL3009), is refused (DL4307): those words go to QEMU unchecked
            and can make it do anything QEMU can (open or write host files, run a helper). Launch one
            only from a trusted document, with --allow-tainted, which passes them on. An element or
            attribute this tool does not understand is refused (DL2010, DL2011): the guest would lack
            it; --allow-unknown launches without it. The run
            directory RUN-DIR/NAME holds qemu.pid, qmp.sock (the guest's QMP monitor), emulator.log
            (what QEMU wrote while starting) and domain.xml (the domain as launched); it exists while
            the guest runs. QEMU runs the guest as soon as it is set up; with --paused its vCPUs
            stay stopped (-S) until resume. Detached, QEMU daemonizes itself once set up; a start
            failure (missing image, rejected option, port in use) is reported with QEMU's own words,
            and leaves no process and no run directory. A VNC display with autoport gets the first
            free port from {{VncPorts.First}}. Helpers start before QEMU and belong to the run directory:
            swtpm for a TPM emulator (its state made by swtpm_setup on first launch and kept in
            STATE/NAME/tpm), virtiofsd for a virtiofs share (as root); status --json lists them, and
            they stop with the guest. A UEFI variable store with no <nvram> file is kept in
            STATE/nvram/NAME_VARS.fd (STATE: $XDG_STATE_HOME/domainlauncher, else
            ~/.local/state/domainlauncher, /var/lib/domainlauncher for root). Interfaces of type bridge,
            and network (the bridge its libvirt definition names), join through QEMU's bridge helper
            when /etc/qemu/bridge.conf allows the bridge; direct is refused. A name whose QEMU runs is
            refused; a run directory whose QEMU died is cleaned first, its helpers stopped.
            Output (standard output): NAME: STATE (pid PID, QMP socket PATH), then one line per
            character device on a pseudo-terminal (PTY: PATH (LABEL)).
            Exit status: 0 started, 1 refused or failed (diagnostics on standard error), 2 wrong
            usage, 70 internal error. With --foreground, QEMU's own exit status once it ends
            (137 when it had to be killed).
            """,
            [
                new("Start a bundled example", "domainlauncher launch examples/guests/virtio-qcow2.xml"),
                new("Start it paused, under another run base", "domainlauncher launch --paused --run-dir /tmp/guests examples/guests/sound.xml"),
                new("Stay attached; Ctrl-C powers the guest down", "domainlauncher launch --foreground examples/guests/watchdog.xml"),
                new("Another QEMU binary", "domainlauncher launch --emulator /opt/qemu/bin/qemu-system-x86_64 examples/guests/two-nics.xml"),
                new("A trusted domain with raw QEMU arguments", "domainlauncher launch --allow-tainted my-tuned-guest.xml"),
            ],
            (parse, context) => Run(new Request(
                parse.GetRequiredValue(file), parse.GetValue(paused), parse.GetValue(foreground), parse.GetValue(source.Emulator!),
                RunBaseOption.Resolve(parse.GetValue(runDir)), TimeSpan.FromSeconds(parse.GetValue(timeout)),
                TimeSpan.FromSeconds(parse.GetValue(shutdownTimeout)),
                parse.GetValue(accel) is { } name && QemuAcceleratorNames.Table.TryParse(name, out var chosen) ? chosen : null,
                parse.GetValue(allowTainted), parse.GetValue(allowUnknown)), context, LaunchEmulator.From(parse, source)))
        {
            file,
            paused,
            foreground,
            accel,
            allowTainted,
            allowUnknown,
            runDir,
            timeout,
            shutdownTimeout,
        };
        source.AddTo(command);
        return command;
    }

    private static int Run(Request request, CliContext context, EmulatorDescriber describe)
    {
        if (!request.Foreground) return RunAsync(request, context, describe, CancellationToken.None).GetAwaiter().GetResult();

        // SIGINT and SIGTERM become a stop request; the handler cancels the default (exit) so we get to power down.
        // A Ctrl-C in a terminal reaches QEMU too (same process group), which then exits on its own.
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return RunAsync(request, context, describe, stop.Token).GetAwaiter().GetResult();
    }

    /// <summary>Loads, refuses what cannot launch, describes the emulator, launches. <paramref name="stop"/> only matters in the foreground.</summary>
    internal static async Task<int> RunAsync(Request request, CliContext context, EmulatorDescriber describe, CancellationToken stop)
    {
        var log = context.Logging.CreateLogger("launch");
        // With --verbose, where the time went (logged at the end, so that logging does not add to it).
        var times = context.Verbose ? new StepTimes() : null;
        try
        {
            return await RunTimedAsync(request, context, describe, times, stop).ConfigureAwait(false);
        }
        finally
        {
            times?.Log(log);
        }
    }

    private static async Task<int> RunTimedAsync(Request request, CliContext context, EmulatorDescriber describe, StepTimes? times, CancellationToken stop)
    {
        times?.Mark("command line parsed");
        var prepared = LaunchPreparation.Load(request.File, request.Emulator, request.AllowUnknown);
        if (DiagnosticOutput.Print(prepared.Diagnostics, context.Error) || prepared.Domain is not { Devices.Emulator: { } path } domain)
            return ExitCodes.InvalidInput;
        times?.Mark("domain read");

        var (emulator, probeDiagnostics) = await describe(path, request.Timeout, CancellationToken.None).ConfigureAwait(false);
        if (DiagnosticOutput.Print(probeDiagnostics, context.Error) || emulator is null) return ExitCodes.InvalidInput;
        times?.Mark($"emulator {path} described");

        // Read from the host only when the domain needs them, as to-native reads them.
        var hostFacts = new HostRuntime.Native.NeededHostFacts(HostSettings.Default);
        var launch = new LaunchRequest
        {
            Domain = domain,
            Emulator = emulator,
            RunBase = request.RunBase,
            // TPM state and UEFI variable stores are kept here across launches ($XDG_STATE_HOME/domainlauncher, ...).
            StateBase = request.StateBase ?? HostRuntime.Helpers.StateBases.ForThisUser(),
            Paused = request.Paused,
            Timeout = request.Timeout,
            PowerDownTimeout = request.ShutdownTimeout,
            Host = hostFacts.For(domain),
            // The library passes raw <qemu:commandline> words on; the command refuses them unless the user said so.
            BuildOptions = new QemuBuildOptions
            {
                // Looked up on the host only for a domain whose command line depends on it.
                KvmUsable = hostFacts.KvmUsableFor(domain, request.Accelerator),
                Accelerator = request.Accelerator,
                RefuseTainted = !request.AllowTainted,
                GeneratedGenerationId = Guid.NewGuid(),
            },
            StepDone = times is null ? null : times.Mark,
        };
        times?.Mark("host read (what the domain needs of it)");
        if (!request.Foreground)
        {
            var outcome = await GuestLauncher.LaunchAsync(launch).ConfigureAwait(false);
            if (Refused(outcome.Diagnostics, context) || outcome.Guest is not { } guest) return ExitCodes.InvalidInput;
            Started(guest, context);
            times?.Mark("guest reported");
            return ExitCodes.Success;
        }

        var run = await GuestLauncher.RunForegroundAsync(launch, guest => Started(guest, context), stop).ConfigureAwait(false);
        if (Refused(run.Diagnostics, context) || !run.Started) return ExitCodes.InvalidInput;
        context.Error.WriteLine(run.End switch
        {
            ForegroundEnd.PoweredDown => $"{domain.Name}: powered down; QEMU exited with status {run.ExitCode}",
            ForegroundEnd.Quit => $"{domain.Name}: did not power down within {request.ShutdownTimeout.TotalSeconds:0} s; QEMU was told to quit " +
                (run.ExitCode is { } code ? $"and exited with status {code}" : "and was killed"),
            _ => $"{domain.Name}: QEMU exited with status {run.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown (killed)"}",
        });
        return run.ExitCode ?? KilledExitStatus;
    }

    /// <summary>
    /// The host settings with what this host offers the domain: <c>&lt;os firmware&gt;</c> (or a flash loader) chooses from its
    /// firmware descriptions, huge pages go to its hugetlbfs mount. Each is read only for a domain that needs it (reading
    /// and parsing the firmware descriptions cost a launch 1.4M instructions).
    /// </summary>
    /// <summary>Prints the diagnostics, and how to launch anyway when the domain was refused as tainted; true when any is an error.</summary>
    private static bool Refused(IReadOnlyList<Diagnostic> diagnostics, CliContext context)
    {
        var failed = DiagnosticOutput.Print(diagnostics, context.Error);
        if (diagnostics.Any(d => d.IsError && d.Code == QemuDiagnostics.Tainted))
            context.Error.WriteLine("launch: the domain is tainted; --allow-tainted launches it with those words, if the document is trusted");
        return failed;
    }

    private static void Started(LaunchedGuest guest, CliContext context)
    {
        context.Out.WriteLine($"{guest.Name}: {guest.State} (pid {guest.Pid}, QMP socket {guest.QmpSocket})");
        foreach (var pty in GuestPseudoTerminals.Of(guest)) context.Out.WriteLine("PTY: " + pty);
        context.Out.Flush();
    }
}
