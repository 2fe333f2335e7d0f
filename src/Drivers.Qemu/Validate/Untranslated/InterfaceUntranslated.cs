using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// libvirt 9's interface parts the QEMU driver does not put on the command line yet. It writes the virtio NIC's
/// driver settings and MTU, vhost-user, vDPA and UDP interfaces, and passt back-ends (DeviceChecks refuses
/// those an emulator lacks the back-end for).
/// </summary>
internal sealed class InterfaceUntranslated : IUntranslatedArea
{
    public void Find(QemuCheckInput input, List<DeviceFeatureUse> uses) =>
        InterfaceFeatureUses.Add(input.Domain, InterfaceParts.VirtioNetSettings | InterfaceParts.VhostUserVdpaUdp | InterfaceParts.Passt | InterfaceParts.AcpiIndex, uses);
}
