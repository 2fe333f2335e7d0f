using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.Untranslated;

/// <summary>
/// Guest addresses neither Xen writer can write. xend and libxl name a disk by its target and put every other
/// device where the toolstack puts it, so an address the XML gives is left out, as libvirt's Xen drivers leave it
/// out; unlike them, with a warning at the device, since the guest may find the device elsewhere than the
/// address says. A drive address that only repeats what the disk's target name gives (libvirt writes one for
/// every IDE, SCSI, SATA and floppy disk it reads back) changes nothing and is not mentioned.
/// </summary>
internal static class IgnoredDeviceAddresses
{
    public static void Warn(Domain domain, string output, DiagnosticBag diagnostics)
    {
        var devices = domain.Devices;
        foreach (var disk in devices.Disks)
        {
            if (disk.Address is null) continue;
            var implied = DiskTargetNames.DefaultAddress(DiskTargetNames.BusOf(disk), DiskTargetNames.Index(disk.Target.Dev));
            if (disk.Address is DriveAddress given && implied is not null && Repeats(given, implied)) continue;
            var where = implied is null ? "" : $", which puts it at {Describe(implied)}";
            diagnostics.Warning(XenSexprDiagnostics.IgnoredAddress, disk.Location,
                $"{Element(disk.Address)} of disk '{disk.Target.Dev}' is left out of {output}: Xen names a disk by its target{where}");
        }
        foreach (var nic in devices.Interfaces) Left(nic.Address, nic.Location, "an <interface>", output, diagnostics);
        foreach (var hostdev in devices.HostDevices) Left(hostdev.Address, hostdev.Location, "a <hostdev>", output, diagnostics);
        foreach (var video in devices.Videos) Left(video.Address, video.Location, "a <video>", output, diagnostics);
        foreach (var sound in devices.Sounds) Left(sound.Address, sound.Location, "a <sound>", output, diagnostics);
        foreach (var input in devices.Inputs) Left(input.Address, input.Location, "an <input>", output, diagnostics);
        foreach (var controller in devices.Controllers) Left(controller.Address, controller.Location, "a <controller>", output, diagnostics);
        foreach (var port in devices.Serials) Left(port.Address, port.Location, "a <serial>", output, diagnostics);
        foreach (var port in devices.Parallels) Left(port.Address, port.Location, "a <parallel>", output, diagnostics);
        foreach (var console in devices.Consoles) Left(console.Address, console.Location, "a <console>", output, diagnostics);
    }

    private static void Left(DeviceAddress? address, SourceLocation at, string device, string output, DiagnosticBag diagnostics)
    {
        if (address is null) return;
        diagnostics.Warning(XenSexprDiagnostics.IgnoredAddress, at,
            $"{Element(address)} of {device} is left out of {output}: Xen places the device itself");
    }

    /// <summary>Whether every field the drive address gives is the one the disk's target name implies.</summary>
    private static bool Repeats(DriveAddress given, DriveAddress implied) =>
        Same(given.Controller, implied.Controller) && Same(given.Bus, implied.Bus)
        && Same(given.Target, implied.Target) && Same(given.Unit, implied.Unit);

    private static bool Same(uint? given, uint? implied) => given is null || given == implied;

    private static string Element(DeviceAddress address) => $"<address type='{AddressTypeXml.Table.ToXml(address.Type)}'>";

    private static string Describe(DriveAddress a) => $"controller {a.Controller}, bus {a.Bus}, target {a.Target}, unit {a.Unit}";
}
