using DomainLauncher.Drivers.Xen.Target;
using System.Globalization;
using System.Collections.Immutable;
using System.Text;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary>
/// <c>vif = [ "mac=...,bridge=...,script=...,model=...,type=ioemu,vifname=...", ... ]</c>: the NICs.
/// A NIC with a bridge (or the bridge script) is bridged, any other is an ethernet NIC set up by
/// its script. HVM NICs are marked <c>type=ioemu</c> (emulated) or <c>type=netfront</c> (PV driver).
/// </summary>
internal static class XmVifSection
{
    /// <summary>The script xend plugs a bridged NIC in with.</summary>
    public const string BridgeScript = "vif-bridge";

    public static IEnumerable<XmEntry> Emit(XmConfigContext ctx) =>
        Xm.Strings("vif", [.. ctx.Domain.Devices.Interfaces.Select(nic => Spec(ctx, nic))]);

    /// <summary>Whether an interface's type can be written: bridged or ethernet (a virtual network's bridge is not known here).</summary>
    public static bool IsExpressible(NetworkInterface nic) => nic is BridgeInterface or EthernetInterface;

    /// <summary>The <c>key=value,...</c> entry of an interface with a MAC address and an expressible type.</summary>
    public static string Spec(XmConfigContext ctx, NetworkInterface nic)
    {
        var mac = nic.Mac ?? throw new InvalidOperationException("the validator lets no interface without a MAC address through");
        var spec = new StringBuilder("mac=").Append(mac);
        var libxl = ctx.Target.XmVifScriptAsGiven;
        switch (nic)
        {
            case BridgeInterface bridge:
                spec.Append(",bridge=").Append(bridge.Bridge);
                if (libxl) spec.Append(VlanSuffix(nic));
                AppendIps(spec, nic, libxl);
                // xend always names the bridge script; libxl the one the domain names (the bridge script by default).
                spec.Append(",script=").Append(libxl && nic.Script is { } own ? own : BridgeScript);
                break;
            case EthernetInterface:
                if (nic.Script is { } script) spec.Append(",script=").Append(script);
                AppendIps(spec, nic, libxl);
                break;
            default:
                throw new InvalidOperationException($"the validator lets no {nic.Type} interface through");
        }
        if (!ctx.Hvm)
        {
            if (nic.Model is { } model) spec.Append(",model=").Append(model);
        }
        else if (nic.Model is null)
        {
            if (ctx.Target.HvmNicTypeIoemu) spec.Append(",type=ioemu");
        }
        else if (nic.Model == "netfront") spec.Append(",type=").Append(XlSyntax.PvNicType(ctx.Format));
        else if (libxl) spec.Append(",model=").Append(nic.Model);
        else spec.Append(",model=").Append(nic.Model).Append(",type=ioemu");
        if (nic.TargetDev is { } vifname) spec.Append(",vifname=").Append(vifname);
        if (libxl && nic.Bandwidth?.Outbound is { } rate) spec.Append(",rate=").Append(rate.Average.ToString(CultureInfo.InvariantCulture)).Append("KB/s");
        return spec.ToString();
    }

    /// <summary>xend knows one guest address; libxl takes them all, separated by spaces.</summary>
    private static void AppendIps(StringBuilder spec, NetworkInterface nic, bool all)
    {
        if (nic.Ips.IsDefaultOrEmpty) return;
        spec.Append(",ip=").Append(all ? string.Join(" ", nic.Ips.Select(ip => ip.Address)) : nic.Ips[0].Address);
    }

    /// <summary>An Open vSwitch VLAN on the bridge: <c>.TAG</c> for one tag, <c>:TAG:TAG...</c> for a trunk.</summary>
    private static string VlanSuffix(NetworkInterface nic)
    {
        if (nic.Vlan is not { Tags.IsEmpty: false } vlan) return "";
        var tags = vlan.Tags.Select(t => t.ToString(CultureInfo.InvariantCulture));
        return vlan.Trunk == true || vlan.Tags.Length > 1 ? ":" + string.Join(":", tags) : "." + string.Join("", tags);
    }

    public static ImmutableArray<NetworkInterface> Read(XmSettings settings, XenTarget target)
    {
        var nics = ImmutableArray.CreateBuilder<NetworkInterface>();
        var specs = settings.StringList("vif") ?? [];
        for (var i = 0; i < specs.Count; i++)
            if (ReadSpec(settings, specs[i], $"vif[{i}]", target.XmVifScriptAsGiven) is { } nic) nics.Add(nic);
        return nics.ToImmutable();
    }

    private static NetworkInterface? ReadSpec(XmSettings settings, XmString item, string path, bool libxl)
    {
        string? mac = null, bridge = null, script = null, model = null, type = null, vifname = null, ip = null, rate = null;
        foreach (var raw in item.Text.Split(','))
        {
            var part = raw.TrimStart(' ', '\t');
            if (part.Length == 0) continue;
            var equals = part.IndexOf('=');
            if (equals < 0)
            {
                settings.Invalid(item, path, $"vif \"{item.Text}\": \"{part}\" is not key=value");
                return null;
            }
            var value = part[(equals + 1)..];
            switch (part[..equals])
            {
                case "mac": mac = value; break;
                case "bridge": bridge = value; break;
                case "script": script = value; break;
                case "model": model = value; break;
                case "type": type = value; break;
                case "vifname": vifname = value; break;
                case "ip": ip = value; break;
                case "rate" when libxl: rate = value; break;
                default:
                    settings.Warn(item, path, $"vif key '{part[..equals]}' is ignored; the keys read are mac, bridge, script, model, type, vifname, ip" + (libxl ? ", rate" : ""));
                    break;
            }
        }

        // A NIC without a MAC gets the all-zero address, as in the reference.
        var address = mac ?? "00:00:00:00:00:00";
        if (!MacAddress.TryParse(address, out var parsedMac))
        {
            settings.Invalid(item, path, $"vif mac \"{address}\" is not a MAC address (six pairs of hex digits joined by ':')");
            return null;
        }
        var bridged = !string.IsNullOrEmpty(bridge) || script is BridgeScript or "vif-vnic";
        if (bridged && string.IsNullOrEmpty(bridge))
        {
            settings.Invalid(item, path, $"vif \"{item.Text}\" uses the bridge script but names no bridge=");
            return null;
        }
        Vlan? vlan = null;
        if (libxl && bridged && ReadVlan(settings, item, path, ref bridge!) is var (parsedVlan, ok))
        {
            if (!ok) return null;
            vlan = parsedVlan;
        }
        InterfaceBandwidth? bandwidth = null;
        if (rate is not null)
        {
            if (ReadRate(rate) is { } average) bandwidth = new InterfaceBandwidth { Outbound = new BandwidthLimit { Average = average } };
            else
            {
                settings.Invalid(item, path, $"vif rate \"{rate}\" is not a rate such as 10240KB/s (B/s, KB/s, MB/s or GB/s)");
                return null;
            }
        }
        NetworkInterface nic = bridged
            ? new BridgeInterface { Bridge = bridge! }
            : new EthernetInterface();
        var pvDriver = type == "netfront" || (libxl && type == "vif");
        return nic with
        {
            Mac = parsedMac,
            Script = string.IsNullOrEmpty(script) ? null : script,
            Ips = string.IsNullOrEmpty(ip) ? []
                : libxl ? [.. ip.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => new InterfaceIp { Address = a, Family = a.Contains(':') ? IpFamily.Ipv6 : IpFamily.Ipv4 })]
                : [new InterfaceIp { Address = ip }],
            Model = !string.IsNullOrEmpty(model) ? model : pvDriver ? "netfront" : null,
            TargetDev = string.IsNullOrEmpty(vifname) ? null : vifname,
            Vlan = vlan,
            VirtualPort = vlan is null ? null : new VirtualPort { Type = VirtualPortType.OpenVSwitch },
            Bandwidth = bandwidth,
        };
    }

    /// <summary>
    /// libxl's Open vSwitch VLANs ride on the bridge name: <c>BRIDGE.TAG</c> or <c>BRIDGE:TAG:TAG</c>
    /// (a trunk). Null when the name has neither; (null, false) after an error.
    /// </summary>
    private static (Vlan? Vlan, bool Ok)? ReadVlan(XmSettings settings, XmString item, string path, ref string bridge)
    {
        var trunk = bridge.IndexOf(':');
        var tagged = bridge.IndexOf('.');
        var at = trunk >= 0 ? trunk : tagged;
        if (at < 0) return null;
        var tags = ImmutableArray.CreateBuilder<uint>();
        foreach (var tag in bridge[(at + 1)..].Split(trunk >= 0 ? ':' : '.'))
        {
            if (!uint.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id > 4095)
            {
                settings.Invalid(item, path, $"vif bridge \"{bridge}\": \"{tag}\" is not a VLAN tag (0 to 4095)");
                return (null, false);
            }
            tags.Add(id);
        }
        bridge = bridge[..at];
        return (new Vlan { Trunk = trunk >= 0 ? true : null, Tags = tags.ToImmutable() }, true);
    }

    /// <summary>A rate in KB/s (libxl's <c>N{B,KB,MB,GB}/s</c>), or null when it is not one.</summary>
    private static ulong? ReadRate(string rate)
    {
        var slash = rate.IndexOf("/s", StringComparison.Ordinal);
        if (slash < 0) return null;
        var amount = rate[..slash];
        (string Suffix, ulong Num, ulong Den)[] units = [("GB", 1024 * 1024, 1), ("MB", 1024, 1), ("KB", 1, 1), ("B", 1, 1024)];
        foreach (var (suffix, num, den) in units)
        {
            if (!amount.EndsWith(suffix, StringComparison.Ordinal)) continue;
            return ulong.TryParse(amount[..^suffix.Length], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= ulong.MaxValue / num
                ? n * num / den
                : null;
        }
        return null;
    }
}
