using DomainLauncher.Drivers.Qemu.Capabilities;
using System.CommandLine;
using DomainLauncher.Cli.Native;
using DomainLauncher.HostRuntime.CapabilitiesXml;
using DomainLauncher.HostRuntime.Native;
using DomainLauncher.HostRuntime.Profiles;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli.Commands;

/// <summary>
/// <c>domainlauncher domcapabilities [--emulator PATH] [--arch A] [--machine M] [--virttype qemu|kvm]</c>:
/// prints the domain capabilities document (<c>&lt;domainCapabilities&gt;</c>) of one emulator, as
/// <c>virsh domcapabilities</c> does, from a probe of the binary and the facts of this host.
/// </summary>
internal static class DomCapabilitiesCommand
{
    private static readonly string[] VirtTypes = ["qemu", "kvm"];

    public static CliCommand Create()
    {
        var source = EmulatorSource.WithProbe(
            "The QEMU binary. Default: qemu-system-ARCH on PATH for --arch or this host's arch (qemu-kvm or kvm for the host's arch).");
        var arch = new Option<string>("--arch")
        {
            Description = "The guest arch in libvirt's spelling (x86_64, i686, aarch64, ...). Default: the emulator's.",
            HelpName = "ARCH",
        };
        var machine = new Option<string>("--machine")
        {
            Description = "A machine type or its alias (q35, pc-i440fx-7.2). Default: the emulator's default machine.",
            HelpName = "MACHINE",
        };
        var virtType = new Option<string>("--virttype")
        {
            Description = "The hypervisor type. Default: kvm when /dev/kvm is usable and the emulator has KVM, else qemu.",
            HelpName = "qemu|kvm",
        };
        virtType.AcceptOnlyFromAmong(VirtTypes);
        var command = new CliCommand(
            "domcapabilities",
            "Print what an emulator offers a domain (libvirt's domain capabilities XML): machine, vCPU limit, firmware, disk buses, host device passthrough.",
            """
            The emulator is started once with no guest and asked over QMP what it has (machines,
            devices, options, accelerators), unless the probe cache holds its answer (--no-cache) or
            --emulator-profile gives a recorded one; firmware images come from QEMU's firmware description
            files (/etc/qemu/firmware, /usr/share/qemu/firmware) and are listed only when they exist.

            Output (standard output): <domainCapabilities> with path, domain, machine (canonical),
            arch, vcpu max, os/loader (firmware values, type and readonly enums), devices/disk
            (diskDevice, bus) and devices/hostdev (mode, startupPolicy, subsysType, capsType,
            pciBackend), in libvirt's layout. Diagnostics (standard error): FILE: error CODE: MESSAGE.
            Exit status: 0 printed; 1 the emulator cannot be probed (missing, not QEMU, no answer
            within 10 s), has no such machine or arch, or --virttype kvm where KVM is not usable;
            2 wrong usage; 70 internal error.
            """,
            [
                new("The document for this host's default emulator and machine", "domainlauncher domcapabilities"),
                new("For a given binary, the q35 machine, plain emulation",
                    "domainlauncher domcapabilities --emulator /usr/bin/qemu-system-x86_64 --machine q35 --virttype qemu"),
                new("For 32-bit x86 guests (qemu-system-i386 on PATH)", "domainlauncher domcapabilities --arch i686"),
            ],
            (parse, context) => Run(parse, source, new Request(parse.GetValue(arch), parse.GetValue(machine), parse.GetValue(virtType)), context))
        {
            arch,
            machine,
            virtType,
        };
        source.AddTo(command);
        return command;
    }

    /// <summary>An emulator's probe result for the capabilities commands, through the probe cache.</summary>
    internal static Task<ProfileOutcome> ProbeEmulatorAsync(string path, CancellationToken cancellation) =>
        EmulatorProber.ProbeAsync(path, ProbeCache.Default(), EmulatorProber.DefaultTimeout, cancellation);

    private sealed record Request(string? Arch, string? Machine, string? VirtType);

    private static int Run(ParseResult parse, EmulatorSource source, Request request, CliContext context)
    {
        var log = context.Logging.CreateLogger("domcapabilities");
        var host = HostFactsReader.Read();
        log.LogDebug("host {Arch}: KVM usable {Kvm}, VFIO usable {Vfio}, {Count} firmware descriptions",
            host.Arch, host.KvmUsable, host.VfioUsable, host.Firmware.Length);

        var given = EmulatorSource.Given(parse.CommandResult, source.Profile) || parse.GetValue(source.Emulator!) is not null;
        var emulator = EmulatorLocator.OnPathFor(request.Arch ?? host.Arch, host.Arch);
        if (!given && emulator is null)
        {
            var arch = request.Arch ?? host.Arch;
            context.Error.WriteLine(new Diagnostic(CapabilitiesXmlDiagnostics.NoEmulatorFound, Severity.Error,
                $"no emulator for {arch} guests on PATH (looked for qemu-system-{GuestArchitectures.QemuTargetOf(arch)}" +
                (arch == host.Arch ? ", qemu-kvm, kvm" : "") + "); name one with --emulator",
                SourceLocation.OfFile("domcapabilities")).Format());
            return ExitCodes.InvalidInput;
        }

        log.LogDebug("emulator {Emulator}", emulator);
        var outcome = source.ResolveForDomainAsync(parse, emulator, CancellationToken.None).GetAwaiter().GetResult();
        if (outcome is null || DiagnosticOutput.Print(outcome.Diagnostics, context.Error) || outcome.Profile is not { Probe: var probe })
            return ExitCodes.InvalidInput;

        var built = DomainCapabilitiesBuilder.Build(probe, host, new DomainCapabilitiesRequest
        {
            Arch = request.Arch,
            Machine = request.Machine,
            VirtType = request.VirtType is { } type && DomainTypeXml.Table.TryParse(type, out var parsed) ? parsed : null,
        });
        if (DiagnosticOutput.Print(built.Diagnostics, context.Error) || built.Value is not { } capabilities)
            return ExitCodes.InvalidInput;
        var (text, refusal) = DomainCapabilitiesWriter.TryWrite(capabilities, SourceLocation.OfFile(capabilities.Path));
        if (DiagnosticOutput.Print(refusal is null ? [] : [refusal], context.Error) || text is null) return ExitCodes.InvalidInput;
        context.Out.Write(text);
        return ExitCodes.Success;
    }
}
