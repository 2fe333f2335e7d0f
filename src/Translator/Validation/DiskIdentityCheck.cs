using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// A disk's <c>&lt;vendor&gt;</c> and <c>&lt;product&gt;</c> are SCSI inquiry data: only a disk on the
/// SCSI bus reports them to the guest, so anywhere else they would be silently lost.
/// </summary>
internal sealed class DiskIdentityCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        foreach (var disk in domain.Devices.Disks)
            if ((disk.Vendor is not null || disk.Product is not null) && disk.Target.Bus is not (null or DiskBus.Scsi))
                diagnostics.Error(DiagnosticCatalog.InconsistentValue, disk.Location,
                    $"the disk '{disk.Target.Dev}' has <vendor> or <product>, which only a disk on the scsi bus reports");
    }
}
