using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// Host devices QEMU cannot pass through: capabilities-mode devices (containers only), USB devices
/// named only by vendor and product with <c>-device</c> (the bus and device are looked up at start),
/// PCI devices without <c>-device</c> or <c>-pcidevice</c>, and option ROM settings without <c>rombar</c>.
/// </summary>
internal sealed class HostDeviceChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var useDevice = input.Has(QemuCapability.Device);
        foreach (var h in input.Domain.Devices.HostDevices)
        {
            switch (h.Source)
            {
                case UsbHostDeviceSource { HostBus: null, HostDevice: null } when useDevice:
                    diagnostics.Error(QemuDiagnostics.UnresolvedUsbHostDevice, h.Source.Location,
                        "a USB host device named only by <vendor> and <product> needs its <address bus device> to be passed with -device");
                    break;
                case PciHostDeviceSource when !useDevice && !input.Has(QemuCapability.PciDevice):
                    diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, h.Location,
                        $"PCI device assignment needs the emulator capability 'device' or 'pci-device', which '{input.Emulator.Path}' lacks");
                    break;
                case MdevHostDeviceSource { Model: not MdevModel.VfioPci } mdev when input.Emulator.Arch is "x86_64" or "i686":
                    diagnostics.Error(QemuDiagnostics.DeviceNotForMachine, h.Location,
                        $"a mediated device of model '{HostDeviceXml.MdevModel.ToXml(mdev.Model)}' is an s390 device, not for {input.Emulator.Arch}");
                    break;
                case UsbHostDeviceSource or PciHostDeviceSource or MdevHostDeviceSource or ScsiHostHostDeviceSource:
                    break;
                case ScsiHostDeviceSource:
                    // Refused as not yet translated (Untranslated/HostDeviceUntranslated).
                    break;
                default:
                    diagnostics.Error(QemuDiagnostics.UnsupportedHostDeviceMode, h.Location,
                        $"host device type '{HostDeviceXml.CapabilitiesType.ToXml(h.Source.Type)}' in mode 'capabilities' is for containers; QEMU passes through mode 'subsystem' types: usb, pci");
                    break;
            }
            CheckRom(input, diagnostics, h.Rom, h.Location);
        }
        foreach (var nic in input.Domain.Devices.Interfaces)
            CheckRom(input, diagnostics, nic.Rom, nic.Location);
    }

    private static void CheckRom(QemuCheckInput input, DiagnosticBag diagnostics, RomSettings? rom, SourceLocation where)
    {
        if (rom is null || input.Has(QemuCapability.Rombar)) return;
        diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, where,
            $"<rom> needs the emulator capability 'rombar', which '{input.Emulator.Path}' lacks");
    }
}
