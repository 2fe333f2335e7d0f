using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Misc;

/// <summary>
/// A TPM: the <c>-tpmdev</c> backend (passthrough of a host TPM, or <c>emulator</c> over a chardev to a swtpm control
/// socket) and its front end (<c>tpm-tis</c>, <c>tpm-crb</c>).
/// </summary>
public sealed record PlannedTpm(Tpm Tpm, string QemuType, string Alias)
{
    /// <summary><c>passthrough</c> or <c>emulator</c>: the word after <c>-tpmdev</c>.</summary>
    public required string BackendType { get; init; }

    /// <summary>The host TPM device of a passthrough backend.</summary>
    public string? DevicePath { get; init; }

    /// <summary>
    /// The swtpm control socket an <c>emulator</c> backend connects to: the external one the domain names, or for
    /// <c>type='emulator'</c> the one the launcher's swtpm listens on (<see cref="TpmPlanning.EmulatorSocket"/>).
    /// </summary>
    public string? SocketPath { get; init; }

    /// <summary>
    /// For <c>type='emulator'</c> with <c>&lt;encryption secret&gt;</c>: the file the passphrase that encrypts the TPM's state is
    /// read from, by the rule every secret of a daemonless launch follows (<see cref="Blockdev.BlockSecrets.FilePath"/>:
    /// the host's secret folder, named by the secret's UUID).
    /// </summary>
    public string? EncryptionPassphraseFile { get; init; }

    public string TpmdevId => "tpm-" + Alias;

    public string CharId => "chr" + Alias;
}
