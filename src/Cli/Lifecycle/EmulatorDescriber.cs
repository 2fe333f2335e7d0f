using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Probing;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Cli.Lifecycle;

/// <summary>How launch learns what the emulator accepts: a description, or the errors that prevented one.</summary>
internal delegate Task<(EmulatorDescription? Emulator, IReadOnlyList<Diagnostic> Diagnostics)> EmulatorDescriber(
    string emulatorPath, TimeSpan timeout, CancellationToken cancellation);

/// <summary>The one place launch describes its emulator.</summary>
internal static class LaunchEmulator
{
    /// <summary>
    /// Probes the binary live over QMP and describes it as the probe found it. (The emulator profiles
    /// and probe cache of <c>--emulator-profile</c> replace this call.)
    /// </summary>
    public static async Task<(EmulatorDescription? Emulator, IReadOnlyList<Diagnostic> Diagnostics)> DescribeAsync(
        string emulatorPath, TimeSpan timeout, CancellationToken cancellation)
    {
        var probe = await EmulatorProbe.ProbeAsync(emulatorPath, timeout, cancellation).ConfigureAwait(false);
        return probe.Result is { } result ? (ProbeCapabilityRules.Describe(result), probe.Diagnostics) : (null, probe.Diagnostics);
    }
}
