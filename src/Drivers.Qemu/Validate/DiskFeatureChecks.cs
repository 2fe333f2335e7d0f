using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Drivers.Qemu.Emit;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// Disk settings that need a capability or host data: a world wide name (IDE or SCSI, with
/// <c>-device</c>), block sizes (on <c>-device</c>), a geometry (on <c>-drive</c>), and the ceph
/// secret of an authenticated rbd disk, and I/O throttling (<c>drive-iotune</c>).
/// </summary>
internal sealed class DiskFeatureChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var useDevice = input.Has(QemuCapability.Device);
        foreach (var disk in input.Domain.Devices.Disks)
        {
            if (disk.Wwn is { } wwn)
            {
                var bus = disk.Target.Bus;
                if (!useDevice)
                    CapabilityNeeds.Check(input, diagnostics, QemuCapability.Device, disk.Location, $"<wwn>{wwn}</wwn>");
                else if (bus is not (DiskBus.Ide or DiskBus.Scsi))
                    diagnostics.Error(QemuDiagnostics.UnsupportedDevice, disk.Location,
                        $"<wwn>{wwn}</wwn> is only supported on 'ide' and 'scsi' disks, not on bus '{(bus is { } b ? DiskXml.Bus.ToXml(b) : "(default)")}'");
                else
                    CapabilityNeeds.Check(input, diagnostics, bus == DiskBus.Ide ? QemuCapability.IdeDriveWwn : QemuCapability.ScsiDiskWwn, disk.Location, $"<wwn>{wwn}</wwn>");
            }
            if (disk.BlockIo is { LogicalBlockSize: not null } or { PhysicalBlockSize: not null })
            {
                // Block sizes are properties of the -device; the legacy options have nowhere to put them.
                CapabilityNeeds.Check(input, diagnostics, QemuCapability.Device, disk.Location, "<blockio>");
                CapabilityNeeds.Check(input, diagnostics, QemuCapability.Blockio, disk.Location, "<blockio>");
            }
            if (disk.IoTune is { } iotune && HasLimit(iotune))
                CapabilityNeeds.Check(input, diagnostics, QemuCapability.DriveIotune, iotune.Location, "block I/O throttling (<iotune>)");
            if (disk.Serial is { } serial) CheckSerial(input, diagnostics, disk, serial);
            if (disk.Geometry is not null)
                CapabilityNeeds.Check(input, diagnostics, QemuCapability.Drive, disk.Geometry.Location, "<geometry>");
            if (disk is { Source: NetworkDiskSource { Protocol: DiskProtocol.Rbd }, Auth: { } auth } && RbdSource.FindSecret(auth, input.Host) is null
                && !input.Has(QemuCapability.Blockdev))
            {
                var named = auth.Secret.Usage is { } usage ? $"usage '{usage}'" : $"UUID '{auth.Secret.Uuid}'";
                diagnostics.Error(QemuDiagnostics.MissingHostSecret, auth.Location,
                    $"<auth username='{auth.Username}'> names the ceph secret with {named}, but the host settings define no ceph secret with that usage");
            }
        }
    }

    /// <summary>A serial is written on -drive or -device (<see cref="DiskSerialPlacement"/>) or refused, never dropped.</summary>
    private static void CheckSerial(QemuCheckInput input, DiagnosticBag diagnostics, Disk disk, string serial)
    {
        if (serial.FirstOrDefault(char.IsControl) is var control && control != default)
        {
            diagnostics.Error(QemuDiagnostics.UnwritableValue, disk.Location,
                $"the disk's <serial> holds the control character U+{(int)control:X4}");
            return;
        }
        var bus = DiskTargetNames.BusOf(disk);
        // Whether the transport is PCI or s390 the virtio-blk front end has a serial property alike.
        var type = QemuPlanner.DiskType(bus, disk.Device ?? DiskDevice.Disk, input.Emulator, VirtioTransport.Pci);
        var place = DiskSerialPlacement.Of(bus, type, input.Emulator);
        if (place == DiskSerialPlace.LeftOutAsReference)
            diagnostics.Warning(QemuDiagnostics.DiskSerialNowhere, disk.Location,
                $"<serial>{serial}</serial> is left out, as the reference does: '{input.Emulator.Path}' lacks 'drive-serial' and is not described as a QEMU whose -device takes it ('blockdev')");
        else if (place == DiskSerialPlace.Nowhere)
            diagnostics.Error(QemuDiagnostics.DiskSerialNowhere, disk.Location,
                $"<serial>{serial}</serial> has no place: '{input.Emulator.Path}' lacks 'drive-serial' and "
                + (type is null || !input.Has(QemuCapability.Device) ? "the disk has no -device" : $"its -device '{type}' has no serial property"));
    }

    // A limit of 0 means "no limit", as in the reference: only a positive value asks for throttling.
    private static bool HasLimit(DiskIoTune t) =>
        new[] { t.TotalBytesSec, t.ReadBytesSec, t.WriteBytesSec, t.TotalIopsSec, t.ReadIopsSec, t.WriteIopsSec }.Any(v => v > 0);
}
