using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>libvirt 9's disk and filesystem parts the QEMU driver does not put on the command line yet.</summary>
internal sealed class StorageUntranslated : IUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain) =>
        StorageFeatureUses.Find(domain, FilesystemParts.Virtiofs | FilesystemParts.NinePSettings | FilesystemParts.VirtioOptions);
}
