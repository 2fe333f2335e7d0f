using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Defaults;

/// <summary>What an x86 QEMU machine type name says about the machine's buses.</summary>
public static class MachineTypes
{
    /// <summary>Whether the machine is the Q35 (ICH9, PCI Express) chipset: <c>q35</c> or <c>pc-q35-*</c>.</summary>
    public static bool IsQ35(string? machine) =>
        machine is not null && (machine == "q35" || machine.StartsWith("pc-q35", StringComparison.Ordinal));

    /// <summary>
    /// The model of the root bus the machine has built in: pcie-root on Q35, none on the ISA-only
    /// <c>isapc</c>, pci-root on every other PC machine (i440fx; also when the machine is left to the
    /// emulator's default, which is i440fx).
    /// </summary>
    public static PciControllerModel? RootPciModel(string? machine) =>
        IsQ35(machine) ? PciControllerModel.PcieRoot
        : machine == "isapc" ? null
        : PciControllerModel.PciRoot;
}
