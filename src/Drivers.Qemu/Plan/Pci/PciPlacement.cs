using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Pci;

/// <summary>Chooses the PCI placement for an emulator and machine, once.</summary>
internal static class PciPlacement
{
    /// <summary>
    /// libvirt 9's topology when the emulator has PCI Express root ports and the machine is a PC (q35 or i440fx);
    /// libvirt 0.10.2's one-bus allocator otherwise (legacy capability sets, other machines).
    /// </summary>
    public static IPciAddressAssigner For(Domain domain, EmulatorDescription emulator, string machine)
    {
        var family = PciMachineFamilies.Of(machine);
        return emulator.Has(QemuCapability.PcieRootPort) && family != PciMachineFamily.Other
            ? new PciTopologyPlanner(domain, family, emulator)
            : new PciSlotAllocator();
    }
}
