using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Validate.Untranslated;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// Character device settings of today's schema against the emulator and host: the chardev backends and options
/// they need (spiceport, qemu-vdagent, append, reconnect, logfile), a serial target an x86 QEMU has a device for,
/// and TLS on a TCP source, which needs the host's chardev certificates (the host settings name none).
/// </summary>
internal sealed class ModernCharDeviceChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var d = input.Domain.Devices;
        foreach (var device in d.CharDevicesOnce)
        {
            void Needs(QemuCapability capability, string what)
            {
                if (!input.Has(capability))
                    diagnostics.Error(QemuDiagnostics.CharDeviceNeedsCapability, device.Location,
                        $"{what} needs the emulator capability '{QemuCapabilityNames.Name(capability)}', which '{input.Emulator.Path}' lacks");
            }
            switch (device.Source)
            {
                case SpiceportCharSource:
                    Needs(QemuCapability.ChardevSpiceport, "a spiceport source");
                    break;
                case QemuVdagentCharSource:
                    Needs(QemuCapability.ChardevQemuVdagent, "a qemu-vdagent source");
                    break;
                case FileCharSource { Append: not null }:
                    Needs(QemuCapability.ChardevFileAppend, "<source append>");
                    break;
                case TcpCharSource tcp:
                    if (tcp.Reconnect is { Enabled: true }) Needs(QemuCapability.ChardevReconnect, "<reconnect>");
                    if (tcp.Tls == true)
                        diagnostics.Error(QemuDiagnostics.CharDeviceTlsUnavailable, device.Location,
                            "<source tls='yes'> needs the host's TLS certificates for character devices (libvirt's chardev_tls_x509_cert_dir), which the host settings do not name; use tls='no' or a plain socket");
                    break;
                case UnixCharSource { Reconnect.Enabled: true }:
                    Needs(QemuCapability.ChardevReconnect, "<reconnect>");
                    break;
            }
            if (device.Log is not null) Needs(QemuCapability.ChardevLogfile, "<log>");
            // A serial port's device, unless it is pseries' spapr-vty (placed by its registers): asked once, for both checks.
            var spaprVio = device.Kind == CharDeviceKind.Serial && SpaprVioRegisters.SerialIsSpaprVio(device, input.Domain.Os?.Machine ?? "");
            var serialType = device.Kind == CharDeviceKind.Serial && !spaprVio ? SerialPlanning.QemuType(device.Target as SerialTarget) : null;
            if (device.Address is { } address && !AddressUntranslated.PlacesNoDevice(address)) CheckAddress(device, serialType, address, diagnostics);
            if (device.Kind != CharDeviceKind.Serial || spaprVio) continue;
            if (device.Target is SerialTarget target && serialType is null)
                diagnostics.Error(QemuDiagnostics.SerialTargetWithoutDevice, device.Location,
                    $"the serial target {(target.Model is { } model ? $"model '{CharTargetXml.SerialModel.ToXml(model)}'" : $"type '{CharTargetXml.SerialType.ToXml(target.Type!.Value)}'")} has no device on this machine; use isa-serial, usb-serial, pci-serial or isa-debug");
        }
    }

    /// <summary>
    /// Where each kind of port sits: an ISA serial port, debug console or parallel port at an ISA address, a USB serial
    /// port on a USB port, a virtio channel or console on a virtio-serial port (libvirt: "virtio serial device has
    /// invalid address type"), and a guestfwd channel, which is no guest device, nowhere. Another type of address
    /// placed the port nowhere, unread. A PCI serial port's address is the PCI placement's to refuse, a pseries serial
    /// port's the spapr-vio registers', a console on a serial port the serial port's, and the types the driver places
    /// no device at are refused as untranslated (DL4310).
    /// </summary>
    private static void CheckAddress(CharDevice device, string? serialType, DeviceAddress address, DiagnosticBag diagnostics)
    {
        // Whether the address fits is asked first; the words of a refusal are made only for one (every port with an
        // address passes here, and most fit).
        AddressType? takes = device switch
        {
            _ when serialType is SerialPlanning.IsaSerial or SerialPlanning.IsaDebugcon => AddressType.Isa,
            _ when serialType is SerialPlanning.UsbSerial => AddressType.Usb,
            { Kind: CharDeviceKind.Parallel } => AddressType.Isa,
            _ when VirtioSerialPlanning.IsVirtio(device) => AddressType.VirtioSerial,
            { Target: GuestfwdChannelTarget } => null,
            _ => address.Type,
        };
        if (takes == address.Type) return;
        var what = device switch
        {
            _ when serialType is not null => $"the serial port ({serialType})",
            { Kind: CharDeviceKind.Parallel } => "the parallel port (isa-parallel)",
            { Target: GuestfwdChannelTarget } => "the guestfwd channel (no device in the guest)",
            _ => $"the virtio {(device.Kind == CharDeviceKind.Console ? "console" : "channel")}",
        };
        var expected = takes switch
        {
            AddressType.Isa => "an ISA address",
            AddressType.Usb => "a USB address",
            AddressType.VirtioSerial => "a virtio-serial address",
            _ => "no address",
        };
        diagnostics.Error(DiagnosticCatalog.AddressTypeMismatch, device.Location,
            $"{what} takes {expected}, not a '{AddressTypeXml.Table.ToXml(address.Type)}' one");
    }
}
