using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Drivers.Qemu.Native;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// The domain a launch starts, before any emulator is probed: read from its file, with the binary
/// the caller insists on in place of its <c>&lt;emulator&gt;</c>, and refused when it cannot launch
/// here (<see cref="LaunchStartDefaults.Refusals"/>) or names no emulator at all. Refusing first
/// means no QEMU is started for a domain that could not run anyway.
/// </summary>
public static class LaunchPreparation
{
    /// <summary>The domain to launch, or null; <see cref="LaunchDomain.Diagnostics"/> holds every diagnostic found, warnings included.</summary>
    public static LaunchDomain Load(string file, string? emulatorOverride, bool allowUnknown = false)
    {
        var loaded = UnknownContent.ForUse(DomainLoader.LoadFile(InputFiles.Disk, file), allowUnknown);
        var diagnostics = new List<Diagnostic>(loaded.Diagnostics);
        if (diagnostics.Any(d => d.IsError) || loaded.Domain is not { } domain) return new(null, diagnostics);
        if (emulatorOverride is { } path) domain = domain with { Devices = domain.Devices with { Emulator = path } };
        var refusals = LaunchStartDefaults.Refusals(domain);
        diagnostics.AddRange(refusals);
        if (refusals.Any(d => d.IsError)) return new(null, diagnostics);
        // A bridge this host cannot give the guest is refused now, before any emulator is probed.
        if (Helpers.HostNetworks.Resolve(domain, Helpers.HostNetworks.Host.OfThisHost(), diagnostics) is null) return new(null, diagnostics);
        if (domain.Devices.Emulator is null)
        {
            diagnostics.Add(new Diagnostic(EmulatorChoiceDiagnostics.NoEmulator, Severity.Error,
                "the domain names no <emulator>; give one with --emulator PATH", SourceLocation.OfFile(file)));
            return new(null, diagnostics);
        }
        return new(domain, diagnostics);
    }
}
