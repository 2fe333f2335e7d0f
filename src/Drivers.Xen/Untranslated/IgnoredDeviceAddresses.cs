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
        var warning = new Warning { Output = output, Diagnostics = diagnostics };
        AddressedDevices.Visit(domain.Devices, ref warning);
    }

    private struct Warning : IAddressedDeviceVisitor
    {
        public string Output;
        public DiagnosticBag Diagnostics;

        public readonly void Visit(object device, DeviceAddress address, SourceLocation location)
        {
            var element = $"<address type='{AddressTypeXml.Table.ToXml(address.Type)}'>";
            if (device is not Disk disk)
            {
                Diagnostics.Warning(XenSexprDiagnostics.IgnoredAddress, location,
                    $"{element} of {Named(location)} is left out of {Output}: Xen places the device itself");
                return;
            }
            var implied = DiskTargetNames.DefaultAddress(DiskTargetNames.BusOf(disk), DiskTargetNames.Index(disk.Target.Dev));
            if (address is DriveAddress given && implied is not null && Repeats(given, implied)) return;
            var where = implied is null ? "" : $", which puts it at controller {implied.Controller}, bus {implied.Bus}, target {implied.Target}, unit {implied.Unit}";
            Diagnostics.Warning(XenSexprDiagnostics.IgnoredAddress, location,
                $"{element} of disk '{disk.Target.Dev}' is left out of {Output}: Xen names a disk by its target{where}");
        }
    }

    /// <summary>The device's element with its article (<c>an &lt;interface&gt;</c>), from the element path it was read at.</summary>
    private static string Named(SourceLocation location)
    {
        var path = location.Path.AsSpan();
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (name.IndexOf('[') is var index and >= 0) name = name[..index];
        return $"{(name.Length > 0 && "aeiou".Contains(name[0]) ? "an" : "a")} <{name}>";
    }

    /// <summary>Whether every field the drive address gives is the one the disk's target name implies.</summary>
    private static bool Repeats(DriveAddress given, DriveAddress implied) =>
        Same(given.Controller, implied.Controller) && Same(given.Bus, implied.Bus)
        && Same(given.Target, implied.Target) && Same(given.Unit, implied.Unit);

    private static bool Same(uint? given, uint? implied) => given is null || given == implied;
}
