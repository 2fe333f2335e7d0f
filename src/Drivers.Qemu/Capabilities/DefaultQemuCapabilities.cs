using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Capabilities;

/// <summary>
/// The emulator <c>to-native qemu-argv</c> assumes when it is told nothing: roughly what libvirt
/// 0.10.2 detects in an upstream QEMU 1.2 binary (<c>-device</c>, <c>-netdev</c>, <c>-chardev</c>,
/// the JSON monitor, <c>-no-user-config</c>, the usual PCI devices), plus <c>pci-multibus</c> for x86
/// guests as libvirt sets it by architecture. Deliberately left out: syntax QEMU 1.2 no longer accepts
/// (<c>drive-boot</c>'s <c>boot=on</c>, <c>kqemu</c>), Xen-only ones (<c>domid</c>, <c>xen-domid</c>)
/// and what arrived after 1.2 (<c>vnc</c>, <c>machine-opt</c>, <c>virtio-rng</c>, ...).
/// </summary>
public static class DefaultQemuCapabilities
{
    public const string Description = "a QEMU 1.2-era emulator";

    public static QemuCapabilitySet Base { get; } = QemuCapabilitySet.Of(
        QemuCapability.VncColon, QemuCapability.NoReboot, QemuCapability.Drive, QemuCapability.Name,
        QemuCapability.Uuid, QemuCapability.VnetHdr, QemuCapability.MigrateQemuTcp, QemuCapability.MigrateQemuExec,
        QemuCapability.DriveCacheV2, QemuCapability.DriveFormat, QemuCapability.Vga, QemuCapability.Qemu0_10,
        QemuCapability.PciDevice, QemuCapability.MemPath, QemuCapability.DriveSerial, QemuCapability.MigrateQemuUnix,
        QemuCapability.Chardev, QemuCapability.EnableKvm, QemuCapability.MonitorJson, QemuCapability.Balloon,
        QemuCapability.Device, QemuCapability.Sdl, QemuCapability.SmpTopology, QemuCapability.Netdev,
        QemuCapability.Rtc, QemuCapability.VhostNet, QemuCapability.NoHpet, QemuCapability.NoKvmPit,
        QemuCapability.Nodefconfig, QemuCapability.BootMenu, QemuCapability.Fsdev, QemuCapability.NameProcess,
        QemuCapability.DriveReadonly, QemuCapability.SmbiosType, QemuCapability.VgaQxl, QemuCapability.Spice,
        QemuCapability.VgaNone, QemuCapability.MigrateQemuFd, QemuCapability.BootIndex, QemuCapability.HdaDuplex,
        QemuCapability.DriveAio, QemuCapability.PciBootindex, QemuCapability.CcidEmulated, QemuCapability.CcidPassthru,
        QemuCapability.ChardevSpicevmc, QemuCapability.VirtioTxAlg, QemuCapability.DeviceQxlVga,
        QemuCapability.PciMultifunction, QemuCapability.VirtioBlkPciIoeventfd, QemuCapability.Sga,
        QemuCapability.VirtioBlkPciEventIdx, QemuCapability.VirtioNetPciEventIdx, QemuCapability.CacheDirectsync,
        QemuCapability.Piix3UsbUhci, QemuCapability.Piix4UsbUhci, QemuCapability.UsbEhci, QemuCapability.Ich9UsbEhci1,
        QemuCapability.Vt82c686bUsbUhci, QemuCapability.PciOhci, QemuCapability.UsbRedir, QemuCapability.UsbHub,
        QemuCapability.NoShutdown, QemuCapability.CacheUnsafe, QemuCapability.Rombar, QemuCapability.Ich9Ahci,
        QemuCapability.NoAcpi, QemuCapability.FsdevReadonly, QemuCapability.VirtioBlkPciScsi, QemuCapability.BlkSgIo,
        QemuCapability.DriveCopyOnRead, QemuCapability.CpuHost, QemuCapability.FsdevWriteout, QemuCapability.DriveIotune,
        QemuCapability.SystemWakeup, QemuCapability.ScsiDiskChannel, QemuCapability.ScsiBlock, QemuCapability.Transaction,
        QemuCapability.BlockJobAsync, QemuCapability.ScsiCd, QemuCapability.IdeCd, QemuCapability.NoUserConfig,
        QemuCapability.HdaMicro, QemuCapability.DumpGuestMemory, QemuCapability.NecUsbXhci, QemuCapability.BalloonEvent,
        QemuCapability.Bridge, QemuCapability.Lsi, QemuCapability.VirtioScsiPci, QemuCapability.Blockio,
        QemuCapability.DisableS3, QemuCapability.DisableS4, QemuCapability.UsbRedirFilter, QemuCapability.IdeDriveWwn,
        QemuCapability.ScsiDiskWwn, QemuCapability.SeccompSandbox, QemuCapability.RebootTimeout,
        QemuCapability.DumpGuestCore);

    /// <summary>The default set for a guest of this architecture.</summary>
    public static QemuCapabilitySet For(string arch) =>
        GuestArchitectureFamilies.IsX86(arch) ? Base.With(QemuCapability.PciMultibus) : Base;
}
