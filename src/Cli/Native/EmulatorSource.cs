using System.CommandLine;
using System.CommandLine.Parsing;
using DomainLauncher.HostRuntime.Native;
using DomainLauncher.HostRuntime.Profiles;

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
        new Option<string>("--emulator", "--emulatorbin")
        {
            Description = emulatorDescription ?? $"The QEMU binary to probe, a path or a name on PATH (default: {EmulatorLocator.DefaultDescription}).",
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
            // A loop, not LINQ: the validator runs at every start of the command.
            if (!Given(result, Profile)) return;
            foreach (var probeOnly in new Option?[] { NoCache, Timeout })
                if (probeOnly is not null && Given(result, probeOnly))
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
        var profile = parse.GetValue(Profile);
        var binary = Emulator is null ? null : parse.GetValue(Emulator);
        if (profile is null && binary is null && !probeByDefault) return null;
        var selection = new EmulatorSelection
        {
            ProfileFile = profile,
            Binary = binary,
            Fallback = fallbackEmulator,
            UseCache = NoCache is null || !parse.GetValue(NoCache),
            Timeout = Timeout is null ? EmulatorProber.DefaultTimeout : TimeSpan.FromSeconds(parse.GetValue(Timeout)),
        };
        return await selection.ResolveAsync(cancellation).ConfigureAwait(false);
    }
}
