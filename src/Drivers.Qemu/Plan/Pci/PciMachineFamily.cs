using DomainLauncher.Translator.Defaults;

namespace DomainLauncher.Drivers.Qemu.Plan.Pci;

/// <summary>The PC chipset a machine type names, which decides its root PCI bus and its built-in devices.</summary>
public enum PciMachineFamily
{
    /// <summary>Not a PC machine with a PCI root this planner knows (isapc, pseries, s390, ...).</summary>
    Other,

    /// <summary>i440fx with PIIX3: a conventional root bus <c>pci.0</c>.</summary>
    I440fx,

    /// <summary>Q35 with ICH9: a PCI Express root bus <c>pcie.0</c>.</summary>
    Q35,
}

/// <summary>Reads the family from the (canonical) machine name, once, in the planner.</summary>
public static class PciMachineFamilies
{
    public static PciMachineFamily Of(string machine) =>
        MachineTypes.IsQ35(machine) ? PciMachineFamily.Q35
        : machine == "pc" || machine.StartsWith("pc-i440fx", StringComparison.Ordinal)
            || machine.StartsWith("pc-0.", StringComparison.Ordinal) || machine.StartsWith("pc-1.", StringComparison.Ordinal)
            ? PciMachineFamily.I440fx
        : PciMachineFamily.Other;
}
