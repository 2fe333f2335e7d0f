using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Plan.Blockdev;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// Disk sources and settings that a <c>-blockdev</c> graph cannot be written for, on an emulator with
/// the blockdev capability: a storage pool volume (no pool to resolve it without libvirt's daemon), file
/// descriptors passed to libvirt, protocols QEMU dropped, NFS identities given by name, image formats
/// without a QEMU driver, qcow's AES encryption, which today's system emulators no longer open, and a writable
/// shareable disk whose image is not raw.
/// </summary>
internal sealed class BlockdevChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        foreach (var disk in input.Domain.Devices.Disks.Where(d => d.Transient)) CheckTransient(input, disk, diagnostics);
        if (!input.Has(QemuCapability.Blockdev)) return;
        foreach (var disk in input.Domain.Devices.Disks)
        {
            foreach (var (source, format, encryption) in Images(disk))
                CheckImage(source, format, encryption, diagnostics);
            if (disk.Source is BlockDiskSource { Reservations: { } reservations }) CheckReservations(input, reservations, diagnostics);
            // QEMU opens a shareable disk's image with share-rw (BlockGraphPlanning); two guests writing one image at once
            // keep it whole only where the format has no metadata of its own to update: raw (libvirt refuses the rest too).
            if (disk is { Shareable: true, ReadOnly: false, Driver.Format: { } imageFormat and not DiskFormat.Raw } && disk.Device != DiskDevice.Cdrom)
                diagnostics.Error(QemuDiagnostics.SharedImageFormat, disk.Driver.Location,
                    $"disk {disk.Target.Dev} is <shareable/> and writable, and two guests writing one {DiskXml.Format.ToXml(imageFormat)} image at once would corrupt its metadata; only a raw image can be shared so (or make the disk <readonly/>)");
            // With -blockdev the error policies are front-end properties, which floppy and USB storage devices lack.
            if (disk.Driver is { ErrorPolicy: not null } or { ReadErrorPolicy: not null } && DiskTargetNames.BusOf(disk) is DiskBus.Fdc or DiskBus.Usb)
                diagnostics.Error(QemuDiagnostics.ErrorPolicyWithoutFrontEnd, disk.Driver.Location,
                    $"this QEMU takes error_policy and rerror_policy as properties of the disk's device, and a {(DiskTargetNames.BusOf(disk) == DiskBus.Fdc ? "floppy" : "usb-storage")} device has none");
        }
    }

    /// <summary>
    /// A transient disk's writes go to a qcow2 overlay node above the image, which only a -blockdev graph has; the
    /// launcher makes the overlay from the image's size, so the image must be a local file or block device.
    /// </summary>
    private static void CheckTransient(QemuCheckInput input, Disk disk, DiagnosticBag diagnostics)
    {
        if (!input.Has(QemuCapability.Blockdev))
            diagnostics.Error(QemuDiagnostics.TransientWithoutOverlay, disk.Location,
                $"disk {disk.Target.Dev} is <transient/>: its writes go to an overlay node above the image, which needs -blockdev, and '{input.Emulator.Path}' has none");
        else if (disk.Source is not (FileDiskSource { File: not null } or BlockDiskSource))
            diagnostics.Error(QemuDiagnostics.TransientWithoutOverlay, disk.Location,
                $"disk {disk.Target.Dev} is <transient/>: the launcher makes its overlay from a local image (a file or a block device), and this disk has {(disk.Source is null ? "no source" : $"a {disk.Source.Type.ToString().ToLowerInvariant()} source")}");
        else if (disk.ReadOnly || disk.Device is DiskDevice.Cdrom or DiskDevice.Floppy or DiskDevice.Lun)
            diagnostics.Error(QemuDiagnostics.TransientWithoutOverlay, disk.Location,
                $"disk {disk.Target.Dev} is <transient/> and {(disk.ReadOnly ? "read-only" : "not a plain disk")}: only a writable disk has writes to throw away");
    }

    /// <summary>Reservations go through a qemu-pr-helper: the emulator needs the object that talks to one, and an unmanaged one its socket.</summary>
    private static void CheckReservations(QemuCheckInput input, DiskReservations reservations, DiagnosticBag diagnostics)
    {
        if (!input.Has(QemuCapability.PrManagerHelper))
            diagnostics.Error(QemuDiagnostics.DeviceBackendMissing, reservations.Location,
                $"<reservations> go through a qemu-pr-helper, and '{input.Emulator.Path}' has no pr-manager-helper object to talk to one");
        else if (reservations.Managed != true && reservations.Source is null)
            diagnostics.Error(QemuDiagnostics.DeviceBackendMissing, reservations.Location,
                "<reservations managed='no'> names no <source type='unix' path='...'/> of the qemu-pr-helper to use");
    }

    /// <summary>The disk's images: the source with the disk's format and encryption, then each backing layer.</summary>
    private static IEnumerable<(DiskSource Source, DiskFormat? Format, DiskEncryption? Encryption)> Images(Disk disk)
    {
        if (disk.Source is null) yield break;
        yield return (disk.Source, disk.Driver?.Format, disk.Source.Encryption ?? disk.Encryption);
        for (var layer = disk.BackingStore; layer is { Source: { } source }; layer = layer.Next)
            yield return (source, layer.Format?.Type, source.Encryption);
    }

    private static void CheckImage(DiskSource source, DiskFormat? format, DiskEncryption? encryption, DiagnosticBag diagnostics)
    {
        switch (source)
        {
            case VolumeDiskSource volume:
                diagnostics.Error(QemuDiagnostics.PoolVolumeUnresolvable, source.Location,
                    $"volume '{volume.Volume}' of storage pool '{volume.Pool}' cannot be resolved to a path without libvirt's storage pools; give the disk as type='file' or 'block'");
                return;
            case FileDiskSource { FdGroup: { } group }:
                diagnostics.Error(QemuDiagnostics.PassedDescriptors, source.Location,
                    $"<source fdgroup='{group}'> names file descriptors handed to libvirt's daemon; a launcher has none: give the image's path");
                return;
            case NetworkDiskSource network when !BlockProtocolNodes.Writes(network.Protocol):
                diagnostics.Error(QemuDiagnostics.BlockProtocolGone, source.Location,
                    $"this QEMU has no block driver for protocol '{DiskXml.Protocol.ToXml(network.Protocol)}'");
                return;
            case NetworkDiskSource { Protocol: DiskProtocol.Nfs, Identity: { } identity } nfs:
                foreach (var id in new[] { identity.User, identity.Group })
                    if (id is not null && !IsNumeric(id))
                        diagnostics.Error(QemuDiagnostics.NfsIdentityByName, nfs.Location,
                            $"NFS identity '{id}' is a name; QEMU takes a numeric user and group id ('+1000'), and resolving names needs the host's user database");
                break;
        }
        if (format is { } f && BlockFormats.Driver(f) is null)
            diagnostics.Error(QemuDiagnostics.FormatWithoutDriver, source.Location,
                $"QEMU has no block driver for image format '{DiskXml.Format.ToXml(f)}'");
        if (encryption is { Format: DiskEncryptionFormat.Qcow or DiskEncryptionFormat.Default } && !encryption.Secrets.IsEmpty
            && format is DiskFormat.Qcow or DiskFormat.Qcow2)
            diagnostics.Error(QemuDiagnostics.QcowAesEncryption, encryption.Location,
                "qcow AES encryption (<encryption format='qcow'>) cannot be opened by today's QEMU system emulators; convert the image to LUKS encryption");
    }

    private static bool IsNumeric(string id) => id.TrimStart('+') is { Length: > 0 } digits && digits.All(char.IsAsciiDigit);
}
