using DomainLauncher.HostRuntime.CapabilitiesXml;
using DomainLauncher.HostRuntime.Native;
using DomainLauncher.Translator.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli.Commands;

/// <summary>
/// <c>domainlauncher capabilities</c>: prints the host capabilities document (<c>&lt;capabilities&gt;</c>)
/// as <c>virsh capabilities</c> does: the host CPU and one guest per arch that an emulator on PATH runs.
/// </summary>
internal static class CapabilitiesCommand
{
    public static CliCommand Create() => new(
        "capabilities",
        "Print the host capabilities (libvirt's capabilities XML): the host CPU and the guests the QEMU emulators on PATH can run.",
        """
        The host CPU comes from /proc/cpuinfo (arch, vendor, topology, CPU flags as features).
        Every qemu-system-*, qemu-kvm and kvm on PATH is probed once (in parallel, 30 s each at most);
        each arch gets one <guest> from the first emulator for it (qemu-system-TARGET first),
        with its canonical machines (plus alias entries), and domain types qemu, and kvm only
        when /dev/kvm opens read-write. Emulators that cannot be probed are left out with a
        warning on standard error.

        Output (standard output): <capabilities> in libvirt's layout.
        Exit status: 0 printed (even with no emulator found), 2 wrong usage, 70 internal error.
        """,
        [
            new("The host capabilities", "domainlauncher capabilities"),
            new("Which archs this host can run", "domainlauncher capabilities | grep \"<arch name=\""),
        ],
        (_, context) => Run(context));

    private static int Run(CliContext context)
    {
        var log = context.Logging.CreateLogger("capabilities");
        var host = HostFactsReader.Read();
        var cpu = HostCpuReader.Read(host.Arch);
        var emulators = EmulatorLocator.AllOnPath();
        log.LogDebug("emulators on PATH: {Emulators}", string.Join(", ", emulators));

        var outcomes = Task.WhenAll(emulators.Select(e => DomCapabilitiesCommand.ProbeEmulatorAsync(e, CancellationToken.None)))
            .GetAwaiter().GetResult();
        foreach (var (emulator, outcome) in emulators.Zip(outcomes))
        {
            if (outcome.Succeeded) continue;
            var reasons = string.Join("; ", outcome.Diagnostics.Where(d => d.IsError).Select(d => d.Message));
            context.Error.WriteLine(new Diagnostic(CapabilitiesXmlDiagnostics.EmulatorSkipped, Severity.Warning,
                $"'{emulator}' is left out: {reasons}", SourceLocation.OfFile(emulator)).Format());
        }

        var capabilities = HostCapabilitiesBuilder.Build(cpu, host, outcomes.Select(o => o.Profile?.Probe).OfType<HostRuntime.Probing.ProbeResult>());
        var (text, refusal) = HostCapabilitiesWriter.TryWrite(capabilities, SourceLocation.OfFile(string.Join(", ", emulators)));
        if (DiagnosticOutput.Print(refusal is null ? [] : [refusal], context.Error) || text is null) return ExitCodes.InvalidInput;
        context.Out.Write(text);
        return ExitCodes.Success;
    }
}
