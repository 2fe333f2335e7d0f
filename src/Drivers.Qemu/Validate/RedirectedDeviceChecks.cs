using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>USB redirection needs usb-redir (with -device and -chardev); a filter or a boot order needs the emulator to take them.</summary>
internal sealed class RedirectedDeviceChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var devices = input.Domain.Devices;
        void Needs(QemuCapability capability, SourceLocation where, string what)
        {
            if (!input.Has(capability))
                diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, where,
                    $"{what} needs the emulator capability '{QemuCapabilityNames.Name(capability)}', which '{input.Emulator.Path}' lacks");
        }
        foreach (var dev in devices.RedirectedDevices)
        {
            Needs(QemuCapability.Device, dev.Location, "USB redirection");
            Needs(QemuCapability.Chardev, dev.Location, "USB redirection");
            Needs(QemuCapability.UsbRedir, dev.Location, "USB redirection");
            if (dev.BootOrder is not null) Needs(QemuCapability.UsbRedirBootindex, dev.Location, "<boot order> on a redirected device");
        }
        if (!devices.RedirectedDevices.IsEmpty && devices.RedirectionFilter is { Rules.IsEmpty: false } filter)
            Needs(QemuCapability.UsbRedirFilter, filter.Location, "<redirfilter>");
    }
}
