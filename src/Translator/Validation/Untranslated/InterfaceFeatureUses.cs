using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation.Untranslated;

/// <summary>
/// libvirt 9's interface parts no driver writes yet, wherever a domain uses them.
/// </summary>
public static class InterfaceFeatureUses
{
    public static IEnumerable<DeviceFeatureUse> Find(Domain domain) => Find(domain, InterfaceParts.None);

    /// <summary>The uses a driver that writes the given parts does not write.</summary>
    public static IEnumerable<DeviceFeatureUse> Find(Domain domain, InterfaceParts written)
    {
        var uses = new List<DeviceFeatureUse>();
        Add(domain, written, uses);
        return uses;
    }

    /// <summary>The uses of <see cref="Find(Domain, InterfaceParts)"/>, added to <paramref name="uses"/>.</summary>
    // Added to the caller's list, not yielded by an iterator per interface and per option: every document passes here,
    // most with no use to find, and the QEMU driver gathers every area's uses into one list.
    public static void Add(Domain domain, InterfaceParts written, List<DeviceFeatureUse> uses)
    {
        foreach (var nic in domain.Devices.Interfaces)
            Interface(nic, written, uses);
    }

    private static void Interface(NetworkInterface nic, InterfaceParts written, List<DeviceFeatureUse> uses)
    {
        var at = nic.Location;
        var passt = nic.Options?.Backend?.Type == InterfaceBackendType.Passt && written.HasFlag(InterfaceParts.Passt);
        if (nic is VhostUserInterface or UdpInterface or VdpaInterface && !written.HasFlag(InterfaceParts.VhostUserVdpaUdp)
            || nic is NullInterface or VdsInterface)
            uses.Add(new(at, $"<interface type='{InterfaceTypeXml.Table.ToXml(nic.Type)}'>"));
        if (nic is UserInterface { SourceDev: not null } && !passt) uses.Add(new(at, "<source dev> of a user interface (passt)"));
        if (nic is BridgeInterface { MacTableManager: not null } or VirtualNetworkInterface { MacTableManager: not null })
            uses.Add(new(at, "<source macTableManager>"));
        // One bare <ip address> is libvirt 0.10.2's form; anything more is new.
        // passt takes the addresses and port forwards on its own command line, not QEMU's.
        if (!passt && (nic.Ips.Length > 1 || nic.Ips.Any(ip => ip.Family is not null || ip.Prefix is not null || ip.Peer is not null)))
            uses.Add(new(nic.Ips[^1].Location, "<ip> family, prefix, peer or a second <ip>"));
        if (!nic.Routes.IsEmpty) uses.Add(new(nic.Routes[0].Location, "<route>"));
        if (nic is EthernetInterface { SourceIps.IsEmpty: false } or EthernetInterface { SourceRoutes.IsEmpty: false })
            uses.Add(new(at, "<ip>/<route> inside the <source> of an ethernet interface"));
        if (nic.Rom?.Enabled is not null) uses.Add(new(at, "<rom enabled>"));
        if (!nic.PortForwards.IsEmpty && !passt) uses.Add(new(nic.PortForwards[0].Location, "<portForward>"));
        if (nic.Driver is { } driver && NewDriverSetting(driver, written.HasFlag(InterfaceParts.VirtioNetSettings)) is { } setting) uses.Add(new(at, setting));
        if (nic.Options is { } options)
            Options(options, written, passt, at, uses);
    }

    private static string? NewDriverSetting(InterfaceDriver driver, bool virtioNet) =>
        driver.HostdevBackend is not null ? "<driver name> of a hostdev interface"
        : virtioNet ? null
        : driver.Queues is not null ? "<driver queues>"
        : driver.RxQueueSize is not null || driver.TxQueueSize is not null ? "<driver rx_queue_size/tx_queue_size>"
        : driver.Virtio is not null ? "virtio options (iommu, ats, packed, page_per_vq) of an interface <driver>"
        : driver.Rss is not null || driver.RssHashReport is not null ? "<driver rss/rss_hash_report>"
        : driver.Host is not null || driver.Guest is not null ? "<driver><host>/<guest> offloads"
        : null;

    private static void Options(InterfaceOptions options, InterfaceParts written, bool passt, SourceLocation at, List<DeviceFeatureUse> uses)
    {
        if (options.TrustGuestRxFilters is not null) uses.Add(new(at, "trustGuestRxFilters"));
        if (options.MacType is not null || options.MacCheck is not null) uses.Add(new(at, "<mac type/check>"));
        if (options.TargetManaged is not null) uses.Add(new(at, "<target managed>"));
        if (options.GuestDev is not null || options.GuestActual is not null) uses.Add(new(at, "<guest dev/actual>"));
        if (options.DownScript is not null) uses.Add(new(at, "<downscript>"));
        if (options.BackendDomain is not null) uses.Add(new(at, "<backenddomain>"));
        if (options.Backend is not null && !passt) uses.Add(new(at, "<backend>"));
        if (options.Mtu is not null && !written.HasFlag(InterfaceParts.VirtioNetSettings)) uses.Add(new(at, "<mtu>"));
        if (options.Coalesce is not null) uses.Add(new(at, "<coalesce>"));
        if (options.Port is not null) uses.Add(new(at, "<port isolated>"));
        if (options.Teaming is not null) uses.Add(new(at, "<teaming>"));
        if (options.AcpiIndex is not null && !written.HasFlag(InterfaceParts.AcpiIndex)) uses.Add(new(at, "<acpi index> of an interface"));
    }
}

/// <summary>Which of libvirt 9's interface parts a driver writes (the rest its untranslated check refuses).</summary>
[Flags]
public enum InterfaceParts
{
    None = 0,

    /// <summary>The virtio NIC's driver settings: queues, ring sizes, virtio options, RSS, offloads, and the MTU.</summary>
    VirtioNetSettings = 1,

    /// <summary>The vhost-user, vDPA and UDP tunnel interface types.</summary>
    VhostUserVdpaUdp = 2,

    /// <summary>A user interface's passt back-end (with the addresses and port forwards passt is given).</summary>
    Passt = 4,

    /// <summary>The PCI NIC's ACPI index (its name in the guest's firmware tables).</summary>
    AcpiIndex = 8,
}
