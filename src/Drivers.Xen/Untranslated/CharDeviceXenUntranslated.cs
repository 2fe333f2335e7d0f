using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Xen.Untranslated;

/// <summary>
/// libvirt 9's character device features the Xen writers do not write yet: the spiceport, nmdm,
/// qemu-vdagent and dbus sources, file append, TCP tls, reconnect, unix sockets without a path,
/// source security labels, log files, the new serial target types and models, Xen channels.
/// </summary>
internal sealed class CharDeviceXenUntranslated : IXenUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain) =>
        DeviceFeatureUses.CharDevices(domain);
}
