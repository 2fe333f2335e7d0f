using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// Parts of a QEMU guest that exist on some machine types only: the Intel IOMMU and SMM TSEG
/// sizing on q35; the virtio IOMMU on q35 (or ARM virt) with ACPI, through which it is described.
/// TSEG is sized in whole MiB.
/// </summary>
internal sealed class MachineFeatureCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        if (!GuestMachine.IsQemu(domain)) return;
        var q35 = GuestMachine.IsQ35(domain);

        if (domain.Devices.Iommu is { } iommu)
        {
            if (iommu.Model == IommuModel.Intel && !q35)
                diagnostics.Error(DiagnosticCatalog.MachineConflict, iommu.Location,
                    "IOMMU model 'intel' is only supported with q35 machines");
            if (iommu.Model == IommuModel.Virtio)
            {
                if (!q35 && !GuestMachine.IsArmVirt(domain))
                    diagnostics.Error(DiagnosticCatalog.MachineConflict, iommu.Location,
                        "IOMMU model 'virtio' is only supported with q35 and ARM virt machines");
                else if (domain.Features?.Acpi != true)
                    diagnostics.Error(DiagnosticCatalog.MachineConflict, iommu.Location,
                        "IOMMU model 'virtio' requires ACPI (<features><acpi/>)");
            }
        }

        if (domain.Features?.Smm is { Tseg: { } tseg } smm)
        {
            if (!q35)
                diagnostics.Error(DiagnosticCatalog.MachineConflict, smm.Location,
                    "SMM TSEG is only supported with the q35 machine type");
            else if (tseg.Kibibytes % 1024 != 0)
                diagnostics.Error(DiagnosticCatalog.MachineConflict, smm.Location,
                    $"SMM TSEG size must be a whole number of MiB, not {tseg}");
        }
    }
}
