using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Defaults;

/// <summary>
/// A fully virtualized guest that says nowhere how it boots (no boot element, no bootloader, no
/// device with a boot order) boots from its hard disk, as libvirt records it.
/// </summary>
internal static class BootDefaults
{
    public static OsConfig? Apply(Domain domain)
    {
        if (domain.Os is not { Type: OsType.Hvm, BootDevices.IsEmpty: true } os || domain.Bootloader is not null || domain.Devices.HasDeviceBootOrder)
            return domain.Os;
        return os with { BootDevices = [BootDevice.HardDisk] };
    }
}
