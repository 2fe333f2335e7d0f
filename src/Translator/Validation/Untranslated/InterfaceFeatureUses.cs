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
        // Nested loops, not SelectMany with a closure: every document passes here, most with no use to find.
        foreach (var nic in domain.Devices.Interfaces)
        foreach (var use in Interface(nic, written))
            yield return use;
    }

    private static IEnumerable<DeviceFeatureUse> Interface(NetworkInterface nic, InterfaceParts written)
    {
        var at = nic.Location;
        var passt = nic.Options?.Backend?.Type == InterfaceBackendType.Passt && written.HasFlag(InterfaceParts.Passt);
        if (nic is VhostUserInterface or UdpInterface or VdpaInterface && !written.HasFlag(InterfaceParts.VhostUserVdpaUdp)
            || nic is NullInterface or VdsInterface)
            yield return new(at, $"<interface type='{InterfaceTypeXml.Table.ToXml(nic.Type)}'>");
        if (nic is UserInterface { SourceDev: not null } && !passt) yield return new(at, "<source dev> of a user interface (passt)");
        if (nic is BridgeInterface { MacTableManager: not null } or VirtualNetworkInterface { MacTableManager: not null })
            yield return new(at, "<source macTableManager>");
        // One bare <ip address> is libvirt 0.10.2's form; anything more is new.
        // passt takes the addresses and port forwards on its own command line, not QEMU's.
        if (!passt && (nic.Ips.Length > 1 || nic.Ips.Any(ip => ip.Family is not null || ip.Prefix is not null || ip.Peer is not null)))
            yield return new(nic.Ips[^1].Location, "<ip> family, prefix, peer or a second <ip>");
        if (!nic.Routes.IsEmpty) yield return new(nic.Routes[0].Location, "<route>");
        if (nic is EthernetInterface { SourceIps.IsEmpty: false } or EthernetInterface { SourceRoutes.IsEmpty: false })
            yield return new(at, "<ip>/<route> inside the <source> of an ethernet interface");
        if (nic.Rom?.Enabled is not null) yield return new(at, "<rom enabled>");
        if (!nic.PortForwards.IsEmpty && !passt) yield return new(nic.PortForwards[0].Location, "<portForward>");
        if (nic.Driver is { } driver && NewDriverSetting(driver, written.HasFlag(InterfaceParts.VirtioNetSettings)) is { } setting) yield return new(at, setting);
        if (nic.Options is { } options)
            foreach (var what in Options(options, written, passt)) yield return new(at, what);
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

    private static IEnumerable<string> Options(InterfaceOptions options, InterfaceParts written, bool passt)
    {
        if (options.TrustGuestRxFilters is not null) yield return "trustGuestRxFilters";
        if (options.MacType is not null || options.MacCheck is not null) yield return "<mac type/check>";
        if (options.TargetManaged is not null) yield return "<target managed>";
        if (options.GuestDev is not null || options.GuestActual is not null) yield return "<guest dev/actual>";
        if (options.DownScript is not null) yield return "<downscript>";
        if (options.BackendDomain is not null) yield return "<backenddomain>";
        if (options.Backend is not null && !passt) yield return "<backend>";
        if (options.Mtu is not null && !written.HasFlag(InterfaceParts.VirtioNetSettings)) yield return "<mtu>";
        if (options.Coalesce is not null) yield return "<coalesce>";
        if (options.Port is not null) yield return "<port isolated>";
        if (options.Teaming is not null) yield return "<teaming>";
        if (options.AcpiIndex is not null && !written.HasFlag(InterfaceParts.AcpiIndex)) yield return "<acpi index> of an interface";
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
