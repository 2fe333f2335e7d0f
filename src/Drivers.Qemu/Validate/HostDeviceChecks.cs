using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// Host devices QEMU cannot pass through: capabilities-mode devices (containers only), USB devices
/// named only by vendor and product with <c>-device</c> (the bus and device are looked up at start),
/// PCI devices without <c>-device</c> or <c>-pcidevice</c>, option ROM settings without <c>rombar</c>, and host SCSI
/// LUNs this emulator or host cannot pass through.
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
                case MdevHostDeviceSource { Model: not MdevModel.VfioPci } mdev when GuestArchitectureFamilies.IsX86(input.Emulator.Arch):
                    diagnostics.Error(QemuDiagnostics.DeviceNotForMachine, h.Location,
                        $"a mediated device of model '{HostDeviceXml.MdevModel.ToXml(mdev.Model)}' is an s390 device, not for {input.Emulator.Arch}");
                    break;
                case UsbHostDeviceSource or PciHostDeviceSource or MdevHostDeviceSource or ScsiHostHostDeviceSource:
                    break;
                case ScsiHostDeviceSource scsi:
                    CheckScsi(input, h, scsi, diagnostics);
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

    /// <summary>
    /// A host SCSI LUN is a scsi-generic device on a -blockdev node (no other syntax is written), at a drive address on a
    /// SCSI controller (added when the domain declares none of that index), opened through the host's SCSI generic device
    /// for its adapter address.
    /// </summary>
    private static void CheckScsi(QemuCheckInput input, HostDevice h, ScsiHostDeviceSource scsi, DiagnosticBag diagnostics)
    {
        if (!input.Has(QemuCapability.Blockdev))
        {
            diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, h.Location,
                $"a host SCSI LUN is passed through as a scsi-generic device on a -blockdev node, and '{input.Emulator.Path}' has no blockdev");
            return;
        }
        if (h.Address is not (null or DriveAddress))
            diagnostics.Error(DiagnosticCatalog.AddressTypeMismatch, h.Location,
                $"a host SCSI LUN sits on a SCSI controller and takes a drive address, not a '{AddressTypeXml.Table.ToXml(h.Address.Type)}' one");
        if (scsi.Where is not ScsiAdapterLocation adapter) return;
        if (ScsiAdapterNames.LunName(adapter) is not { } address)
            diagnostics.Error(DiagnosticCatalog.InvalidValue, scsi.Location,
                $"adapter '{adapter.AdapterName}' is no host SCSI adapter name: the host's adapters are scsi_hostN (/sys/class/scsi_host)");
        else if (!input.Host.ScsiGenericDevices.ContainsKey(address))
            diagnostics.Error(QemuDiagnostics.HostDeviceMissing, scsi.Location,
                $"this host has no SCSI generic device for LUN {address} (adapter {adapter.AdapterName}, bus {adapter.Bus}, target {adapter.Target}, unit {adapter.Unit}): /sys/bus/scsi/devices/{address}/scsi_generic names none");
    }

    private static void CheckRom(QemuCheckInput input, DiagnosticBag diagnostics, RomSettings? rom, SourceLocation where)
    {
        if (rom is null || input.Has(QemuCapability.Rombar)) return;
        diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, where,
            $"<rom> needs the emulator capability 'rombar', which '{input.Emulator.Path}' lacks");
    }
}
