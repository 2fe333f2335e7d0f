using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// Storage formats QEMU cannot open as a guest disk (<c>cow</c>, <c>dir</c>, <c>iso</c>), and a
/// shareable writable disk whose format is not raw: QEMU guests only share raw images safely
/// (libvirt 9 refuses it; it is a warning here because libvirt 0.10.2 accepted it).
/// </summary>
internal sealed class DiskFormatCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        if (!GuestMachine.IsQemu(domain)) return;
        foreach (var disk in domain.Devices.Disks)
        {
            if (disk.Driver is not { Format: { } format } driver) continue;
            var reason = format switch
            {
                DiskFormat.Cow => "'cow' storage format is not supported",
                DiskFormat.Dir => "'dir' storage format is not directly supported by QEMU; use disk type 'dir' instead",
                DiskFormat.Iso => "storage format 'iso' is not directly supported by QEMU; use 'raw' instead",
                _ => null,
            };
            if (reason is not null)
                diagnostics.Error(DiagnosticCatalog.UnusableStorageFormat, driver.Location, reason);
            else if (disk.Shareable && !disk.ReadOnly && format != DiskFormat.Raw)
                // A warning, not an error: libvirt 0.10.2 built such disks and its suite has one.
                diagnostics.Warning(DiagnosticCatalog.UnusableStorageFormat, driver.Location,
                    $"shared access for disk '{disk.Target.Dev}' requires the raw storage format");
        }
    }
}
