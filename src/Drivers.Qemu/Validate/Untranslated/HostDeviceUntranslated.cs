using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// libvirt 9's host device parts the QEMU driver does not put on the command line yet. It writes legacy
/// assignment (the kvm back-end) and VFIO, chosen by the emulator (HostDeviceTypes; HostDeviceChecks refuses
/// a back-end the emulator lacks), mediated devices, vhost-scsi, host SCSI LUNs and USB guest reset.
/// </summary>
internal sealed class HostDeviceUntranslated : IUntranslatedArea
{
    private static readonly PciBackend[] Written = [PciBackend.Kvm, PciBackend.Vfio];

    public void Find(QemuCheckInput input, List<DeviceFeatureUse> uses) =>
        HostDeviceFeatureUses.Add(input.Domain, Written, HostDeviceParts.Mdev | HostDeviceParts.VhostScsi | HostDeviceParts.UsbGuestReset | HostDeviceParts.Scsi, uses);
}
