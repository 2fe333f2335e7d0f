using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.HostRuntime.CapabilitiesXml;
using System.Collections.Immutable;
using System.CommandLine;
using DomainLauncher.Drivers.Qemu;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Cli.Native;
using DomainLauncher.HostRuntime.Check;
using DomainLauncher.HostRuntime.Native;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;
using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli.Commands;

/// <summary>
/// <c>domainlauncher check DOMAIN.xml [--emulator PATH | --emulator-profile FILE] [--json] [--allow-tainted]</c>: probes the emulator, starts it
/// paused with the domain's real command line, asks it over QMP whether every guest-visible device
/// exists, prints a found/missing table (or JSON), and stops it. Exit 0 only when every device is found.
/// </summary>
internal static class CheckCommand
{
    private const int DefaultTimeoutSeconds = 30;

    public static CliCommand Create()
    {
        var file = new Argument<string>("DOMAIN.xml") { Description = "The domain XML document." };
        var source = EmulatorSource.WithProbe(
            "The QEMU binary to probe and start instead of the domain's <emulator> (a path or a name on PATH).");
        var json = new Option<bool>("--json") { Description = "Print the report as JSON instead of a table." };
        var asIs = new Option<bool>("--as-is")
        {
            Description = "Run on the host resources the domain names (images, networks, sockets, KVM): no substitution.",
        };
        var allowTainted = new Option<bool>("--allow-tainted")
        {
            Description = "Check a domain with <qemu:commandline> arguments or environment, passing those words to QEMU unchecked (refused without it).",
        };
        var allowUnknown = AllowUnknownOption.Create();
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds the emulator may take to start, and each QMP question after that.",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
            HelpName = "SECONDS",
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 600) result.AddError("--timeout takes 1 to 600 seconds.");
        });
        var command = new CliCommand(
            "check",
            "Start the domain's emulator paused and check that every guest-visible device of the domain exists in it.",
            """
            The emulator (the domain's <emulator>, or --emulator) is probed first, through the probe
            cache (--no-cache bypasses it); --emulator-profile FILE takes a recorded probe instead and
            starts the domain's <emulator>. The capabilities decide the command line. Host-side backends this host cannot be assumed to provide are
            substituted, each substitution listed: disk images by scratch images of the same format
            (null-co for block devices and network disks), host networks by user networking with the
            same NIC model and MAC, character device endpoints by sockets or files in a private
            temporary folder, shared folders by empty folders, KVM by TCG when /dev/kvm is unusable,
            VNC by a unix socket. What has no stand-in (host PCI/USB devices, smartcards on host
            hardware) and what this QEMU lacks (device types, machine types, CPU models) is refused
            before launch, naming it. --as-is skips the substitution. QEMU is started in the
            foreground, paused (-S), with QMP and the monitor on sockets in that folder, and is
            stopped before the command ends; the folder is removed.

            A tainted domain, one with <qemu:commandline> arguments or environment (validate warns
            DL3009), is refused (DL4307): those words go to QEMU unchecked and can make it do
            anything QEMU can, which a check cannot vouch for; untrusted documents are safe to check
            only without them. --allow-tainted passes them on, for a trusted document. An element or
            attribute this tool does not understand is refused (DL2010, DL2011); --allow-unknown
            checks the domain without it.

            For each disk, cdrom, interface, serial, parallel, console, channel, controller, video,
            sound, watchdog, memballoon, USB input, hub, redirdev, filesystem and smartcard, the check
            asks QEMU (query-block, query-pci, query-chardev, qom-list, qom-get) for the device id,
            its type, its PCI address, MAC address, block device and medium, and chardev.

            Output (standard output): the domain and emulator, the host substitutions made, then one
            row per device: KIND DEVICE EXPECTATION RESULT (found|MISSING) DETAIL, and a total with
            timings. --json: {"domain", "emulator", "substitutions": [...], "allFound", "found",
            "missing", "devices": [{"kind", "device", "expectation", "found", "detail"}], "timings"}.
            Diagnostics (standard error): FILE:LINE:COL: error|warning CODE: MESSAGE, including
            QEMU's own words when it refuses to start.
            Exit status: 0 every device found, 1 a device is missing or the domain could not be
            built or started, 2 wrong usage, 70 internal error.
            """,
            [
                new("Check a bundled example", "domainlauncher check examples/headless-qemu.xml"),
                new("Use another QEMU binary, report as JSON", "domainlauncher check --emulator /usr/bin/qemu-system-x86_64 --json guest.xml"),
                new("A trusted domain with raw QEMU arguments", "domainlauncher check --allow-tainted my-tuned-guest.xml"),
            ],
            (parse, context) => Run(parse, source, new Request(parse.GetRequiredValue(file), parse.GetValue(json), parse.GetValue(asIs),
                TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(allowTainted), parse.GetValue(allowUnknown)), context))
        {
            file,
            json,
            asIs,
            allowTainted,
            allowUnknown,
            timeout,
        };
        source.AddTo(command);
        return command;
    }

    /// <summary>What the user asked: the file and the options beside the emulator source.</summary>
    private sealed record Request(string File, bool Json, bool AsIs, TimeSpan Timeout, bool AllowTainted, bool AllowUnknown);

    private static int Run(ParseResult parse, EmulatorSource source, Request request, CliContext context)
    {
        using var interrupted = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // Stop QEMU and clean up before exiting, rather than dying with the child still around.
            e.Cancel = true;
            interrupted.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return RunAsync(parse, source, request, context, interrupted.Token).GetAwaiter().GetResult();
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> RunAsync(ParseResult parse, EmulatorSource source, Request request, CliContext context, CancellationToken cancellation)
    {
        var (file, json, asIs, timeout, allowTainted, allowUnknown) = request;
        var log = context.Logging.CreateLogger("check");
        log.LogDebug("reading {File}", file);
        var parsed = UnknownContent.ForUse(DomainLoader.LoadFile(InputFiles.Disk, file), allowUnknown);
        if (DiagnosticOutput.Print(parsed.Diagnostics, context.Error) || parsed.Domain is not { } domain) return ExitCodes.InvalidInput;
        if (QemuDomainTypes.Refusal(domain, file, "check") is { } notQemu)
        {
            DiagnosticOutput.Print([notQemu], context.Error);
            return ExitCodes.InvalidInput;
        }

        // --emulator replaces the domain's <emulator>; --emulator-profile describes the domain's own binary.
        var resolved = await source.ResolveForDomainAsync(parse, domain.Devices.Emulator, cancellation).ConfigureAwait(false);
        if (resolved is null || DiagnosticOutput.Print(resolved.Diagnostics, context.Error) || resolved.Description is not { } emulator)
            return ExitCodes.InvalidInput;
        var emulatorPath = parse.GetValue(source.Emulator!) is not null ? emulator.Path : domain.Devices.Emulator ?? emulator.Path;
        domain = domain with { Devices = domain.Devices with { Emulator = emulatorPath } };
        emulator = emulator with { Path = emulatorPath };
        log.LogDebug("emulator {Path} {Version}, capabilities: {Capabilities}", emulator.Path, emulator.Version, emulator.Capabilities);

        var outcome = await DomainCheck.RunAsync(new DomainCheckRequest
        {
            Domain = domain,
            SubstituteHostBackends = !asIs,
            KvmUsable = HostKvm.IsUsable(),
            Emulator = emulator,
            DomainFile = file,
            Timeout = timeout,
            AllowTainted = allowTainted,
            // <os firmware> chooses from this host's firmware descriptions.
            Host = HostRuntime.Firmware.HostFirmware.With(HostSettings.Default),
        }, cancellation).ConfigureAwait(false);
        if (outcome.CommandLine is { } commandLine)
            log.LogDebug("started {Emulator} {Arguments}", commandLine.Emulator, string.Join(' ', commandLine.Args));
        var failed = DiagnosticOutput.Print(outcome.Diagnostics, context.Error);
        if (outcome.Diagnostics.Any(d => d.IsError && d.Code == QemuDiagnostics.Tainted))
            context.Error.WriteLine("check: the domain is tainted; --allow-tainted checks it with those words, if the document is trusted");
        if (failed || outcome.Report is not { } report) return ExitCodes.InvalidInput;

        if (json)
            context.Out.WriteLine(report.ToJson());
        else
            context.Out.Write(report.ToTable(TerminalWidth.ForStandardOutput()));
        return report.AllFound ? ExitCodes.Success : ExitCodes.InvalidInput;
    }
}
