using System.Text.RegularExpressions;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// A QEMU disk target names a whole disk (<c>vdb</c>); a partition name (<c>vdb1</c>) cannot be
/// attached as one.
/// </summary>
internal sealed partial class DiskPartitionTargetCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        if (!GuestMachine.IsQemu(domain)) return;
        foreach (var disk in domain.Devices.Disks)
            if (PartitionName().IsMatch(disk.Target.Dev))
                diagnostics.Error(DiagnosticCatalog.PartitionTarget, disk.Target.Location,
                    $"invalid disk target '{disk.Target.Dev}': partitions can't appear in disk targets");
    }

    [GeneratedRegex("^(fd|hd|vd|sd|xvd|ubd)[a-z]+[0-9]+$")]
    private static partial Regex PartitionName();
}
