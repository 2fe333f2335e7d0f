using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Native;

/// <summary>
/// Describes the emulator a domain will run under, from what the tool was told (no binary is
/// probed): the binary is the domain's <c>&lt;emulator&gt;</c>, else the one the host capabilities
/// give for its architecture and hypervisor type; the architecture is the domain's, else the host's
/// default for its OS type, else the <c>qemu-system-ARCH</c> suffix of the binary's name; the
/// machine types come from the host capabilities when given. Capabilities: the given set, else
/// <see cref="DefaultQemuCapabilities"/>. With a recorded emulator (<c>--emulator-profile</c>), its
/// capabilities, machines, default machine, CPU models and version are used instead; the binary is
/// still the domain's (the profile's own only when the domain names none), the architecture the
/// domain's, else the profile's.
/// </summary>
public static class EmulatorResolver
{
    private const string SystemEmulatorPrefix = "qemu-system-";

    public static EmulatorDescription? Describe(
        Domain domain, QemuCapabilitySet? capabilities, HostSettings host, string domainFile, List<Diagnostic> diagnostics,
        EmulatorDescription? recorded = null)
    {
        var hostCaps = host.Capabilities;
        var osType = domain.Os?.Type ?? OsType.Hvm;
        var arch = domain.Os?.Arch ?? hostCaps?.DefaultGuestArch(osType, domain.Type) ?? recorded?.Arch;
        var path = domain.Devices.Emulator
            ?? (arch is null ? null : hostCaps?.FindGuest(osType, arch)?.EmulatorFor(domain.Type))
            ?? recorded?.Path;
        if (path is null)
        {
            diagnostics.Add(new Diagnostic(EmulatorChoiceDiagnostics.NoEmulator, Severity.Error,
                "the domain names no <emulator> and no host capabilities (--host-settings 'capabilities') give one for its architecture",
                SourceLocation.OfFile(domainFile)));
            return null;
        }
        arch ??= ArchFromBinaryName(path);
        if (arch is null)
        {
            diagnostics.Add(new Diagnostic(EmulatorChoiceDiagnostics.UnknownArch, Severity.Error,
                $"the guest architecture is unknown: the domain's <os><type arch='...'> names none, no host capabilities are given, " +
                $"and the emulator '{path}' is not named qemu-system-ARCH",
                SourceLocation.OfFile(domainFile)));
            return null;
        }
        // The emulator's own architecture, where it is known: the recorded one's, else the binary's name's.
        if ((recorded?.Arch ?? ArchFromBinaryName(path)) is { } emulatorArch && !GuestArchitectures.EmulatorRuns(emulatorArch, arch))
        {
            diagnostics.Add(new Diagnostic(EmulatorChoiceDiagnostics.ArchNotEmulated, Severity.Error,
                EmulatorChoiceDiagnostics.ArchNotEmulatedMessage(arch, path, emulatorArch),
                domain.Os?.Location is { HasPath: true } at ? at : SourceLocation.OfFile(domainFile)));
            return null;
        }
        if (recorded is not null) return recorded with { Path = path, Arch = arch };

        var guest = hostCaps?.FindGuestByEmulator(path) ?? hostCaps?.FindGuest(osType, arch);
        var guestDomain = guest?.Domains.FirstOrDefault(d => d.Emulator == path) ?? guest?.Domain(domain.Type);
        var machines = guestDomain is { Machines.IsEmpty: false } ? guestDomain.Machines : guest?.Machines ?? [];
        return new EmulatorDescription
        {
            Path = path,
            Arch = arch,
            Capabilities = capabilities ?? DefaultQemuCapabilities.For(arch),
            Machines = ImmutableArray.CreateRange(machines, m => new MachineType(m.Name, m.Canonical) { MaxCpus = (int?)m.MaxCpus }),
        };
    }

    /// <summary>The architecture, by libvirt's name, of a binary named <c>qemu-system-TARGET</c> (<c>qemu-system-i386</c> runs i686 guests).</summary>
    // Read as spans: a batch describes every document's emulator (a known target's name is the table's own string).
    private static string? ArchFromBinaryName(string path)
    {
        var name = Path.GetFileName(path.AsSpan());
        return name.StartsWith(SystemEmulatorPrefix, StringComparison.Ordinal) && name.Length > SystemEmulatorPrefix.Length
            ? GuestArchitectures.NameOf(name[SystemEmulatorPrefix.Length..])
            : null;
    }
}
