using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>Devices the builder cannot express (yet, or with this emulator): they are refused with their location.</summary>
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
        }
        foreach (var nic in devices.Interfaces)
        {
            if (nic is not (UserInterface or EthernetInterface or SocketInterface or HostdevInterface))
                Unsupported(nic.Location, $"interface type '{InterfaceTypeName(nic)}' is not supported by this builder yet");
        }
        foreach (var ch in devices.Serials.Concat(devices.Parallels))
        {
            if (ch.Source is SpicevmcCharSource)
                Unsupported(ch.Location, "a spicevmc serial or parallel port is not supported");
        }
    }

    private static string InterfaceTypeName(NetworkInterface nic) => nic.Type.ToString().ToLowerInvariant();
}
