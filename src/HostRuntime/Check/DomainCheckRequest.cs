using DomainLauncher.HostRuntime.CapabilitiesXml;
using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Check;

/// <summary>
/// What <see cref="DomainCheck.RunAsync"/> checks: a domain, whether its host-side backends are
/// substituted (<see cref="HostSubstitution"/>; on by default), substitutions made beforehand by the
/// caller (shown above the report with the check's own), the emulator as probed, the host settings
/// (their directories are replaced by the check's temporary folder), this host's KVM usability, a
/// bound for starting QEMU and for each QMP command, and whether a tainted domain may run.
/// </summary>
public sealed record DomainCheckRequest
{
    public required Domain Domain { get; init; }

    /// <summary>Replace host-side backends with stand-ins in the check's temporary folder (off: the domain runs on the resources it names).</summary>
    public bool SubstituteHostBackends { get; init; } = true;

    public ImmutableArray<string> Substitutions { get; init; } = [];

    /// <summary>Whether this host's <c>/dev/kvm</c> can be used (<see cref="CapabilitiesXml.HostKvm.IsUsable"/>).</summary>
    public bool KvmUsable { get; init; }

    /// <summary>The <c>qemu-img</c> that creates scratch images; null: the one beside the emulator, else the one on PATH.</summary>
    public string? QemuImgPath { get; init; }

    public required EmulatorDescription Emulator { get; init; }

    public HostSettings Host { get; init; } = HostSettings.Default;

    /// <summary>The domain's file, for diagnostics.</summary>
    public string DomainFile { get; init; } = "<domain>";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Run a tainted domain (raw <c>&lt;qemu:commandline&gt;</c> arguments or environment) with its words
    /// passed to QEMU unchecked. Off by default: check refuses it (DL4307), since raw arguments can do
    /// anything QEMU can, which checking cannot vouch for (<c>check --allow-tainted</c>).
    /// </summary>
    public bool AllowTainted { get; init; }

    /// <summary>
    /// The helper programs (swtpm, virtiofsd) check may start for the domain's TPM emulator and virtiofs shares,
    /// on scratch state; null finds this host's. Where one cannot run, its device is refused or substituted.
    /// </summary>
    public Helpers.HelperPrograms? Helpers { get; init; }
}
