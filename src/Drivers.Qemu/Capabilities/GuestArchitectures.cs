namespace DomainLauncher.Drivers.Qemu.Capabilities;

/// <summary>The architectures QEMU emulates, by either name.</summary>
public static class GuestArchitectures
{
    // libvirt names a few targets by the CPU a guest sees rather than QEMU's family name (i386 is
    // i686, arm is armv7l, or1k is openrisc, hppa is parisc); the others share QEMU's name.
    private static readonly GuestArchitecture[] Table =
    [
        new("aarch64", "aarch64", 64), new("alpha", "alpha", 64), new("arm", "armv7l", 32),
        new("cris", "cris", 32), new("hppa", "parisc", 32), new("i386", "i686", 32),
        new("loongarch64", "loongarch64", 64), new("m68k", "m68k", 32), new("microblaze", "microblaze", 32),
        new("microblazeel", "microblazeel", 32), new("mips", "mips", 32), new("mipsel", "mipsel", 32),
        new("mips64", "mips64", 64), new("mips64el", "mips64el", 64), new("or1k", "openrisc", 32),
        new("ppc", "ppc", 32), new("ppc64", "ppc64", 64), new("riscv32", "riscv32", 32),
        new("riscv64", "riscv64", 64), new("s390x", "s390x", 64), new("sh4", "sh4", 32),
        new("sh4eb", "sh4eb", 32), new("sparc", "sparc", 32), new("sparc64", "sparc64", 64),
        new("x86_64", "x86_64", 64), new("xtensa", "xtensa", 32), new("xtensaeb", "xtensaeb", 32),
    ];

    /// <summary>The entry for a QEMU target; an unknown target keeps its name and has no word size.</summary>
    // A loop, not FirstOrDefault with a lambda: to-native names every document's emulator's architecture by it.
    public static GuestArchitecture? FromQemuTarget(ReadOnlySpan<char> target)
    {
        foreach (var architecture in Table)
            if (target.SequenceEqual(architecture.QemuTarget)) return architecture;
        return null;
    }

    /// <summary>The libvirt arch name of a QEMU target (<c>i386</c> gives <c>i686</c>).</summary>
    public static string NameOf(string qemuTarget) => FromQemuTarget(qemuTarget)?.Name ?? qemuTarget;

    /// <summary>As <see cref="NameOf(string)"/>, for a target read out of a longer text.</summary>
    public static string NameOf(ReadOnlySpan<char> qemuTarget) => FromQemuTarget(qemuTarget)?.Name ?? qemuTarget.ToString();

    /// <summary>The QEMU target of a libvirt arch name (<c>i686</c> gives <c>i386</c>).</summary>
    public static string QemuTargetOf(string arch) => Table.FirstOrDefault(a => a.Name == arch)?.QemuTarget ?? arch;

    /// <summary>
    /// Whether an emulator for <paramref name="emulatorArch"/> (<c>qemu-system-x86_64</c> is x86_64) runs guests of
    /// <paramref name="guestArch"/>, both by libvirt's names: its own architecture, and the narrower sibling its machines
    /// take as well (libvirt's rule: a 32-bit x86 guest on the x86_64 emulator, a 32-bit ARM guest on aarch64's, an
    /// ARMv6 guest on arm's, a little-endian POWER guest on ppc64's).
    /// </summary>
    public static bool EmulatorRuns(string emulatorArch, string guestArch) =>
        emulatorArch == guestArch || (emulatorArch, guestArch) is ("x86_64", "i686") or ("aarch64", "armv7l") or ("armv7l", "armv6l") or ("ppc64", "ppc64le");

    /// <summary>
    /// Whether KVM on a host of <paramref name="hostArch"/> runs guests of <paramref name="guestArch"/>:
    /// the same arch, or a 32-bit x86 guest on a 64-bit x86 host (the CPU runs both modes).
    /// </summary>
    public static bool KvmRuns(string hostArch, string guestArch) =>
        hostArch == guestArch || (hostArch == "x86_64" && guestArch == "i686");
}
