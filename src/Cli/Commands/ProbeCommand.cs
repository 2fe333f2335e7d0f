using System.CommandLine;
using System.Globalization;
using DomainLauncher.Cli.Native;
using DomainLauncher.HostRuntime.Native;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.HostRuntime.Profiles;
using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli.Commands;

/// <summary>
/// <c>domainlauncher probe [--emulator PATH | --emulator-profile FILE] [--json] [--no-cache] [--record FILE]</c>:
/// asks a QEMU binary what it can do (over QMP, with no guest, and from its <c>-help</c>), through the
/// probe cache, and prints it for a person or as the profile document; <c>--record</c> writes the
/// profile that <c>--emulator-profile</c> replays.
/// </summary>
internal static class ProbeCommand
{
    private const int Width = 76;

    public static CliCommand Create()
    {
        var source = EmulatorSource.WithProbe();
        var json = new Option<bool>("--json")
        {
            Description = "Print the profile document (JSON) instead of the summary.",
        };
        var record = new Option<string>("--record")
        {
            Description = "Also write the profile document to FILE, for --emulator-profile.",
            HelpName = "FILE",
        };
        var command = new CliCommand(
            "probe",
            "Ask a QEMU binary what it can do and print its capabilities, or record them as a profile.",
            $"""
            The binary is started with no guest (-machine none, -nodefaults, paused) and questioned
            over QMP (version, commands, options, device and object types, device properties, machine
            types, CPU models, accelerators, the QMP schema), then run once with -help for the options
            QMP never describes. Each answer is bounded by --probe-timeout (default {EmulatorProber.DefaultTimeout.TotalSeconds:0} s); the
            process is always gone when the command ends. Results are cached by the binary's path,
            size and modification time in $DL_CACHE_DIR, else $XDG_CACHE_HOME/domainlauncher/probe,
            else ~/.cache/domainlauncher/probe; --no-cache probes again (and replaces the entry).

            Output (standard output): version, package, architecture, accelerators, default machine,
            machines with their aliases, the number of CPU models, the capability names (libvirt's, then
            the modern ones) and the notable legacy options the binary lacks. --json: the profile
            document ("format": "{EmulatorProfile.FormatName}", "version": {EmulatorProfile.CurrentVersion}).
            Diagnostics (standard error): FILE: error CODE: MESSAGE (DL6xxx).
            Exit status: 0 probed, 1 the binary could not be probed (missing, not executable, not QEMU,
            no answer in time) or the profile could not be read or written, 2 wrong usage, 70 internal error.
            """,
            [
                new("Probe the default QEMU", "domainlauncher probe"),
                new("Probe a given binary again, ignoring the cache", "domainlauncher probe --emulator /usr/bin/qemu-system-x86_64 --no-cache"),
                new("Record a profile and build a command line from it later",
                    "domainlauncher probe --record qemu.json && domainlauncher to-native qemu-argv --emulator-profile qemu.json guest.xml"),
                new("Show a recorded profile", "domainlauncher probe --emulator-profile profiles/qemu-7.2-x86_64.json"),
                new("The machine types of the probed QEMU, for a program", "domainlauncher probe --json | jq -r '.probe.machines[].name'"),
            ],
            (parse, context) => Run(parse, source, parse.GetValue(json), parse.GetValue(record), context))
        {
            json,
            record,
        };
        source.AddTo(command);
        return command;
    }

    private static int Run(ParseResult parse, EmulatorSource source, bool json, string? record, CliContext context)
    {
        var log = context.Logging.CreateLogger("probe");
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true; // stop the probe (and kill the emulator) rather than die with it running
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        EmulatorSourceResult resolved;
        try
        {
            resolved = source.ResolveAsync(parse, probeByDefault: true, cancel.Token).GetAwaiter().GetResult()
                ?? throw new InvalidOperationException("probeByDefault gave no emulator source");
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
        if (DiagnosticOutput.Print(resolved.Diagnostics, context.Error) || resolved.Profile is not { } profile)
            return ExitCodes.InvalidInput;
        log.LogDebug("{Path}: {Source}", profile.Binary.Path, resolved.FromCache ? "from the probe cache" : "probed");

        if (record is not null && DiagnosticOutput.Print(EmulatorProfileFile.Write(profile, record), context.Error))
            return ExitCodes.InvalidInput;
        if (json)
            context.Out.Write(EmulatorProfileFile.ToJson(profile));
        else
            WriteSummary(profile, resolved.FromCache, context.Out);
        return ExitCodes.Success;
    }

    private static void WriteSummary(EmulatorProfile profile, bool fromCache, TextWriter output)
    {
        var probe = profile.Probe;
        var description = profile.Describe();
        var when = profile.ProbedAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        output.WriteLine($"emulator:        {probe.Path}");
        output.WriteLine($"probed:          {when}{(fromCache ? " (from the probe cache)" : "")}");
        output.WriteLine($"version:         {probe.Version}");
        output.WriteLine($"package:         {(probe.Package.Length == 0 ? "(none)" : probe.Package)}");
        output.WriteLine($"arch:            {probe.Arch}");
        output.WriteLine($"accelerators:    {(probe.Accelerators.IsEmpty ? "(none)" : string.Join(", ", probe.Accelerators))}");
        output.WriteLine($"default machine: {(probe.DefaultMachine is { } d ? Machine(d) : "(none)")}");
        output.WriteLine($"machines ({probe.Machines.Length}):");
        foreach (var line in Wrapped(probe.Machines.OrderBy(m => m.Name, StringComparer.Ordinal).Select(Machine), "  ")) output.WriteLine(line);
        output.WriteLine($"cpu models:      {probe.CpuModels.Length}");

        var capabilities = description.Capabilities;
        var legacy = capabilities.Where(c => !ProbeCapabilityRules.Modern.Contains(c)).Select(QemuCapabilityNames.Name).ToList();
        var modern = capabilities.Where(ProbeCapabilityRules.Modern.Contains).Select(QemuCapabilityNames.Name).ToList();
        output.WriteLine($"capabilities ({legacy.Count}, libvirt names):");
        foreach (var line in Wrapped(legacy, "  ")) output.WriteLine(line);
        output.WriteLine($"modern capabilities ({modern.Count}): {(modern.Count == 0 ? "(none)" : string.Join(", ", modern))}");
        var absent = ProbeCapabilityRules.NotableLegacy.Where(l => !capabilities.Has(l.Capability))
            .Select(l => $"{l.Option} ({QemuCapabilityNames.Name(l.Capability)})").ToList();
        output.WriteLine($"legacy options absent ({absent.Count}):");
        foreach (var line in Wrapped(absent, "  ")) output.WriteLine(line);
    }

    private static string Machine(ProbedMachine machine)
    {
        var notes = new List<string>();
        if (machine.Alias is { } alias) notes.Add($"alias {alias}");
        if (machine.IsDefault) notes.Add("default");
        if (machine.Deprecated) notes.Add("deprecated");
        return notes.Count == 0 ? machine.Name : $"{machine.Name} ({string.Join(", ", notes)})";
    }

    /// <summary>Items joined by ", " in lines of at most <see cref="Width"/> characters.</summary>
    private static IEnumerable<string> Wrapped(IEnumerable<string> items, string indent)
    {
        var line = "";
        foreach (var item in items)
        {
            if (line.Length > 0 && indent.Length + line.Length + item.Length + 2 > Width)
            {
                yield return indent + line + ",";
                line = "";
            }
            line = line.Length == 0 ? item : line + ", " + item;
        }
        if (line.Length > 0) yield return indent + line;
    }
}
