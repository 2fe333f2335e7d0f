using System.CommandLine;
using System.CommandLine.Parsing;
using DomainLauncher.HostRuntime.CapabilitiesXml;
using DomainLauncher.HostRuntime.Profiles;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Cli.Native;

/// <summary>
/// Where a command learns what an emulator can do, for every command that needs it (probe, to-native,
/// launch, check, domcapabilities): <c>--emulator PATH</c>, a binary probed now (through the probe cache
/// unless <c>--no-cache</c>), or <c>--emulator-profile FILE</c>, a recorded probe, so nothing is run. The
/// two are exclusive. <see cref="ResolveAsync"/> gives the profile (whose
/// <see cref="EmulatorProfile.Describe"/> is what the command-line builder takes) or diagnostics.
/// </summary>
internal sealed class EmulatorSource
{
    private EmulatorSource(Option<string>? emulator, Option<string> profile, Option<bool>? noCache, Option<double>? timeout)
    {
        Emulator = emulator;
        Profile = profile;
        NoCache = noCache;
        Timeout = timeout;
    }

    /// <summary><c>--emulator PATH</c>; null for a command that only replays profiles (to-native).</summary>
    public Option<string>? Emulator { get; }

    /// <summary><c>--emulator-profile FILE</c>.</summary>
    public Option<string> Profile { get; }

    /// <summary><c>--no-cache</c>, present with <see cref="Emulator"/>.</summary>
    public Option<bool>? NoCache { get; }

    /// <summary><c>--probe-timeout SECONDS</c>, present with <see cref="Emulator"/>.</summary>
    public Option<double>? Timeout { get; }

    /// <summary>The pair <c>--emulator</c> / <c>--emulator-profile</c> and <c>--no-cache</c>, for commands that may probe.</summary>
    public static EmulatorSource WithProbe(string? emulatorDescription = null) => new(
        new Option<string>("--emulator")
        {
            Description = emulatorDescription ?? $"The QEMU binary to probe, a path or a name on PATH (default: {DefaultEmulatorDescription}).",
            HelpName = "PATH",
        },
        ProfileOption(),
        new Option<bool>("--no-cache")
        {
            Description = "Probe the binary even when the probe cache holds its result (the new result replaces it).",
        },
        ProbeTimeoutOption());

    /// <summary>Only <c>--emulator-profile</c>, for commands that never start a binary.</summary>
    public static EmulatorSource ProfileOnly() => new(null, ProfileOption(), null, null);

    private static Option<double> ProbeTimeoutOption()
    {
        var option = new Option<double>("--probe-timeout")
        {
            Description = "How long the binary may take to start answering, and to answer each question, in seconds.",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => EmulatorProber.DefaultTimeout.TotalSeconds,
        };
        option.Validators.Add(result =>
        {
            var seconds = result.GetValueOrDefault<double>();
            if (!(seconds is > 0 and <= 3600)) result.AddError($"--probe-timeout must be more than 0 and at most 3600 seconds, not {seconds}.");
        });
        return option;
    }

    private static Option<string> ProfileOption() => new("--emulator-profile")
    {
        Description = "A recorded emulator profile (domainlauncher probe --record FILE) to use instead of a binary.",
        HelpName = "FILE",
    };

    public const string DefaultEmulatorDescription = "/usr/bin/qemu-system-x86_64, else qemu-system-HOSTARCH (or qemu-kvm, kvm) on PATH";

    /// <summary>Adds the options to <paramref name="command"/> and refuses <c>--emulator</c> with <c>--emulator-profile</c>.</summary>
    public void AddTo(Command command)
    {
        if (Emulator is not null) command.Add(Emulator);
        command.Add(Profile);
        if (NoCache is not null) command.Add(NoCache);
        if (Timeout is not null) command.Add(Timeout);
        command.Validators.Add(result =>
        {
            if (Emulator is not null && Given(result, Emulator) && Given(result, Profile))
                result.AddError($"{Emulator.Name} and {Profile.Name} are exclusive: probe a binary or replay a profile, not both.");
            foreach (var probeOnly in new Option?[] { NoCache, Timeout }.OfType<Option>().Where(o => Given(result, o) && Given(result, Profile)))
                result.AddError($"{probeOnly.Name} applies to a probed binary ({Emulator!.Name}), not to {Profile.Name}.");
        });
    }

    public static bool Given(CommandResult result, Option option) => result.GetResult(option) is OptionResult { Implicit: false };

    /// <summary>
    /// The profile the options name: read from <c>--emulator-profile</c>, else probed from
    /// <c>--emulator</c> or the default binary. Null when neither option was given and
    /// <paramref name="probeByDefault"/> is false (the command has its own default, as to-native does).
    /// </summary>
    public Task<EmulatorSourceResult?> ResolveAsync(ParseResult parse, bool probeByDefault, CancellationToken cancellation) =>
        ResolveCoreAsync(parse, probeByDefault, fallbackEmulator: null, cancellation);

    /// <summary>
    /// As above, for a command that runs a domain (launch, check): without either option the binary
    /// probed is <paramref name="fallbackEmulator"/> (the domain's <c>&lt;emulator&gt;</c>), else the default one.
    /// </summary>
    public Task<EmulatorSourceResult?> ResolveForDomainAsync(ParseResult parse, string? fallbackEmulator, CancellationToken cancellation) =>
        ResolveCoreAsync(parse, probeByDefault: true, fallbackEmulator, cancellation);

    private async Task<EmulatorSourceResult?> ResolveCoreAsync(ParseResult parse, bool probeByDefault, string? fallbackEmulator,
        CancellationToken cancellation)
    {
        if (parse.GetValue(Profile) is { } file)
        {
            var read = EmulatorProfileFile.Read(file);
            return new EmulatorSourceResult(read.Profile, read.Diagnostics, FromCache: false, ProcessId: null);
        }
        var path = Emulator is null ? null : parse.GetValue(Emulator);
        if (path is null && !probeByDefault) return null;
        path = path is null ? fallbackEmulator ?? DefaultEmulator() : OnPath(path);
        if (path is null)
            return new EmulatorSourceResult(null,
                [new Diagnostic(CliDiagnostics.NoEmulator, Severity.Error,
                    $"no QEMU found ({DefaultEmulatorDescription}); name one with --emulator PATH or give --emulator-profile FILE",
                    SourceLocation.OfFile("--emulator"))],
                FromCache: false, ProcessId: null);
        var cache = NoCache is not null && parse.GetValue(NoCache) ? null : ProbeCache.Default();
        var timeout = Timeout is null ? EmulatorProber.DefaultTimeout : TimeSpan.FromSeconds(parse.GetValue(Timeout));
        var outcome = await EmulatorProber.ProbeAsync(path, cache, timeout, cancellation).ConfigureAwait(false);
        return new EmulatorSourceResult(outcome.Profile, outcome.Diagnostics, outcome.FromCache, outcome.ProcessId);
    }

    /// <summary>A bare name (<c>qemu-system-aarch64</c>) is looked up on PATH as a shell would; anything else is left as given.</summary>
    private static string OnPath(string path)
    {
        if (path.Contains('/') || File.Exists(path)) return path;
        return Search(path) ?? path;
    }

    private static string? Search(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>
    /// /usr/bin/qemu-system-x86_64 when it exists, else the emulator PATH gives for this host's
    /// architecture (<see cref="EmulatorDiscovery.DefaultFor"/>); null when neither.
    /// </summary>
    public static string? DefaultEmulator()
    {
        const string preferred = "/usr/bin/qemu-system-x86_64";
        if (File.Exists(preferred)) return preferred;
        var hostArch = HostFactsReader.HostArch();
        return EmulatorDiscovery.DefaultFor(hostArch, hostArch, Environment.GetEnvironmentVariable("PATH"));
    }
}
