using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// A unix socket source still without a path: libvirt generates a virtio channel's socket in the
/// host's channel directory, and the host settings the domain was loaded with named none.
/// </summary>
internal sealed class UnixSocketPathChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var d = input.Domain.Devices;
        foreach (var device in d.Serials.Concat(d.Parallels).Concat(d.Consoles).Concat(d.Channels))
        {
            if (device.Source is UnixCharSource { Path: null })
                diagnostics.Error(QemuDiagnostics.UnsupportedByHost, device.Location,
                    "the unix socket has no path and none was generated: give <source path>, or a channel directory in the host settings");
        }
    }
}
