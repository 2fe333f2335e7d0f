using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// A helper process a guest needs before its QEMU starts, as the command line's plan decided it: the
/// device alias it serves and the unix socket QEMU connects to (the plan's path: the driver names it, the
/// helper listens on it).
/// </summary>
public abstract record HelperRequest(string Alias, string Socket, SourceLocation Location)
{
    /// <summary>The program's short name, which also names its files in the run directory: <c>swtpm</c>, <c>virtiofsd</c>.</summary>
    public abstract string Kind { get; }
}

/// <summary>swtpm for a <c>&lt;tpm&gt;&lt;backend type='emulator'&gt;</c>, its state kept in <see cref="StateFolder"/>.</summary>
public sealed record SwtpmRequest(string Alias, string Socket, SourceLocation Location) : HelperRequest(Alias, Socket, Location)
{
    public override string Kind => "swtpm";

    public required TpmVersion Version { get; init; }

    /// <summary>The TPM's kept state: <c>STATE/NAME/tpm</c> (see <see cref="StateBases.TpmStateFolder"/>).</summary>
    public required string StateFolder { get; init; }

    /// <summary>The PCR banks a TPM 2.0 activates when its state is made; empty leaves swtpm_setup's default.</summary>
    public ImmutableArray<TpmPcrBank> PcrBanks { get; init; } = [];

    /// <summary>The libvirt secret that encrypts the state (<c>&lt;encryption secret&gt;</c>), named in messages.</summary>
    public Guid? EncryptionSecret { get; init; }

    /// <summary>The file holding that secret's passphrase (the plan's <see cref="Drivers.Qemu.Plan.Misc.PlannedTpm.EncryptionPassphraseFile"/>).</summary>
    public string? EncryptionPassphraseFile { get; init; }

    /// <summary>Make the state with swtpm_setup when there is none (a launch); a check starts from an empty scratch state instead.</summary>
    public bool Manufacture { get; init; } = true;
}

/// <summary>virtiofsd for a <c>&lt;filesystem&gt;&lt;driver type='virtiofs'&gt;</c> exporting <see cref="SourceFolder"/>.</summary>
public sealed record VirtiofsdRequest(string Alias, string Socket, SourceLocation Location) : HelperRequest(Alias, Socket, Location)
{
    public override string Kind => "virtiofsd";

    public required string SourceFolder { get; init; }

    /// <summary>The domain's <c>&lt;binary&gt;</c>: which virtiofsd, and its cache, sandbox, xattr, lock and thread settings.</summary>
    public VirtiofsBinary? Binary { get; init; }
}

/// <summary>
/// qemu-storage-daemon exporting <see cref="Image"/> as a vhost-user-blk device on the socket: the back end check puts
/// behind a <c>&lt;disk type='vhostuser'&gt;</c>, whose own back end is a process of the domain's host.
/// </summary>
public sealed record StorageDaemonRequest(string Alias, string Socket, SourceLocation Location) : HelperRequest(Alias, Socket, Location)
{
    public override string Kind => "storagedaemon";

    /// <summary>The image served, a raw file.</summary>
    public required string Image { get; init; }

    public bool ReadOnly { get; init; }
}

/// <summary>qemu-pr-helper for a guest's <c>&lt;reservations managed='yes'&gt;</c>, at the socket the plan names.</summary>
public sealed record PrHelperRequest(string Alias, string Socket, SourceLocation Location) : HelperRequest(Alias, Socket, Location)
{
    public override string Kind => "prhelper";
}
