using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Drivers.Qemu;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Native;
using DomainLauncher.HostRuntime.CapabilitiesXml;
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
/// misspelt one is found before any file is read. For many documents, <see cref="Prepare"/> reads
/// what they share (capabilities, profile, host settings, firmware, <c>/dev/kvm</c>) once and
/// <see cref="QemuArgvSession.Translate"/> then costs only the document's own work.
/// </summary>
public static class NativeTranslation
{
    /// <summary>One document: <see cref="Prepare"/>, then <see cref="QemuArgvSession.Translate"/> of <see cref="QemuArgvRequest.DomainFile"/>.</summary>
    public static QemuArgvTranslation QemuArgv(QemuArgvRequest request, ILogger? log = null)
    {
        var (session, refusal) = Prepare(request, log);
        return session?.Translate(request.DomainFile) ?? refusal!;
    }

    /// <summary>Reads the inputs every document shares; a refusal when one of them is wrong.</summary>
    public static (QemuArgvSession? Session, QemuArgvTranslation? Refusal) Prepare(QemuArgvRequest request, ILogger? log = null)
    {
        log ??= NullLogger.Instance;
        var diagnostics = new List<Diagnostic>();
        (QemuArgvSession?, QemuArgvTranslation?) Refused(bool unknownCapabilityName = false) => (null, new(null, diagnostics, unknownCapabilityName));
        bool Failed(IEnumerable<Diagnostic> found)
        {
            var before = diagnostics.Count;
            diagnostics.AddRange(found);
            for (var i = before; i < diagnostics.Count; i++)
                if (diagnostics[i].IsError) return true;
            return false;
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
            if (log.IsEnabled(LogLevel.Debug)) log.LogDebug("reading capabilities from {File}", capabilityFile);
            var parsed = CapabilityListFile.Read(capabilityFile);
            if (Failed(parsed.Diagnostics)) return Refused();
            capabilities = (capabilities ?? QemuCapabilitySet.Empty).Union(parsed.Set);
        }

        EmulatorDescription? recorded = null;
        if (request.EmulatorProfileFile is { } profileFile)
        {
            if (log.IsEnabled(LogLevel.Debug)) log.LogDebug("reading the emulator profile {File}", profileFile);
            var read = EmulatorProfileFile.Read(profileFile);
            if (Failed(read.Diagnostics) || read.Profile is null) return Refused();
            recorded = read.Profile.Describe();
        }

        var host = HostSettings.Default;
        if (request.HostSettingsFile is { } settingsFile)
        {
            if (log.IsEnabled(LogLevel.Debug)) log.LogDebug("reading host settings from {File}", settingsFile);
            var loaded = HostSettingsFile.Load(InputFiles.Disk, settingsFile);
            if (Failed(loaded.Diagnostics) || loaded.Value is null) return Refused();
            host = loaded.Value;
        }

        return (new QemuArgvSession(request, capabilities, recorded, host, diagnostics, log), null);
    }
}

/// <summary>What the documents of one to-native call share, read once; <see cref="Translate"/> is one document.</summary>
public sealed class QemuArgvSession
{
    private readonly QemuArgvRequest _request;
    private readonly QemuCapabilitySet? _capabilities;
    private readonly EmulatorDescription? _recorded;
    private readonly HostSettings _host;
    // to-native runs on the host: firmware descriptions, the hugetlbfs mount and /dev/kvm are read as
    // launch reads them, each at the first domain of the batch that needs it.
    private readonly NeededHostFacts _hostFacts;
    private readonly IReadOnlyList<Diagnostic> _shared;
    private readonly ILogger _log;
    // The emulator PATH gives for each architecture the documents name, looked for once per batch.
    private readonly Dictionary<string, string?> _hostEmulators = new(StringComparer.Ordinal);

    internal QemuArgvSession(QemuArgvRequest request, QemuCapabilitySet? capabilities, EmulatorDescription? recorded, HostSettings host,
        IReadOnlyList<Diagnostic> shared, ILogger log)
    {
        _request = request;
        _capabilities = capabilities;
        _recorded = recorded;
        _host = host;
        _hostFacts = new NeededHostFacts(host);
        _shared = shared;
        _log = log;
    }

    /// <summary>The command line of one domain document; the shared inputs' warnings come first.</summary>
    public QemuArgvTranslation Translate(string domainFile)
    {
        var diagnostics = new List<Diagnostic>(_shared);
        QemuArgvTranslation Refused() => new(null, diagnostics, UnknownCapabilityName: false);
        bool Failed(IEnumerable<Diagnostic> found)
        {
            var before = diagnostics.Count;
            diagnostics.AddRange(found);
            for (var i = before; i < diagnostics.Count; i++)
                if (diagnostics[i].IsError) return true;
            return false;
        }

        if (_log.IsEnabled(LogLevel.Debug)) _log.LogDebug("reading {File}", domainFile);
        var parsedDomain = UnknownContent.ForUse(DomainLoader.LoadFile(InputFiles.Disk, domainFile), _request.AllowUnknown);
        if (Failed(parsedDomain.Diagnostics) || parsedDomain.Domain is not { } domain) return Refused();

        if (QemuDomainTypes.Refusal(domain, domainFile, "qemu-argv") is { } notQemu)
        {
            diagnostics.Add(notQemu);
            return Refused();
        }
        domain = NativeStartDefaults.Apply(domain);
        // As virsh does through the host's capabilities: a domain that names no emulator runs on this
        // host's QEMU for its architecture.
        if (domain.Devices.Emulator is null && _host.Capabilities is null && HostEmulatorFor(domain) is { } found)
        {
            if (_log.IsEnabled(LogLevel.Debug)) _log.LogDebug("the domain names no <emulator>; this host's is {Path}", found);
            domain = domain with { Devices = domain.Devices with { Emulator = found } };
        }
        // to-native runs on the host: <os firmware> chooses from this host's firmware descriptions; without host
        // settings, a dry run assumes what the domain needs of the host (DryRunHostAssumptions).
        var host = _hostFacts.For(domain);
        if (_request.HostSettingsFile is null) host = DryRunHostAssumptions.Apply(host, domain, diagnostics);
        var resolving = new List<Diagnostic>();
        var emulator = EmulatorResolver.Describe(domain, _capabilities, host, domainFile, resolving, _recorded);
        if (Failed(resolving) || emulator is null) return Refused();
        if (_log.IsEnabled(LogLevel.Debug)) _log.LogDebug("emulator {Path} ({Arch}), capabilities: {Capabilities}", emulator.Path, emulator.Arch, emulator.Capabilities);

        var options = new QemuBuildOptions
        {
            MigrateFrom = _request.MigrateFrom,
            // Looked up on the host only for a domain whose translation depends on it.
            KvmUsable = _hostFacts.KvmUsableFor(domain, _request.Accelerator),
            Accelerator = _request.Accelerator,
            // An empty <genid/> gets a fresh VM generation ID per translation, as libvirt makes one per definition.
            // Made only for such a domain: a GUID is a read of the kernel's random source, a system call per document.
            GeneratedGenerationId = domain.GenerationId is { Value: null } ? Guid.NewGuid() : null,
        };
        var built = QemuCommandBuilder.Build(domain, emulator, host, options);
        if (Failed(built.Diagnostics) || built.CommandLine is not { } commandLine) return Refused();
        return new QemuArgvTranslation(commandLine, diagnostics, UnknownCapabilityName: false);
    }

    private string? HostEmulatorFor(Translator.Model.Domain domain)
    {
        var hostArch = HostFactsReader.HostArch();
        var arch = domain.Os?.Arch ?? hostArch;
        if (_hostEmulators.TryGetValue(arch, out var known)) return known;
        // PATH's first, then for the host's own arch the preferred binary (Default() would look on PATH again).
        return _hostEmulators[arch] = EmulatorLocator.OnPathFor(arch, hostArch)
            ?? (arch == hostArch && File.Exists(EmulatorLocator.PreferredEmulator) ? EmulatorLocator.PreferredEmulator : null);
    }
}
