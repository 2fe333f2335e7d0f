using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Pci;

/// <summary>
/// libvirt 9's PCI placement for a modern emulator. The buses are the machine's root (<c>pcie.0</c> on q35,
/// <c>pci.0</c> on i440fx) and one per PCI controller, bus N being controller index N. Addresses given in the
/// XML are checked and taken first (with the slots the chipset keeps for itself, the primary video card and
/// q35's integrated devices), then the PCI controllers without one, in index order, then every device in the
/// order the planner asks. A device goes to the lowest-numbered bus that takes its kind, in the lowest free
/// slot: a PCI Express device behind a PCI Express port of its own, a conventional one on a conventional
/// bus. Root ports share slots of the root bus as functions (libvirt's "aggregate" slots). When no bus has
/// room, a bus is added as libvirt does (a root port; a pcie-to-pci-bridge, or dmi-to-pci-bridge and
/// pci-bridge, for conventional devices on q35; a pci-bridge on i440fx) and, once any was added, q35 gets
/// one more empty root port so that a device can be hot-plugged.
/// </summary>
internal sealed class PciTopologyPlanner : IPciAddressAssigner
{
    private const int SlotCount = 32;
    private const byte AllFunctions = 0xFF;

    // Where libvirt puts a q35 machine's integrated devices: the primary video card, ICH9 audio, the DMI bridge.
    private const uint Q35VideoSlot = 1, Q35AudioSlot = 0x1b, Q35DmiBridgeSlot = 0x1e, Q35LpcSlot = 0x1f;
    private const uint I440fxPiix3Slot = 1, I440fxVideoSlot = 2;

    private readonly PciMachineFamily _family;
    private readonly EmulatorDescription _emulator;
    // By index, in index order. A sorted list, not a SortedDictionary: a machine has a few buses, walked in order for
    // every device placed, and each walk of a SortedDictionary made an enumerator's stack (and each bus a tree node).
    private readonly SortedList<uint, Bus> _buses = [];
    private readonly DiagnosticBag _refusals = new();
    // Addresses the machine decides for particular elements (by element location), and given addresses as planned.
    // By location, not by path text: a device's path is then not made for every device placed.
    private readonly Dictionary<SourceLocation, PciAddress> _placed = new(SourceLocationPlaces.Comparer);
    private readonly SourceLocation _domainLocation;
    private bool _grew;
    private PciTopology? _topology;

    public PciTopologyPlanner(Domain domain, PciMachineFamily family, EmulatorDescription emulator)
    {
        Family = family;
        _family = family;
        _emulator = emulator;
        _domainLocation = domain.Location;
        var root = new Bus(0, family == PciMachineFamily.Q35 ? PciControllerModel.PcieRoot : PciControllerModel.PciRoot, null, domain.Location);
        _buses[0] = root;
        root.Used[0] = AllFunctions; // the host bridge
        if (family == PciMachineFamily.Q35)
            root.Used[Q35LpcSlot] = 0b1001; // ICH9's LPC bridge (.0) and SMBus (.3); its AHCI (.2) a document may name
        else
            root.Used[I440fxPiix3Slot] = 0b1001; // PIIX3's ISA bridge (.0) and power management (.3); its IDE (.1) and USB (.2) a document may name

        // A loop, not OfType, Where and ToList: every document is planned, most with no PCI controller but the root.
        var declared = new List<PciController>();
        foreach (var controller in domain.Devices.Controllers)
            if (controller is PciController { IsRoot: false, Index: not null } c) declared.Add(c);
        foreach (var c in declared)
            _buses.TryAdd(c.Index!.Value, new Bus(c.Index.Value, c.Model, c, c.Location));

        var givenControllers = new List<(PciAddress Address, SourceLocation Location)>();
        foreach (var c in declared)
        {
            if (c.Address is PciAddress given && Reserve(given, c.Location, PlugOf(c.Model), aggregate: c.Model == PciControllerModel.PcieRootPort))
            {
                _buses[c.Index!.Value].Address = given;
                givenControllers.Add((given, c.Location));
            }
        }
        // The devices' given addresses, those that could be taken kept in place (no second list).
        var givenDevices = PciAddressedDevices.Of(domain);
        var taken = 0;
        for (var i = 0; i < givenDevices.Count; i++)
            if (Reserve(givenDevices[i].Address, givenDevices[i].Location, Plug.Conventional, aggregate: false)) givenDevices[taken++] = givenDevices[i];
        givenDevices.RemoveRange(taken, givenDevices.Count - taken);
        // QEMU populates functions 1-7 of a slot only behind a multifunction function 0; a document saying otherwise is refused here.
        foreach (var (given, location) in givenControllers) CheckSingleFunction(given, location);
        foreach (var (given, location) in givenDevices) CheckSingleFunction(given, location);
        // A given function 0 whose slot holds other functions is multifunction unless the XML says otherwise.
        foreach (var (given, location) in givenDevices)
            if (location.HasPath) _placed[location] = WithMultifunction(given);

        ReserveIntegrated(domain);
        foreach (var c in declared)
        {
            var bus = _buses[c.Index!.Value];
            if (bus.Address is null) bus.Address = Place(c.Model)
                ?? Refused(c.Location, $"the {Describe(c.Model)} (index {bus.Index}) finds no free place on a bus that takes it, and none can be added");
        }
    }

    /// <summary>Refuses a given function 0 that says multifunction='off' while other functions of its slot are given.</summary>
    private void CheckSingleFunction(PciAddress given, SourceLocation location)
    {
        if (given.Multifunction != false || (given.Function ?? 0) != 0) return;
        var slot = given.Slot ?? 0;
        var others = _buses.GetValueOrDefault(given.Bus ?? 0) is { } bus ? bus.Used[slot] & ~1 : 0;
        if (others != 0 && !IsChipsetSlot(given))
            _refusals.Error(QemuDiagnostics.PciSingleFunctionSlot, location,
                $"the PCI address {Format(given.Bus ?? 0, slot, 0)} says multifunction='off', and other functions of its slot are given; QEMU puts them only behind a multifunction function 0 (say multifunction='on', or move them)");
    }

    /// <summary>Where the primary video card goes: slot 1 of pcie.0 on q35, slot 2 of pci.0 on i440fx, when the guest has one and nothing else took it.</summary>
    public PciAddress? PrimaryVideoSlot { get; private set; }

    public PciMachineFamily Family { get; }

    public IReadOnlyList<Diagnostic> Refusals => _refusals.Items;

    /// <summary>The topology reads every device's given address at construction; nothing to learn here.</summary>
    public void Reserve(DeviceAddress? address) { }

    /// <summary>Refuses the PCI address given on a device that does not sit on PCI (<see cref="PciAddressTypeRefusal"/>).</summary>
    public PciAddress? RefuseOffPci(SourceLocation device, string what) => PciAddressTypeRefusal.OffPci(_refusals, device, what);

    public PciAddress? Assign(DeviceAddress? address, SourceLocation device, string what, PciSlotKind kind)
    {
        // Devices the planner adds (an implicit controller, the default balloon) have no element path: none is placed.
        var placed = device.HasPath ? _placed : null;
        if (address is PciAddress given) return placed?.GetValueOrDefault(device, given) ?? given;
        if (address is not null) return PciAddressTypeRefusal.OnPci(_refusals, device, what, address);
        if (placed is not null && placed.TryGetValue(device, out var integrated)) return integrated;
        var plug = kind == PciSlotKind.Express && _family == PciMachineFamily.Q35 ? Plug.Express : Plug.Conventional;
        var place = TakePlace(plug) ?? (Grow(plug) ? TakePlace(plug) : null);
        if (place is not null) return place;
        return Refused(device, plug == Plug.Express
            ? $"{what} needs a PCI Express port, and none is free or can be added (pcie.0 is full)"
            : $"{what} needs a conventional PCI slot, and every PCI bus is full and no bridge can be added");
    }

    /// <summary>
    /// The PCI controllers, declared and added, with their places and numbering; asked once, after every device
    /// has its address (this is when q35's spare root port is added).
    /// </summary>
    public PciTopology Topology()
    {
        if (_topology is not null) return _topology;
        if (_grew && _family == PciMachineFamily.Q35) AddController(PciControllerModel.PcieRootPort);
        var controllers = new List<PlannedPciController>();
        for (var i = 0; i < _buses.Count; i++)
        {
            var bus = _buses.GetValueAtIndex(i);
            if (bus.Index == 0 || bus.Address is not { } address) continue;
            if (Planned(bus, WithMultifunction(address)) is { } planned) controllers.Add(planned);
        }
        return _topology = new PciTopology(_family == PciMachineFamily.Q35 ? "pcie.0" : "pci.0", [.. controllers]);
    }

    private PlannedPciController? Planned(Bus bus, PciAddress address)
    {
        var declared = bus.Declared;
        var target = declared?.Target;
        var type = QemuType(bus.Model, declared?.ModelName);
        if (!_emulator.HasDeviceType(type))
        {
            _refusals.Error(QemuDiagnostics.PciControllerDeviceMissing, bus.Location,
                $"the {Describe(bus.Model)} (index {bus.Index}) is a '{type}' device, which this QEMU does not have");
            return null;
        }
        var slot = address.Slot ?? 0;
        var function = address.Function ?? 0;
        var planned = new PlannedPciController(bus.Index, bus.Model, type, declared?.Alias ?? $"pci.{bus.Index}", address, bus.Location)
        {
            Implicit = declared is null,
        };
        switch (bus.Model)
        {
            case PciControllerModel.PcieRootPort:
                // libvirt numbers a root port by where it sits: port = slot * 8 + function, chassis = its index.
                return planned with { Chassis = target?.Chassis ?? bus.Index, Port = target?.Port ?? (slot << 3) + function, Hotplug = target?.Hotplug };
            case PciControllerModel.PcieSwitchDownstreamPort:
                return planned with { Chassis = target?.Chassis ?? bus.Index, Port = target?.Port ?? slot, Hotplug = target?.Hotplug };
            case PciControllerModel.PciBridge:
                return planned with { ChassisNr = target?.ChassisNr ?? bus.Index };
            case PciControllerModel.PciExpanderBus or PciControllerModel.PcieExpanderBus:
                if (target?.BusNr is not { } busNr)
                {
                    _refusals.Error(QemuDiagnostics.PciBusNumberMissing, bus.Location,
                        $"the {Describe(bus.Model)} (index {bus.Index}) needs <target busNr='N'>: the guest bus number its buses start at");
                    return null;
                }
                return planned with { BusNr = busNr, NumaNode = target.Node };
            default:
                return planned;
        }
    }

    /// <summary>The QEMU device of a controller: the XML's model name, else the one libvirt 9 picks for the model.</summary>
    public static string QemuType(PciControllerModel model, PciControllerModelName? name) =>
        name is { } given ? PciControllerXml.ModelName.ToXml(given) : model switch
        {
            PciControllerModel.PciBridge => "pci-bridge",
            PciControllerModel.DmiToPciBridge => "i82801b11-bridge",
            PciControllerModel.PcieToPciBridge => "pcie-pci-bridge",
            PciControllerModel.PcieRootPort => "pcie-root-port",
            PciControllerModel.PcieSwitchUpstreamPort => "x3130-upstream",
            PciControllerModel.PcieSwitchDownstreamPort => "xio3130-downstream",
            PciControllerModel.PciExpanderBus => "pxb",
            PciControllerModel.PcieExpanderBus => "pxb-pcie",
            _ => throw new InvalidOperationException($"the root bus {model} is no device"),
        };

    /// <summary>
    /// The places the chipset gives integrated devices when the XML leaves them out: the primary video card
    /// (q35 slot 1, i440fx slot 2), the virtio IOMMU (the first free slot of the root bus: QEMU translates for the
    /// devices behind it only from there) and, on q35, the first ICH9 sound card at 00:1b.0.
    /// </summary>
    private void ReserveIntegrated(Domain domain)
    {
        var root = _buses[0];
        var iommuOnRoot = domain.Devices.Iommu is { Model: IommuModel.Virtio, Address: null, Location.HasPath: true } iommu ? iommu : null;
        var videos = VideoDefaults.Effective(domain);
        if (!videos.IsEmpty && videos[0].Address is null && IsPciVideo(videos[0].Model ?? VideoDefaults.DefaultModel(domain)))
        {
            var slot = _family == PciMachineFamily.Q35 ? Q35VideoSlot : I440fxVideoSlot;
            if (root.Used[slot] == 0)
            {
                root.Used[slot] = 1;
                PrimaryVideoSlot = new PciAddress { Domain = 0, Bus = 0, Slot = slot, Function = 0 };
            }
        }
        // Loops, not FirstOrDefault with a lambda over root: a lambda capturing it would be made for every domain placed.
        if (iommuOnRoot is not null && FirstFreeSlot(root) is var free and > 0)
        {
            root.Used[free] = 1;
            _placed[iommuOnRoot.Location] = new PciAddress { Domain = 0, Bus = 0, Slot = (uint)free, Function = 0 };
        }
        if (_family != PciMachineFamily.Q35) return;
        Sound? ich9 = null;
        foreach (var sound in domain.Devices.Sounds)
        {
            if (sound.Model != SoundModel.Ich9) continue;
            ich9 = sound;
            break;
        }
        if (ich9 is { Address: null, Location.HasPath: true } && root.Used[Q35AudioSlot] == 0)
        {
            root.Used[Q35AudioSlot] = 1;
            _placed[ich9.Location] = new PciAddress { Domain = 0, Bus = 0, Slot = Q35AudioSlot, Function = 0 };
        }
    }

    /// <summary>The lowest slot of the bus (from 1) with no function taken; 0 when there is none.</summary>
    private static int FirstFreeSlot(Bus bus)
    {
        for (var slot = 1; slot < SlotCount; slot++)
            if (bus.Used[slot] == 0) return slot;
        return 0;
    }

    /// <summary>Video models that are no PCI card: none, ramfb (a firmware framebuffer), Xen's and UEFI's own.</summary>
    private static bool IsPciVideo(VideoModel model) => model is not (VideoModel.None or VideoModel.Ramfb or VideoModel.Xen or VideoModel.Gop);

    /// <summary>Checks and takes an address the XML gives; false (refused at the element) when it cannot be had.</summary>
    private bool Reserve(PciAddress given, SourceLocation location, Plug plug, bool aggregate)
    {
        var busIndex = given.Bus ?? 0;
        if (!_buses.TryGetValue(busIndex, out var bus))
        {
            _refusals.Error(QemuDiagnostics.PciBusMissing, location,
                $"the PCI address names bus {busIndex}, and no <controller type='pci' index='{busIndex}'> adds it");
            return false;
        }
        var slot = given.Slot ?? 0;
        var function = given.Function ?? 0;
        var (min, max) = bus.Slots;
        if (slot > max || function > 7)
        {
            _refusals.Error(QemuDiagnostics.PciSlotOutOfRange, location,
                $"the PCI address {Format(busIndex, slot, function)} is outside bus {busIndex} ({Describe(bus.Model)}), which has slots {min:x}-{max:x}, functions 0-7");
            return false;
        }
        if (!AllowsGiven(bus.Model, plug))
        {
            _refusals.Error(QemuDiagnostics.PciBusUnfit, location,
                $"bus {busIndex} is a {Describe(bus.Model)}, which cannot take {PlugText(plug)}");
            return false;
        }
        if ((bus.Used[slot] & (1 << (int)function)) != 0)
        {
            _refusals.Error(QemuDiagnostics.PciAddressTaken, location,
                $"the PCI address {Format(busIndex, slot, function)} is already taken (by another device, or by the machine's own)");
            return false;
        }
        bus.Used[slot] |= (byte)(1 << (int)function);
        if (aggregate) bus.Aggregate(slot);
        return true;
    }

    private PciAddress WithMultifunction(PciAddress address)
    {
        if (address.Multifunction is not null || (address.Function ?? 0) != 0) return address;
        var bus = _buses.GetValueOrDefault(address.Bus ?? 0);
        var others = bus is null ? 0 : bus.Used[address.Slot ?? 0] & ~1;
        if (IsChipsetSlot(address)) others = 0;
        return others != 0 ? address with { Multifunction = true } : address;
    }

    /// <summary>The chipset's own slot (q35 00:1f, PIIX3 00:01): its functions are not a device's business.</summary>
    private bool IsChipsetSlot(PciAddress address) =>
        (address.Bus ?? 0) == 0 && (address.Slot ?? 0) == (_family == PciMachineFamily.Q35 ? Q35LpcSlot : I440fxPiix3Slot);

    /// <summary>A place for a controller without an address: the DMI bridge at 00:1e.0 on q35 when free, else as any device of its kind.</summary>
    private PciAddress? Place(PciControllerModel model)
    {
        var root = _buses[0];
        if (model == PciControllerModel.DmiToPciBridge && root.Model == PciControllerModel.PcieRoot && root.Used[Q35DmiBridgeSlot] == 0)
        {
            root.Used[Q35DmiBridgeSlot] = 1;
            return new PciAddress { Domain = 0, Bus = 0, Slot = Q35DmiBridgeSlot, Function = 0 };
        }
        var plug = PlugOf(model);
        return TakePlace(plug) ?? (Grow(plug) ? TakePlace(plug) : null);
    }

    private PciAddress? TakePlace(Plug plug) => FindPlace(plug, take: true);

    /// <summary>The lowest free place that takes <paramref name="plug"/>: by bus index, then slot; root ports share slots as functions.</summary>
    private PciAddress? FindPlace(Plug plug, bool take)
    {
        for (var i = 0; i < _buses.Count; i++)
        {
            var bus = _buses.GetValueAtIndex(i);
            if (!Accepts(bus.Model, plug)) continue;
            var (min, max) = bus.Slots;
            for (var slot = min; slot <= max; slot++)
            {
                int function;
                if (bus.Used[slot] == 0) function = 0;
                else if (plug == Plug.RootPort && bus.IsAggregate(slot) && bus.Used[slot] != AllFunctions)
                    function = System.Numerics.BitOperations.TrailingZeroCount(~bus.Used[slot] & AllFunctions);
                else continue;
                if (take)
                {
                    bus.Used[slot] |= (byte)(1 << function);
                    if (plug == Plug.RootPort) bus.Aggregate(slot);
                }
                return new PciAddress { Domain = 0, Bus = bus.Index, Slot = slot, Function = (uint)function };
            }
        }
        return null;
    }

    /// <summary>Adds the bus libvirt adds when nothing takes <paramref name="plug"/>; false when it adds none.</summary>
    private bool Grow(Plug plug) => _family switch
    {
        PciMachineFamily.Q35 => plug switch
        {
            Plug.Express or Plug.UpstreamPort or Plug.PcieToPciBridge => AddController(PciControllerModel.PcieRootPort),
            Plug.Conventional => AddController(_emulator.Has(QemuCapability.PciePciBridge) ? PciControllerModel.PcieToPciBridge : PciControllerModel.PciBridge),
            Plug.PciBridge => AddController(PciControllerModel.DmiToPciBridge),
            _ => false,
        },
        PciMachineFamily.I440fx => plug is Plug.Conventional or Plug.PciBridge && AddController(PciControllerModel.PciBridge),
        _ => false,
    };

    /// <summary>
    /// Adds a controller of <paramref name="model"/> with the next free index, after whatever it needs to sit on
    /// (so a root port is numbered before the bridge behind it, as libvirt numbers them).
    /// </summary>
    private bool AddController(PciControllerModel model)
    {
        var plug = PlugOf(model);
        if (FindPlace(plug, take: false) is null && !Grow(plug)) return false;
        var address = Place(model);
        if (address is null) return false;
        var index = _buses.GetKeyAtIndex(_buses.Count - 1) + 1;
        _buses[index] = new Bus(index, model, null, _domainLocation) { Address = address };
        _grew = true;
        return true;
    }

    private PciAddress? Refused(SourceLocation location, string message)
    {
        _refusals.Error(QemuDiagnostics.PciNoRoom, location, message);
        return null;
    }

    private static string Format(uint bus, uint slot, uint function) => $"{bus:x2}:{slot:x2}.{function:x}";

    private static string Describe(PciControllerModel model) => PciControllerXml.Model.ToXml(model);

    private static string PlugText(Plug plug) => plug switch
    {
        Plug.Express or Plug.Conventional => "an endpoint device",
        Plug.RootPort => "a pcie-root-port (it belongs on pcie.0 or a pcie-expander-bus)",
        Plug.UpstreamPort => "a pcie-switch-upstream-port (it belongs behind a PCI Express port)",
        Plug.DownstreamPort => "a pcie-switch-downstream-port (it belongs on a pcie-switch-upstream-port)",
        Plug.PcieToPciBridge => "a pcie-to-pci-bridge (it belongs behind a PCI Express port)",
        Plug.DmiToPciBridge => "a dmi-to-pci-bridge (it belongs on pcie.0)",
        Plug.PciBridge => "a pci-bridge",
        Plug.Pxb => "a pci-expander-bus (it belongs on pci.0)",
        Plug.PxbPcie => "a pcie-expander-bus (it belongs on pcie.0)",
        _ => plug.ToString(),
    };

    /// <summary>What plugs into a bus: an endpoint of either kind, or one of the PCI controllers.</summary>
    private enum Plug { Express, Conventional, RootPort, UpstreamPort, DownstreamPort, PcieToPciBridge, PciBridge, DmiToPciBridge, Pxb, PxbPcie }

    private static Plug PlugOf(PciControllerModel model) => model switch
    {
        PciControllerModel.PciBridge => Plug.PciBridge,
        PciControllerModel.DmiToPciBridge => Plug.DmiToPciBridge,
        PciControllerModel.PcieToPciBridge => Plug.PcieToPciBridge,
        PciControllerModel.PcieRootPort => Plug.RootPort,
        PciControllerModel.PcieSwitchUpstreamPort => Plug.UpstreamPort,
        PciControllerModel.PcieSwitchDownstreamPort => Plug.DownstreamPort,
        PciControllerModel.PciExpanderBus => Plug.Pxb,
        PciControllerModel.PcieExpanderBus => Plug.PxbPcie,
        _ => throw new InvalidOperationException($"the root bus {model} plugs into nothing"),
    };

    /// <summary>What libvirt places on a bus by itself (hot-pluggable places; the DMI bridge takes only pci-bridges).</summary>
    private static bool Accepts(PciControllerModel bus, Plug plug) => bus switch
    {
        PciControllerModel.PcieRoot => plug is Plug.RootPort or Plug.DmiToPciBridge or Plug.PxbPcie,
        PciControllerModel.PcieExpanderBus => plug is Plug.RootPort,
        PciControllerModel.PcieRootPort or PciControllerModel.PcieSwitchDownstreamPort => plug is Plug.Express or Plug.UpstreamPort or Plug.PcieToPciBridge,
        PciControllerModel.PcieSwitchUpstreamPort => plug is Plug.DownstreamPort,
        PciControllerModel.PciRoot => plug is Plug.Conventional or Plug.PciBridge or Plug.Pxb,
        PciControllerModel.PciBridge or PciControllerModel.PcieToPciBridge or PciControllerModel.PciExpanderBus => plug is Plug.Conventional or Plug.PciBridge,
        PciControllerModel.DmiToPciBridge => plug is Plug.PciBridge,
        _ => false,
    };

    /// <summary>What QEMU lets an address in the XML put on a bus: the PCI Express ports and bridges only where they belong.</summary>
    private static bool AllowsGiven(PciControllerModel bus, Plug plug) => plug switch
    {
        Plug.RootPort or Plug.DmiToPciBridge => bus is PciControllerModel.PcieRoot or PciControllerModel.PcieExpanderBus,
        Plug.PxbPcie => bus is PciControllerModel.PcieRoot,
        Plug.Pxb => bus is PciControllerModel.PciRoot,
        Plug.DownstreamPort => bus is PciControllerModel.PcieSwitchUpstreamPort,
        Plug.UpstreamPort or Plug.PcieToPciBridge => bus is PciControllerModel.PcieRootPort or PciControllerModel.PcieSwitchDownstreamPort
            || (plug == Plug.PcieToPciBridge && bus == PciControllerModel.PcieRoot),
        _ => bus != PciControllerModel.PcieSwitchUpstreamPort,
    };

    /// <summary>A bus: its model, where it sits, which functions of each slot are taken and which slots root ports share.</summary>
    private sealed class Bus(uint index, PciControllerModel model, PciController? declared, SourceLocation location)
    {
        public uint Index { get; } = index;
        public PciControllerModel Model { get; } = model;
        public PciController? Declared { get; } = declared;
        public SourceLocation Location { get; } = location;
        public PciAddress? Address { get; set; }
        public byte[] Used { get; } = new byte[SlotCount];

        // A bit for each of the 32 slots, not an array of flags: one object fewer for every bus of every document.
        private uint _aggregate;

        /// <summary>Whether root ports share <paramref name="slot"/> as its functions.</summary>
        public bool IsAggregate(uint slot) => (_aggregate & (1u << (int)slot)) != 0;

        public void Aggregate(uint slot) => _aggregate |= 1u << (int)slot;

        /// <summary>The slots devices may use: one on a port, all but the host bridge's (or the SHPC's) elsewhere.</summary>
        public (uint Min, uint Max) Slots => Model switch
        {
            PciControllerModel.PcieRootPort or PciControllerModel.PcieSwitchDownstreamPort => (0, 0),
            PciControllerModel.PciRoot or PciControllerModel.PcieRoot or PciControllerModel.PciBridge or PciControllerModel.PcieToPciBridge => (1, SlotCount - 1),
            _ => (0, SlotCount - 1),
        };
    }
}
