using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// A usb controller of model 'none' removes USB from the guest, so no device may sit on USB:
/// USB input devices, hubs, redirected devices, host USB devices, USB disks.
/// </summary>
internal sealed class UsbAvailabilityCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        var devices = domain.Devices;
        if (!devices.Controllers.Any(c => c is UsbController { Model: UsbControllerModel.None })) return;

        void Refuse(SourceLocation where, string what) =>
            diagnostics.Error(DiagnosticCatalog.UsbDisabled, where,
                $"{what} needs USB, but USB is disabled by a usb controller of model 'none'");

        foreach (var input in devices.Inputs.Where(i => i.Bus == InputBus.Usb))
            Refuse(input.Location, $"USB {InputXml.Type.ToXml(input.Type)}");
        foreach (var hub in devices.Hubs)
            Refuse(hub.Location, "a USB hub");
        foreach (var redirdev in devices.RedirectedDevices)
            Refuse(redirdev.Location, "a redirected USB device");
        foreach (var hostdev in devices.HostDevices.Where(h => h.Source is UsbHostDeviceSource))
            Refuse(hostdev.Location, "a host USB device");
        foreach (var disk in devices.Disks.Where(d => d.Target.Bus == DiskBus.Usb))
            Refuse(disk.Location, $"USB disk '{disk.Target.Dev}'");
    }
}
