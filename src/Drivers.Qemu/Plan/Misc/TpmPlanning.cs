using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Misc;

/// <summary>
/// A TPM's backend and front end. QEMU talks to every emulated TPM through <c>-tpmdev emulator</c> over a socket
/// chardev to swtpm's control channel: an external swtpm at the socket the domain names; for
/// <c>type='emulator'</c>, the swtpm the launcher starts (issue 14) at one fixed place (<see cref="EmulatorSocket"/>).
/// A host TPM is passed through by its device path, and QEMU finds its cancel file in sysfs itself (no
/// <c>cancel-path</c>: finding it is host reading, and QEMU does the same lookup).
/// </summary>
internal static class TpmPlanning
{
    /// <summary>The host TPM libvirt passes through when the domain names none.</summary>
    public const string DefaultHostTpm = "/dev/tpm0";

    public static PlannedTpm Plan(Tpm tpm, string alias, string domainName, HostSettings host)
    {
        var type = tpm.Model == TpmModel.Crb ? MiscDeviceNames.TpmCrb : MiscDeviceNames.TpmTis;
        return tpm.Backend switch
        {
            PassthroughTpmBackend passthrough => new PlannedTpm(tpm, type, alias)
            {
                BackendType = "passthrough",
                DevicePath = passthrough.DevicePath ?? DefaultHostTpm,
            },
            ExternalTpmBackend external => new PlannedTpm(tpm, type, alias)
            {
                BackendType = "emulator",
                SocketPath = external.SocketPath,
            },
            EmulatorTpmBackend emulator => new PlannedTpm(tpm, type, alias)
            {
                BackendType = "emulator",
                SocketPath = EmulatorSocket(domainName, alias, host),
                EncryptionPassphraseFile = emulator.EncryptionSecret is { } secret ? Blockdev.BlockSecrets.FilePath(null, null, secret, host) : null,
            },
            _ => throw new InvalidOperationException($"unknown TPM backend {tpm.Backend.GetType().Name}"),
        };
    }

    /// <summary>
    /// The rule for a launcher without a daemon: the swtpm of the domain's TPM listens on
    /// <c>STATE/swtpm/NAME-ALIAS.sock</c> in the host's state (run) directory, where whoever starts swtpm creates it.
    /// </summary>
    public static string EmulatorSocket(string domainName, string alias, HostSettings host) =>
        $"{host.StateDirectory}/swtpm/{domainName}-{alias}.sock";
}
