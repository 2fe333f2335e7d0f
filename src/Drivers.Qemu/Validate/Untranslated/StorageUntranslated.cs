using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>libvirt 9's disk and filesystem parts the QEMU driver does not put on the command line yet.</summary>
internal sealed class StorageUntranslated : IUntranslatedArea
{
    private const FilesystemParts Written = FilesystemParts.Virtiofs | FilesystemParts.NinePSettings | FilesystemParts.VirtioOptions | FilesystemParts.VirtioModel;

    // With -blockdev, disks are node graphs (Plan/Blockdev), which translate much more of today's schema.
    public void Find(QemuCheckInput input, List<DeviceFeatureUse> uses) =>
        StorageFeatureUses.Add(input.Domain, Written, blockGraphs: input.Has(QemuCapability.Blockdev), uses);
}
