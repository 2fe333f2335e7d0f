using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Drivers.Qemu;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Native;
using DomainLauncher.HostRuntime.CapabilitiesXml;
using DomainLauncher.HostRuntime.Firmware;
using DomainLauncher.HostRuntime.Mounts;
using DomainLauncher.HostRuntime.Profiles;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DomainLauncher.HostRuntime.Native;

/// <summary>
/// A domain's native configuration as <c>virsh domxml-to-native</c> gives it, with nothing started:
/// reads the inputs a request names, fixes what libvirt would decide at start
/// (<see cref="NativeStartDefaults"/>), describes the emulator from what it was told
/// (<see cref="EmulatorResolver"/>) and builds the command line. Each input is read in turn and the
/// first one with an error ends the translation; capability names given inline come first, so a
/// misspelt one is found before any file is read.
/// </summary>
public static class NativeTranslation
{
    public static QemuArgvTranslation QemuArgv(QemuArgvRequest request, ILogger? log = null)
    {
        log ??= NullLogger.Instance;
        var diagnostics = new List<Diagnostic>();
        QemuArgvTranslation Refused(bool unknownCapabilityName = false) => new(null, diagnostics, unknownCapabilityName);
        bool Failed(IEnumerable<Diagnostic> found)
        {
            var before = diagnostics.Count;
            diagnostics.AddRange(found);
            return diagnostics.Skip(before).Any(d => d.IsError);
        }

        QemuCapabilitySet? capabilities = null;
        if (request.CapabilityNames is { } names)
        {
            var parsed = QemuCapabilitySet.Parse(names, SourceLocation.OfFile("--caps"));
            if (Failed(parsed.Diagnostics)) return Refused(unknownCapabilityName: true);
            capabilities = parsed.Set;
        }
        if (request.CapabilityFile is { } capabilityFile)
        {
            log.LogDebug("reading capabilities from {File}", capabilityFile);
            var parsed = CapabilityListFile.Read(capabilityFile);
            if (Failed(parsed.Diagnostics)) return Refused();
            capabilities = (capabilities ?? QemuCapabilitySet.Empty).Union(parsed.Set);
        }

        EmulatorDescription? recorded = null;
        if (request.EmulatorProfileFile is { } profileFile)
        {
            log.LogDebug("reading the emulator profile {File}", profileFile);
            var read = EmulatorProfileFile.Read(profileFile);
            if (Failed(read.Diagnostics) || read.Profile is null) return Refused();
            recorded = read.Profile.Describe();
        }

        var host = HostSettings.Default;
        if (request.HostSettingsFile is { } settingsFile)
        {
            log.LogDebug("reading host settings from {File}", settingsFile);
            var loaded = HostSettingsFile.Load(InputFiles.Disk, settingsFile);
            if (Failed(loaded.Diagnostics) || loaded.Value is null) return Refused();
            host = loaded.Value;
        }

        // to-native runs on the host: <os firmware> chooses from this host's firmware descriptions, huge pages go
        // to its hugetlbfs mount.
        host = HugetlbfsMounts.With(HostFirmware.With(host));

        log.LogDebug("reading {File}", request.DomainFile);
        var parsedDomain = UnknownContent.ForUse(DomainLoader.LoadFile(InputFiles.Disk, request.DomainFile), request.AllowUnknown);
        if (Failed(parsedDomain.Diagnostics) || parsedDomain.Domain is not { } domain) return Refused();

        domain = NativeStartDefaults.Apply(domain);
        if (request.HostSettingsFile is null) host = DryRunHostAssumptions.Apply(host, domain, diagnostics);
        var resolving = new List<Diagnostic>();
        var emulator = EmulatorResolver.Describe(domain, capabilities, host, request.DomainFile, resolving, recorded);
        if (Failed(resolving) || emulator is null) return Refused();
        log.LogDebug("emulator {Path} ({Arch}), capabilities: {Capabilities}", emulator.Path, emulator.Arch, emulator.Capabilities);

        var options = new QemuBuildOptions
        {
            MigrateFrom = request.MigrateFrom,
            KvmUsable = HostKvm.IsUsable(),
            Accelerator = request.Accelerator,
            // An empty <genid/> gets a fresh VM generation ID per translation, as libvirt makes one per definition.
            GeneratedGenerationId = Guid.NewGuid(),
        };
        var built = QemuCommandBuilder.Build(domain, emulator, host, options);
        if (Failed(built.Diagnostics) || built.CommandLine is not { } commandLine) return Refused();
        return new QemuArgvTranslation(commandLine, diagnostics, UnknownCapabilityName: false);
    }
}
