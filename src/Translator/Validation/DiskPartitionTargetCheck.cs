using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// A QEMU disk target names a whole disk (<c>vdb</c>); a partition name (<c>vdb1</c>) cannot be
/// attached as one.
/// </summary>
internal sealed class DiskPartitionTargetCheck : IDomainCheck
{
    // Written out rather than as a regular expression: the one regular expression of the tool brought the
    // regex engine's start (its class constructors, the runtime's configuration store) into every command.
    private static readonly string[] DiskPrefixes = ["fd", "hd", "vd", "sd", "xvd", "ubd"];

    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        if (!GuestMachine.IsQemu(domain)) return;
        foreach (var disk in domain.Devices.Disks)
            if (IsPartitionName(disk.Target.Dev))
                diagnostics.Error(DiagnosticCatalog.PartitionTarget, disk.Target.Location,
                    $"invalid disk target '{disk.Target.Dev}': partitions can't appear in disk targets");
    }

    /// <summary>
    /// libvirt's partition pattern, <c>^(fd|hd|vd|sd|xvd|ubd)[a-z]+[0-9]+$</c>: a disk prefix, at least one
    /// letter, then only digits, at least one.
    /// </summary>
    internal static bool IsPartitionName(ReadOnlySpan<char> target)
    {
        foreach (var prefix in DiskPrefixes)
        {
            // No prefix begins another, so at most one of them matches.
            if (!target.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = target[prefix.Length..];
            var digits = rest.IndexOfAnyExceptInRange('a', 'z');
            return digits > 0 && !rest[digits..].ContainsAnyExceptInRange('0', '9');
        }
        return false;
    }
}
