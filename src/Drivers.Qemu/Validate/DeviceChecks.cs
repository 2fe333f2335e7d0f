using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>Devices the builder cannot express (on any command line, or with this emulator): refused with their location.</summary>
internal sealed class DeviceChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var devices = input.Domain.Devices;
        void Unsupported(SourceLocation where, string what) =>
            diagnostics.Error(QemuDiagnostics.UnsupportedDevice, where, what);
        var useDevice = input.Has(QemuCapability.Device);
        foreach (var disk in devices.Disks)
        {
            if (disk.Target.Bus is DiskBus.Uml or DiskBus.Sd)
                Unsupported(disk.Target.Location, $"disk bus '{DiskXml.Bus.ToXml(disk.Target.Bus.Value)}' is not supported by QEMU");
            if (useDevice && input.Has(QemuCapability.Drive) && disk.Target.Bus is DiskBus.Xen)
                Unsupported(disk.Target.Location, "disk bus 'xen' cannot be used with -device");
            // -drive has no if=sata: an AHCI disk exists only as a -device on an ahci controller.
            if (!useDevice && DiskTargetNames.BusOf(disk) == DiskBus.Sata)
                Unsupported(disk.Target.Location,
                    $"disk bus 'sata' needs -device (the emulator capability '{QemuCapabilityNames.Name(QemuCapability.Device)}'), which '{input.Emulator.Path}' lacks");
        }
        foreach (var nic in devices.Interfaces)
        {
            // These need a tap or macvtap device that the host opens and hands to QEMU by descriptor.
            if (NetworkBackendChecks.Refusal(nic, input) is { } refusal)
                diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, nic.Location, refusal);
            else if (NetworkBackendChecks.Modern(nic, input)) { }
            else if (nic is VirtualNetworkInterface or BridgeInterface or DirectInterface)
                diagnostics.Error(QemuDiagnostics.NeedsHostTap, nic.Location,
                    $"interface type '{InterfaceTypeName(nic)}' needs a tap device opened by the host and passed by descriptor, " +
                    "which a command line alone cannot express; use type 'ethernet' (a tap QEMU opens itself) or 'user'");
            else if (nic is not (UserInterface or EthernetInterface or SocketInterface or HostdevInterface))
                Unsupported(nic.Location, $"interface type '{InterfaceTypeName(nic)}' has no QEMU network backend");
        }
        foreach (var ch in devices.Serials.Concat(devices.Parallels))
        {
            if (ch.Source is SpicevmcCharSource)
                Unsupported(ch.Location, "a spicevmc serial or parallel port is not supported");
        }
    }

    private static string InterfaceTypeName(NetworkInterface nic) => nic.Type.ToString().ToLowerInvariant();
}
