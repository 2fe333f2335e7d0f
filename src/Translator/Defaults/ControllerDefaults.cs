using System.Collections.Immutable;
using System.Runtime.InteropServices;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Defaults;

/// <summary>
/// Controller defaults as libvirt's post-parse has them: every controller without an index gets the
/// lowest index its type does not use yet (in document order); a QEMU x86 guest gets the root PCI
/// bus of its machine (pcie-root on q35, none on isapc, pci-root otherwise) when the document does
/// not declare it.
/// <para>
/// Not added, although libvirt 9 adds them: libxl's xenbus (the xm reader of the legacy xend
/// driver compares its domain with the document's, and xend added none), the disk-bus, USB,
/// virtio-serial and CCID controllers (the QEMU driver adds the ones libvirt 0.10.2 ran at plan
/// time; adding them here would change legacy command lines).
/// </para>
/// </summary>
internal static class ControllerDefaults
{
    public static ImmutableArray<Controller> Apply(Domain domain)
    {
        var declared = domain.Devices.Controllers;
        // Most documents index every controller: no list is made for them (nor for the many that declare the root bus).
        List<Controller>? list = null;
        if (declared.Any(c => c.Index is null))
        {
            list = [.. declared];
            NumberUnindexed(list);
        }
        var controllers = list is null ? declared.AsSpan() : CollectionsMarshal.AsSpan(list);
        if (ImplicitRoot(domain, controllers) is { } root) return list is null ? declared.Add(root) : [.. list, root];
        return list is null ? declared : [.. list];
    }

    /// <summary>
    /// libvirt gives an unindexed controller the lowest index no controller of its type has. A PCI
    /// controller that adds a bus starts at 1: index 0 is the root bus of the machine, implicit or not.
    /// </summary>
    private static void NumberUnindexed(List<Controller> list)
    {
        var used = list.Where(c => c.Index is not null).GroupBy(c => c.Type)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Index!.Value).ToHashSet());
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Index is not null) continue;
            if (!used.TryGetValue(list[i].Type, out var taken)) used[list[i].Type] = taken = [];
            var index = list[i] is PciController { IsRoot: false } ? 1u : 0u;
            while (taken.Contains(index)) index++;
            taken.Add(index);
            list[i] = list[i] with { Index = index };
        }
    }

    /// <summary>The root PCI bus QEMU's x86 machine has built in, unless the document declares PCI bus 0.</summary>
    private static PciController? ImplicitRoot(Domain domain, ReadOnlySpan<Controller> controllers)
    {
        if (domain.Type is not (DomainType.Qemu or DomainType.Kvm or DomainType.Kqemu)) return null;
        if (domain.Os is not { } os || os.Type != OsType.Hvm) return null;
        if (os.Arch is not null && !GuestArchitectureFamilies.IsX86(os.Arch)) return null;
        foreach (var c in controllers)
            if (c.Type == ControllerType.Pci && c.Index == 0) return null;
        var model = MachineTypes.RootPciModel(os.Machine);
        return model is null ? null : new PciController { Index = 0, Model = model.Value, Location = os.Location };
    }
}
