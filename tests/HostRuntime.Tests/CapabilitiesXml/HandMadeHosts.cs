using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.CapabilitiesXml;
using DomainLauncher.HostRuntime.Probing;

namespace DomainLauncher.HostRuntime.Tests.CapabilitiesXml;

/// <summary>
/// Probe results and host facts written by hand, so the rules are tested without QEMU. The x86_64
/// emulator has what QEMU 7.2 reports for the facts the rules read (machines, a few devices, options,
/// accelerators); the host has Debian's three OVMF descriptions.
/// </summary>
internal static class HandMadeHosts
{
    public const string Emulator = "/usr/bin/qemu-system-x86_64";

    public static ProbeResult X86_64 { get; } = new()
    {
        Path = Emulator,
        Arch = "x86_64",
        Version = new QemuVersion(7, 2, 0),
        CommandLineOptions = NameTable.Of(("drive", ["file", "format", "if"])),
        DeviceTypes =
        [
            "ich9-ahci", "isa-fdc", "scsi-block", "scsi-generic", "scsi-hd", "usb-host", "usb-storage",
            "vfio-pci", "virtio-blk-pci", "virtio-scsi-pci",
        ],
        Machines =
        [
            new ProbedMachine("pc-q35-7.2") { Alias = "q35", MaxCpus = 288 },
            new ProbedMachine("isapc") { MaxCpus = 1 },
            new ProbedMachine("none") { MaxCpus = 1 },
            new ProbedMachine("pc-i440fx-7.2") { Alias = "pc", IsDefault = true, MaxCpus = 255 },
            new ProbedMachine("pc-i440fx-1.5") { MaxCpus = 255, Deprecated = true },
        ],
        CpuModels = ["qemu64", "max"],
        Accelerators = ["kvm", "qtest", "tcg", "xen"],
        KvmBuiltIn = true,
    };

    public static HostFacts TcgOnlyHost { get; } = new()
    {
        Arch = "x86_64",
        KvmUsable = false,
        VfioUsable = false,
        Firmware =
        [
            Ovmf("40-edk2-x86_64-secure-enrolled.json", "/usr/share/OVMF/OVMF_CODE_4M.ms.fd", "pc-q35-*"),
            Ovmf("50-edk2-x86_64-secure.json", "/usr/share/OVMF/OVMF_CODE_4M.secboot.fd", "pc-q35-*"),
            Ovmf("60-edk2-x86_64.json", "/usr/share/OVMF/OVMF_CODE_4M.fd", "pc-i440fx-*", "pc-q35-*"),
        ],
    };

    public static HostFacts KvmHost { get; } = TcgOnlyHost with { KvmUsable = true };

    public static FirmwareDescriptor Ovmf(string file, string executable, params string[] machines) => new()
    {
        Source = "/usr/share/qemu/firmware/" + file,
        Executable = executable,
        ExecutableExists = true,
        Targets = [new FirmwareTarget("x86_64", [.. machines])],
    };
}
