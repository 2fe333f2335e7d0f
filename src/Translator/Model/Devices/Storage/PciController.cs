using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;controller type='pci' model&gt;</c>: a PCI or PCI Express bus: the machine's root bus
/// (pci-root on i440fx, pcie-root on q35) or a bridge, port or expander that adds one.
/// </summary>
public sealed record PciController : Controller
{
    public override ControllerType Type => ControllerType.Pci;
    /// <summary>What the controller is in the PCI topology (the grammar requires it).</summary>
    public required PciControllerModel Model { get; init; }
    /// <summary><c>&lt;model name&gt;</c>: the emulated device that implements the model.</summary>
    public PciControllerModelName? ModelName { get; init; }
    public PciControllerTarget? Target { get; init; }
    /// <summary><c>&lt;pcihole64&gt;</c>: the size of the 64-bit PCI hole (root buses only).</summary>
    public MemorySize? PciHole64 { get; init; }

    /// <summary>Whether this is the machine's own root bus rather than a device that adds a bus.</summary>
    public bool IsRoot => Model is PciControllerModel.PciRoot or PciControllerModel.PcieRoot;
}

/// <summary><c>&lt;target&gt;</c> of a PCI controller: the guest-visible numbering of the bus it adds.</summary>
public sealed record PciControllerTarget
{
    public uint? ChassisNr { get; init; }
    public uint? Chassis { get; init; }
    public uint? Port { get; init; }
    public uint? BusNr { get; init; }
    /// <summary>The <c>index</c> attribute (the PHB index of a pseries host bridge).</summary>
    public uint? Index { get; init; }
    public bool? Hotplug { get; init; }
    /// <summary><c>&lt;node&gt;</c>: the guest NUMA node an expander bus belongs to.</summary>
    public uint? Node { get; init; }
    public SourceLocation Location { get; init; }
}

public enum PciControllerModel
{
    PciRoot,
    PcieRoot,
    PciBridge,
    DmiToPciBridge,
    PcieToPciBridge,
    PcieRootPort,
    PcieSwitchUpstreamPort,
    PcieSwitchDownstreamPort,
    PciExpanderBus,
    PcieExpanderBus,
}

/// <summary>The emulated devices of <c>&lt;model name&gt;</c>.</summary>
public enum PciControllerModelName
{
    SpaprPciHostBridge,
    PciBridge,
    I82801b11Bridge,
    PciePciBridge,
    Ioh3420,
    PcieRootPort,
    X3130Upstream,
    Xio3130Downstream,
    Pxb,
    PxbPcie,
}

/// <summary>The XML spellings of the PCI controller enums.</summary>
public static class PciControllerXml
{
    public static readonly XmlEnum<PciControllerModel> Model = new(
        ("pci-root", PciControllerModel.PciRoot), ("pcie-root", PciControllerModel.PcieRoot),
        ("pci-bridge", PciControllerModel.PciBridge), ("dmi-to-pci-bridge", PciControllerModel.DmiToPciBridge),
        ("pcie-to-pci-bridge", PciControllerModel.PcieToPciBridge), ("pcie-root-port", PciControllerModel.PcieRootPort),
        ("pcie-switch-upstream-port", PciControllerModel.PcieSwitchUpstreamPort),
        ("pcie-switch-downstream-port", PciControllerModel.PcieSwitchDownstreamPort),
        ("pci-expander-bus", PciControllerModel.PciExpanderBus), ("pcie-expander-bus", PciControllerModel.PcieExpanderBus));

    public static readonly XmlEnum<PciControllerModelName> ModelName = new(
        ("spapr-pci-host-bridge", PciControllerModelName.SpaprPciHostBridge), ("pci-bridge", PciControllerModelName.PciBridge),
        ("i82801b11-bridge", PciControllerModelName.I82801b11Bridge), ("pcie-pci-bridge", PciControllerModelName.PciePciBridge),
        ("ioh3420", PciControllerModelName.Ioh3420), ("pcie-root-port", PciControllerModelName.PcieRootPort),
        ("x3130-upstream", PciControllerModelName.X3130Upstream), ("xio3130-downstream", PciControllerModelName.Xio3130Downstream),
        ("pxb", PciControllerModelName.Pxb), ("pxb-pcie", PciControllerModelName.PxbPcie));
}
