using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// A unix socket source still without a path that nothing generates one for: libvirt generates only a virtio
/// channel's socket (the planner does, ChannelPlanning); every other device needs the XML's.
/// </summary>
internal sealed class UnixSocketPathChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var d = input.Domain.Devices;
        foreach (var device in d.CharDevicesOnce)
        {
            if (device.Source is UnixCharSource { Path: null } && !Plan.ChannelPlanning.GetsSocketPath(device))
                diagnostics.Error(QemuDiagnostics.UnsupportedByHost, device.Location,
                    "the unix socket has no path and none was generated: give <source path>, or a channel directory in the host settings");
        }
    }
}
