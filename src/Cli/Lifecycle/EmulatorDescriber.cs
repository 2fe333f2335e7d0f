using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Cli.Lifecycle;

/// <summary>How launch learns what the emulator accepts: a description, or the errors that prevented one.</summary>
internal delegate Task<(EmulatorDescription? Emulator, IReadOnlyList<Diagnostic> Diagnostics)> EmulatorDescriber(
    string emulatorPath, TimeSpan timeout, CancellationToken cancellation);

/// <summary>The one place launch describes its emulator.</summary>
internal static class LaunchEmulator
{
    /// <summary>
    /// The describer of a parsed <c>launch</c>: <c>--emulator-profile</c> when given, else a probe of the
    /// binary through the probe cache (<c>--no-cache</c>, <c>--probe-timeout</c>). The description names
    /// the binary launch runs.
    /// </summary>
    public static EmulatorDescriber From(System.CommandLine.ParseResult parse, Native.EmulatorSource source) =>
        async (path, _, cancellation) =>
        {
            var resolved = await source.ResolveForDomainAsync(parse, path, cancellation).ConfigureAwait(false);
            if (resolved is null) return (null, []);
            return (resolved.Description is { } description ? description with { Path = path } : null, resolved.Diagnostics);
        };
}
