using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// A disk has one <c>&lt;encryption&gt;</c>, on the disk or in its source, not both; and a LUKS
/// volume's cipher is read from the volume, so a QEMU domain does not supply one.
/// </summary>
internal sealed class DiskEncryptionCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        foreach (var disk in domain.Devices.Disks)
        {
            if (disk.Encryption is { } outer && disk.Source?.Encryption is not null)
                diagnostics.Error(DiagnosticCatalog.EncryptionConflict, outer.Location,
                    "an <encryption> is already given in the disk's <source>; a disk has only one");
            if (!GuestMachine.IsQemu(domain)) continue;
            foreach (var encryption in new[] { disk.Encryption, disk.Source?.Encryption })
                if (encryption is { Format: DiskEncryptionFormat.Luks or DiskEncryptionFormat.Luks2, Cipher: not null })
                    diagnostics.Error(DiagnosticCatalog.EncryptionConflict, encryption.Location,
                        "supplying <cipher> for a domain disk definition is unnecessary: it is read from the LUKS volume");
        }
    }
}
