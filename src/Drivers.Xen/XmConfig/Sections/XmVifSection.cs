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
        switch (nic)
        {
            case BridgeInterface bridge:
                spec.Append(",bridge=").Append(bridge.Bridge);
                if (nic.IpAddress is { } bridgeIp) spec.Append(",ip=").Append(bridgeIp);
                // The reference always names the bridge script, whatever <script> says.
                spec.Append(",script=").Append(BridgeScript);
                break;
            case EthernetInterface:
                if (nic.Script is { } script) spec.Append(",script=").Append(script);
                if (nic.IpAddress is { } ip) spec.Append(",ip=").Append(ip);
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
        else if (nic.Model == "netfront") spec.Append(",type=netfront");
        else spec.Append(",model=").Append(nic.Model).Append(",type=ioemu");
        if (nic.TargetDev is { } vifname) spec.Append(",vifname=").Append(vifname);
        return spec.ToString();
    }

    public static ImmutableArray<NetworkInterface> Read(XmSettings settings)
    {
        var nics = ImmutableArray.CreateBuilder<NetworkInterface>();
        var specs = settings.StringList("vif") ?? [];
        for (var i = 0; i < specs.Count; i++)
            if (ReadSpec(settings, specs[i], $"vif[{i}]") is { } nic) nics.Add(nic);
        return nics.ToImmutable();
    }

    private static NetworkInterface? ReadSpec(XmSettings settings, XmString item, string path)
    {
        string? mac = null, bridge = null, script = null, model = null, type = null, vifname = null, ip = null;
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
                default:
                    settings.Warn(item, path, $"vif key '{part[..equals]}' is ignored; the keys read are mac, bridge, script, model, type, vifname, ip");
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
        NetworkInterface nic = bridged
            ? new BridgeInterface { Bridge = bridge! }
            : new EthernetInterface();
        return nic with
        {
            Mac = parsedMac,
            Script = string.IsNullOrEmpty(script) ? null : script,
            IpAddress = string.IsNullOrEmpty(ip) ? null : ip,
            Model = !string.IsNullOrEmpty(model) ? model : type == "netfront" ? "netfront" : null,
            TargetDev = string.IsNullOrEmpty(vifname) ? null : vifname,
        };
    }
}
