using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation.Untranslated;

/// <summary>
/// libvirt 9's interface parts no driver writes yet, wherever a domain uses them.
/// </summary>
public static class InterfaceFeatureUses
{
    public static IEnumerable<DeviceFeatureUse> Find(Domain domain) => domain.Devices.Interfaces.SelectMany(Interface);

    private static IEnumerable<DeviceFeatureUse> Interface(NetworkInterface nic)
    {
        var at = nic.Location;
        if (nic is VhostUserInterface or UdpInterface or VdpaInterface or NullInterface or VdsInterface)
            yield return new(at, $"<interface type='{InterfaceTypeXml.Table.ToXml(nic.Type)}'>");
        if (nic is UserInterface { SourceDev: not null }) yield return new(at, "<source dev> of a user interface (passt)");
        if (nic is BridgeInterface { MacTableManager: not null } or VirtualNetworkInterface { MacTableManager: not null })
            yield return new(at, "<source macTableManager>");
        // One bare <ip address> is libvirt 0.10.2's form; anything more is new.
        if (nic.Ips.Length > 1 || nic.Ips.Any(ip => ip.Family is not null || ip.Prefix is not null || ip.Peer is not null))
            yield return new(nic.Ips[^1].Location, "<ip> family, prefix, peer or a second <ip>");
        if (!nic.Routes.IsEmpty) yield return new(nic.Routes[0].Location, "<route>");
        if (nic is EthernetInterface { SourceIps.IsEmpty: false } or EthernetInterface { SourceRoutes.IsEmpty: false })
            yield return new(at, "<ip>/<route> inside the <source> of an ethernet interface");
        if (nic.Rom?.Enabled is not null) yield return new(at, "<rom enabled>");
        if (!nic.PortForwards.IsEmpty) yield return new(nic.PortForwards[0].Location, "<portForward>");
        if (nic.Driver is { } driver && NewDriverSetting(driver) is { } setting) yield return new(at, setting);
        if (nic.Options is { } options)
            foreach (var what in Options(options)) yield return new(at, what);
    }

    private static string? NewDriverSetting(InterfaceDriver driver) =>
        driver.HostdevBackend is not null ? "<driver name> of a hostdev interface"
        : driver.Queues is not null ? "<driver queues>"
        : driver.RxQueueSize is not null || driver.TxQueueSize is not null ? "<driver rx_queue_size/tx_queue_size>"
        : driver.Virtio is not null ? "virtio options (iommu, ats, packed, page_per_vq) of an interface <driver>"
        : driver.Rss is not null || driver.RssHashReport is not null ? "<driver rss/rss_hash_report>"
        : driver.Host is not null || driver.Guest is not null ? "<driver><host>/<guest> offloads"
        : null;

    private static IEnumerable<string> Options(InterfaceOptions options)
    {
        if (options.TrustGuestRxFilters is not null) yield return "trustGuestRxFilters";
        if (options.MacType is not null || options.MacCheck is not null) yield return "<mac type/check>";
        if (options.TargetManaged is not null) yield return "<target managed>";
        if (options.GuestDev is not null || options.GuestActual is not null) yield return "<guest dev/actual>";
        if (options.DownScript is not null) yield return "<downscript>";
        if (options.BackendDomain is not null) yield return "<backenddomain>";
        if (options.Backend is not null) yield return "<backend>";
        if (options.Mtu is not null) yield return "<mtu>";
        if (options.Coalesce is not null) yield return "<coalesce>";
        if (options.Port is not null) yield return "<port isolated>";
        if (options.Teaming is not null) yield return "<teaming>";
        if (options.AcpiIndex is not null) yield return "<acpi index> of an interface";
    }
}
