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
        if (domain.Os is not { Type: OsType.Hvm, BootDevices.IsEmpty: true } os || domain.Bootloader is not null || HasDeviceBootOrder(domain.Devices))
            return domain.Os;
        return os with { BootDevices = [BootDevice.HardDisk] };
    }

    private static bool HasDeviceBootOrder(Model.Devices devices) =>
        devices.Disks.Any(d => d.BootOrder is not null)
        || devices.Interfaces.Any(i => i.BootOrder is not null)
        || devices.HostDevices.Any(h => h.BootOrder is not null)
        || devices.RedirectedDevices.Any(r => r.BootOrder is not null);
}
