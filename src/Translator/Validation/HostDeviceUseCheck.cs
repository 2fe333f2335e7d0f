using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// What QEMU cannot do with host devices: boot from a vhost SCSI host (it has no boot ROM), and
/// show more than one mediated device's display through ramfb (there is one ramfb framebuffer).
/// </summary>
internal sealed class HostDeviceUseCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        if (!GuestMachine.IsQemu(domain)) return;
        HostDevice? firstRamfb = null;
        foreach (var hostdev in domain.Devices.HostDevices)
        {
            if (hostdev.Source is ScsiHostHostDeviceSource && hostdev.BootOrder is not null)
                diagnostics.Error(DiagnosticCatalog.HostDeviceConflict, hostdev.Location,
                    "booting from assigned devices is not supported by vhost SCSI devices");
            if (hostdev.Source is MdevHostDeviceSource { Ramfb: true })
            {
                if (firstRamfb is null) firstRamfb = hostdev;
                else
                    diagnostics.Error(DiagnosticCatalog.HostDeviceConflict, hostdev.Location,
                        $"only one mediated device can have 'ramfb' enabled (the first is at line {firstRamfb.Location.Line})");
            }
        }
    }
}
