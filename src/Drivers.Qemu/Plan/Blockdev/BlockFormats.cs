using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Blockdev;

/// <summary>The QEMU format driver of an image format (<c>&lt;driver type&gt;</c>, <c>&lt;format type&gt;</c>).</summary>
internal static class BlockFormats
{
    /// <summary>The format node's driver, or null for a format QEMU has no format driver for (validation refuses it).</summary>
    public static string? Driver(DiskFormat? format) => format switch
    {
        null or DiskFormat.Raw or DiskFormat.Iso or DiskFormat.Fat or DiskFormat.Dir => "raw",
        DiskFormat.Bochs => "bochs",
        DiskFormat.Cloop => "cloop",
        DiskFormat.Dmg => "dmg",
        DiskFormat.Qcow => "qcow",
        DiskFormat.Qcow2 => "qcow2",
        DiskFormat.Qed => "qed",
        DiskFormat.Vmdk => "vmdk",
        DiskFormat.Vpc or DiskFormat.Vhd => "vpc",
        DiskFormat.Vdi => "vdi",
        DiskFormat.Luks => "luks",
        DiskFormat.Ploop => "parallels",
        _ => null, // cow, aio: no QEMU driver
    };

    /// <summary>Whether the format driver takes a <c>backing</c> image (QEMU's copy-on-write formats).</summary>
    public static bool HasBacking(string driver) => driver is "qcow2" or "qcow" or "qed" or "vmdk";
}
