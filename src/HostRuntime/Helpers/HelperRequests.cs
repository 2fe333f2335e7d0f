using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// The helpers a planned command line needs, read off the plan: a swtpm for each emulated TPM the
/// launcher runs (not an external one the domain names a socket of), a virtiofsd for each virtiofs
/// share of a host folder (not one served at a socket the domain names), a qemu-pr-helper for managed SCSI reservations.
/// </summary>
public static class HelperRequests
{
    public static IReadOnlyList<HelperRequest> For(QemuPlan plan, string domainName, string stateBase)
    {
        var requests = new List<HelperRequest>();
        foreach (var tpm in plan.Misc.Tpms)
        {
            if (tpm.Tpm.Backend is not EmulatorTpmBackend emulator || tpm.SocketPath is not { } socket) continue;
            requests.Add(new SwtpmRequest(tpm.Alias, socket, tpm.Tpm.Location)
            {
                Version = emulator.Version ?? DefaultVersion(tpm.Tpm.Model),
                StateFolder = StateBases.TpmStateFolder(stateBase, domainName),
                PcrBanks = emulator.ActivePcrBanks ?? [],
                EncryptionSecret = emulator.EncryptionSecret,
                EncryptionPassphraseFile = tpm.EncryptionPassphraseFile,
            });
        }
        if (plan.Disks.FirstOrDefault(d => d.BlockGraph?.ManagedPrHelperSocket is not null) is { BlockGraph.ManagedPrHelperSocket: { } prSocket } prDisk)
            requests.Add(new PrHelperRequest(Drivers.Qemu.Plan.Blockdev.PrHelperPlanning.ManagedId, prSocket, prDisk.Disk.Location));
        foreach (var fs in plan.Filesystems)
        {
            if (fs.VirtiofsSocket is not { } socket || fs.Filesystem.Source is not MountFilesystemSource mount) continue;
            requests.Add(new VirtiofsdRequest(fs.Alias, socket, fs.Filesystem.Location) { SourceFolder = mount.Dir, Binary = fs.Filesystem.Binary });
        }
        return requests;
    }

    /// <summary>A TPM without a version: 2.0 for the CRB and SPAPR interfaces, which only TPM 2.0 has; 1.2 for TIS, libvirt's default.</summary>
    public static TpmVersion DefaultVersion(TpmModel? model) =>
        model is TpmModel.Crb or TpmModel.Spapr ? TpmVersion.V2_0 : TpmVersion.V1_2;
}
