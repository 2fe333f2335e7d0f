using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// Two disks cannot have one target: the guest could not tell them apart, and a driver would give
/// both the same device id. The one exception is the one libvirt 0.10.2 accepted and its suite
/// builds: disks that each carry their own explicit drive address, by which they are named.
/// </summary>
internal sealed class DiskTargetCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        var earlier = new Dictionary<string, List<Disk>>(StringComparer.Ordinal);
        foreach (var disk in domain.Devices.Disks)
        {
            if (!earlier.TryGetValue(disk.Target.Dev, out var same))
            {
                earlier[disk.Target.Dev] = [disk];
                continue;
            }
            if (same.FirstOrDefault(other => !DistinctDriveAddresses(disk, other)) is { } clash)
                diagnostics.Error(DiagnosticCatalog.DuplicateTarget, disk.Target.Location,
                    $"target '{disk.Target.Dev}' is already the target of the disk at line {clash.Target.Location.Line}, " +
                    $"column {clash.Target.Location.Column}; each disk needs its own");
            same.Add(disk);
        }
    }

    private static bool DistinctDriveAddresses(Disk a, Disk b) =>
        a.Address is DriveAddress first && b.Address is DriveAddress second && first != second;
}
