using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// libvirt 9's character device features the QEMU driver does not put on the command line yet: the
/// spiceport, nmdm, qemu-vdagent and dbus sources, file append, TCP tls, reconnect, unix sockets
/// without a path, source security labels, log files, the new serial target types and models, Xen
/// channels.
/// </summary>
internal sealed class CharDeviceUntranslated : IUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain) =>
        DeviceFeatureUses.CharDevices(domain);
}
