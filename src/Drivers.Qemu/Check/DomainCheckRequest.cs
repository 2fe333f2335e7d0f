using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Check;

/// <summary>
/// What <see cref="DomainCheck.RunAsync"/> checks: a domain already prepared for this host (host-side
/// backends substituted), the substitutions made (shown above the report), the emulator as probed,
/// the host settings (their directories are replaced by the check's temporary folder), and a bound
/// for starting QEMU and for each QMP command.
/// </summary>
public sealed record DomainCheckRequest
{
    public required Domain Domain { get; init; }

    public ImmutableArray<string> Substitutions { get; init; } = [];

    public required EmulatorDescription Emulator { get; init; }

    public HostSettings Host { get; init; } = HostSettings.Default;

    /// <summary>The domain's file, for diagnostics.</summary>
    public string DomainFile { get; init; } = "<domain>";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
}
