namespace DomainLauncher.Translator.Model;

/// <summary>
/// What a disk's target name (<c>hda</c>, <c>sdb</c>, <c>vdaa</c>, <c>xvdg</c>) implies, as the reference
/// reads it: its index, the bus when none is given, and the drive address that index gives. Shared by
/// the drivers' planners and the XML writer, which all fill in these defaults the same way.
/// </summary>
public static class DiskTargetNames
{
    private static readonly string[] Prefixes = ["xvd", "ubd", "hd", "sd", "vd", "fd", "mmcblk"];

    /// <summary>The disk index of a target name: the letters after the prefix, base 26 (<c>a</c>=0, <c>aa</c>=26); -1 when not a name.</summary>
    public static int Index(string dev)
    {
        // Loops over the prefixes and the letters, not FirstOrDefault and All: a closure, a substring and two
        // delegates' calls per letter for each disk, asked several times per disk (9.0 corpus x2: ~0.7M instructions).
        // No prefix leaves no letters, as a bare prefix does: neither is a name.
        var letters = ReadOnlySpan<char>.Empty;
        foreach (var prefix in Prefixes)
        {
            if (!dev.StartsWith(prefix, StringComparison.Ordinal)) continue;
            letters = dev.AsSpan(prefix.Length);
            break;
        }
        if (letters.Length == 0) return -1;
        var index = 0;
        foreach (var c in letters)
        {
            if (!char.IsAsciiLetterLower(c)) return -1;
            index = (index * 26) + (c - 'a' + 1);
        }
        return index - 1;
    }

    /// <summary>The target name of disk <paramref name="index"/> after <paramref name="prefix"/> (<c>sd</c> and 0 give <c>sda</c>, 26 <c>sdaa</c>): <see cref="Index"/> the other way.</summary>
    public static string Name(string prefix, int index)
    {
        var letters = "";
        for (var n = index; n >= 0; n = n / 26 - 1) letters = (char)('a' + n % 26) + letters;
        return prefix + letters;
    }

    /// <summary>The drive address libvirt gives a disk from its index when the XML gives none.</summary>
    public static DriveAddress? DefaultAddress(DiskBus bus, int index) => index < 0 ? null : bus switch
    {
        DiskBus.Ide => new DriveAddress { Controller = (uint)(index / 4), Bus = (uint)(index % 4 / 2), Target = 0, Unit = (uint)(index % 2) },
        DiskBus.Fdc => new DriveAddress { Controller = (uint)(index / 2), Bus = 0, Target = 0, Unit = (uint)(index % 2) },
        DiskBus.Scsi => new DriveAddress { Controller = (uint)(index / 7), Bus = 0, Target = 0, Unit = (uint)(index % 7) },
        DiskBus.Sata => new DriveAddress { Controller = (uint)(index / 6), Bus = 0, Target = 0, Unit = (uint)(index % 6) },
        _ => null,
    };

    /// <summary>The bus a disk is on when its target names none: from the name's prefix, as libvirt guesses it.</summary>
    public static DiskBus DefaultBus(string dev, DiskDevice? device) =>
        device == DiskDevice.Floppy ? DiskBus.Fdc
        : dev.StartsWith("hd", StringComparison.Ordinal) ? DiskBus.Ide
        : dev.StartsWith("sd", StringComparison.Ordinal) ? DiskBus.Scsi
        : dev.StartsWith("vd", StringComparison.Ordinal) ? DiskBus.Virtio
        : dev.StartsWith("xvd", StringComparison.Ordinal) ? DiskBus.Xen
        : dev.StartsWith("ubd", StringComparison.Ordinal) ? DiskBus.Uml
        : DiskBus.Ide;

    /// <summary>The disk's bus: the one its target gives, else the one its name implies.</summary>
    public static DiskBus BusOf(Disk disk) => disk.Target.Bus ?? DefaultBus(disk.Target.Dev, disk.Device);

    /// <summary>The disk's drive address: the one the XML gives, else the one its name implies (null when none applies).</summary>
    public static DriveAddress? DriveAddressOf(Disk disk) =>
        disk.Address as DriveAddress ?? DefaultAddress(BusOf(disk), Index(disk.Target.Dev));
}
