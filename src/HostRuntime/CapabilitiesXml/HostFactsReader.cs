using System.Runtime.InteropServices;
using DomainLauncher.Drivers.Qemu.Host;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary>Reads <see cref="HostFacts"/> from this machine.</summary>
public static class HostFactsReader
{
    public static HostFacts Read() => new()
    {
        Arch = HostArch(),
        KvmUsable = HostKvm.IsUsable(),
        VfioUsable = VfioUsable(),
        Firmware = FirmwareDescriptorReader.ReadFolders(FirmwareDescriptorReader.SystemFolders),
    };

    /// <summary>The OS's architecture in libvirt's spelling.</summary>
    public static string HostArch() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "x86_64",
        Architecture.X86 => "i686",
        Architecture.Arm64 => "aarch64",
        Architecture.Arm => "armv7l",
        Architecture.S390x => "s390x",
        Architecture.Ppc64le => "ppc64le",
        Architecture.RiscV64 => "riscv64",
        Architecture.LoongArch64 => "loongarch64",
        var other => other.ToString().ToLowerInvariant(),
    };

    /// <summary>Whether a device node opens for reading and writing (<see cref="HostKvm"/>).</summary>
    public static bool CanOpenReadWrite(string device)
    {
        // A missing node (no /dev/kvm on most CI machines and VMs) is answered without an exception:
        // throwing and catching one is a visible part of a one-shot command's start.
        if (!File.Exists(device)) return false;
        try
        {
            using var stream = new FileStream(device, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1, FileOptions.None);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    // VFIO needs an IOMMU (at least one group under /sys/kernel/iommu_groups) and the vfio module's
    // container device; without either, passing a PCI device through cannot work.
    private static bool VfioUsable()
    {
        const string groups = "/sys/kernel/iommu_groups";
        try
        {
            return Directory.Exists(groups) && Directory.EnumerateDirectories(groups).Any() && File.Exists("/dev/vfio/vfio");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
