namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// The guest's firmware as decided once: a memory-mapped image (<c>-bios</c>), or flash drives
/// (<c>-blockdev</c> nodes named by <c>-machine pflash0=,pflash1=</c>), and whether the flash is
/// writable only from System Management Mode (secure boot's requirement).
/// </summary>
public sealed record PlannedFirmware
{
    /// <summary>The image given with <c>-bios</c>; null with flash firmware or QEMU's own default.</summary>
    public string? Bios { get; init; }

    /// <summary>The executable flash drive (<c>pflash0</c>); null without flash firmware.</summary>
    public PlannedPflash? Code { get; init; }

    /// <summary>The UEFI variable store (<c>pflash1</c>); null when the firmware is stateless or has none.</summary>
    public PlannedPflash? Vars { get; init; }

    /// <summary>The flash is protected from the guest outside SMM (<c>-global driver=cfi.pflash01,property=secure,value=on</c>); needs SMM.</summary>
    public bool SecureFlash { get; init; }

    /// <summary>The firmware needs System Management Mode on (its description's <c>requires-smm</c>, or <c>&lt;loader secure='yes'&gt;</c>).</summary>
    public bool NeedsSmm { get; init; }

    /// <summary>The description file the image was chosen from (<c>&lt;os firmware&gt;</c>), for notes; null when the domain names its loader.</summary>
    public string? ChosenFrom { get; init; }
}

/// <summary>
/// One flash drive: a file on the host given as a <c>file</c> protocol node and a format node on top
/// (the node QEMU's machine property names). <see cref="Template"/> is the file the host runtime copies
/// to <see cref="Path"/> before the start when the store does not exist yet (the driver touches no file).
/// </summary>
public sealed record PlannedPflash(int Unit, string Path, string Format, bool ReadOnly)
{
    /// <summary>The variable store's template; null for the executable, or when the store must already exist.</summary>
    public string? Template { get; init; }

    /// <summary>The host file is a block device (<c>host_device</c>) rather than a regular file.</summary>
    public bool BlockDevice { get; init; }

    public string StorageNode => $"libvirt-pflash{Unit}-storage";

    public string FormatNode => $"libvirt-pflash{Unit}-format";
}
