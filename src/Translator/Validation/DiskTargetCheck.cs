using System.Collections.Immutable;
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
    /// <summary>Up to this many disks are compared with each other, without a table of targets.</summary>
    private const int FewDisks = 16;

    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        var disks = domain.Devices.Disks;
        if (disks.Length > FewDisks)
        {
            CheckMany(disks, diagnostics);
            return;
        }
        // A domain has a few disks: each is compared with those before it, where a table of targets and a list per
        // target were made for every document.
        for (var i = 1; i < disks.Length; i++)
        {
            var disk = disks[i];
            for (var j = 0; j < i; j++)
            {
                var other = disks[j];
                if (other.Target.Dev != disk.Target.Dev || DistinctDriveAddresses(disk, other)) continue;
                Clash(disk, other, diagnostics);
                break;
            }
        }
    }

    private static void CheckMany(ImmutableArray<Disk> disks, DiagnosticBag diagnostics)
    {
        var earlier = new Dictionary<string, List<Disk>>(StringComparer.Ordinal);
        foreach (var disk in disks)
        {
            if (!earlier.TryGetValue(disk.Target.Dev, out var same))
            {
                earlier[disk.Target.Dev] = [disk];
                continue;
            }
            if (same.FirstOrDefault(other => !DistinctDriveAddresses(disk, other)) is { } clash) Clash(disk, clash, diagnostics);
            same.Add(disk);
        }
    }

    private static void Clash(Disk disk, Disk clash, DiagnosticBag diagnostics) =>
        diagnostics.Error(DiagnosticCatalog.DuplicateTarget, disk.Target.Location,
            $"target '{disk.Target.Dev}' is already the target of the disk at line {clash.Target.Location.Line}, " +
            $"column {clash.Target.Location.Column}; each disk needs its own");

    private static bool DistinctDriveAddresses(Disk a, Disk b) =>
        a.Address is DriveAddress first && b.Address is DriveAddress second && first != second;
}
