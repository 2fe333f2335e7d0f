using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// What <see cref="GuestLauncher"/> starts: a parsed domain on a described emulator, with its run
/// directory under <see cref="RunBase"/>. The host settings' monitor and state folders are replaced
/// by the run directory's, so the builder's own QMP monitor is the socket the launcher talks to.
/// </summary>
public sealed record LaunchRequest
{
    public required Domain Domain { get; init; }

    public required EmulatorDescription Emulator { get; init; }

    /// <summary>The folder that holds one run directory per domain (see <see cref="RunDirectory.DefaultBase"/>).</summary>
    public required string RunBase { get; init; }

    /// <summary>
    /// The folder of what outlives a run (see <see cref="Helpers.StateBases"/>): a domain's TPM state
    /// (<c>STATE/NAME/tpm</c>) and its UEFI variable store when <c>&lt;nvram&gt;</c> names none (<c>STATE/nvram/NAME_VARS.fd</c>).
    /// </summary>
    public required string StateBase { get; init; }

    /// <summary>The helper programs (swtpm, virtiofsd) to start the guest's helpers with; null finds this host's.</summary>
    public Helpers.HelperPrograms? Helpers { get; init; }

    /// <summary>What this host offers bridged interfaces (bridge helper, its ACL, bridges, libvirt network definitions); null reads this host.</summary>
    public Helpers.HostNetworks.Host? Networks { get; init; }

    public HostSettings Host { get; init; } = HostSettings.Default;

    /// <summary>How to build: this host's KVM usability and the accelerator the user asked for (<c>--accel</c>).</summary>
    public QemuBuildOptions BuildOptions { get; init; } = QemuBuildOptions.Default;

    /// <summary>Leave the vCPUs stopped after start (QEMU's <c>-S</c> without a <c>cont</c>).</summary>
    public bool Paused { get; init; }

    /// <summary>How long QEMU may take to set the guest up and answer on QMP, and the bound for each QMP command.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Called with a step's name as each step of a detached launch ends (the command times them for <c>--verbose</c>); null for none.</summary>
    public Action<string>? StepDone { get; init; }

    /// <summary>How long a graceful power-down may take (foreground, on a stop request) before QEMU is told to quit.</summary>
    public TimeSpan PowerDownTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
