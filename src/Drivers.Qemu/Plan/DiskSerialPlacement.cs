using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>Where a disk's <c>&lt;serial&gt;</c> goes on the command line.</summary>
internal enum DiskSerialPlace
{
    /// <summary><c>serial=</c> on <c>-drive</c> (QEMU before 2.x and up to <c>drive-serial</c>'s removal).</summary>
    Drive,

    /// <summary><c>serial=</c> on the front end's <c>-device</c> (QEMU that no longer takes it on <c>-drive</c>).</summary>
    Device,

    /// <summary>
    /// An emulator described in libvirt 0.10.2's capability vocabulary that lacks <c>drive-serial</c>: the
    /// reference leaves the serial out, and so does the builder, with a warning at the disk (not silently).
    /// </summary>
    LeftOutAsReference,

    /// <summary>Neither takes it: validation refuses the serial rather than drop it.</summary>
    Nowhere,
}

/// <summary>
/// The one rule for a disk serial's place (issue 11, item 11): on <c>-drive</c> while the emulator has
/// <c>drive-serial</c>, else on a <c>-device</c> whose type has a <c>serial</c> property. QEMU 3.0 removed
/// <c>-drive serial=</c>; libvirt 0.10.2, the reference, never wrote it on the device and left it out. A
/// probed emulator (one that has <c>blockdev</c>, as every QEMU since 2.9 and no reference capability set)
/// gets it on the device; a reference-era one keeps the reference's output.
/// </summary>
internal static class DiskSerialPlacement
{
    // The front ends that have a 'serial' property (QEMU's IDE, SCSI disk, virtio-blk and usb-storage devices).
    private static readonly HashSet<string> TypesWithSerial = new(StringComparer.Ordinal)
    {
        "ide-hd", "ide-cd", "ide-drive", "scsi-hd", "scsi-cd", "scsi-disk", "virtio-blk-pci", "virtio-blk-s390", "usb-storage",
    };

    public static DiskSerialPlace Of(DiskBus bus, string? qemuType, EmulatorDescription emulator)
    {
        var useDevice = emulator.Has(QemuCapability.Device);
        // With blockdev a disk is a node graph: there is no -drive to hold the serial.
        var blockGraph = emulator.Has(QemuCapability.Blockdev);
        // The same choice DiskEmitter makes: -drive has no if=usb, so without -device a USB disk is -usbdevice disk:.
        var hasDrive = !blockGraph && emulator.Has(QemuCapability.Drive) && (useDevice || bus != DiskBus.Usb);
        if (hasDrive && emulator.Has(QemuCapability.DriveSerial)) return DiskSerialPlace.Drive;
        if (!blockGraph) return DiskSerialPlace.LeftOutAsReference;
        return useDevice && qemuType is not null && TypesWithSerial.Contains(qemuType) ? DiskSerialPlace.Device : DiskSerialPlace.Nowhere;
    }
}
