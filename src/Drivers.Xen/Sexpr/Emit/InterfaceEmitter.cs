using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.Sexpr.Emit;

/// <summary>
/// One <c>(device (vif (mac ...)(bridge ...)(script ...)(ip ...)(vifname ...)(model ...)(type ...)))</c>
/// per interface. Bridged and virtual-network interfaces use a bridge and a script (vif-bridge by
/// default); routed (ethernet) ones only what the document gives. An HVM NIC is emulated
/// (<c>(type ioemu)</c> up to xend 3.0.4) unless its model is <c>netfront</c>.
/// </summary>
internal static class InterfaceEmitter
{
    public const string DefaultScript = "vif-bridge";

    public static IEnumerable<SexprNode> Emit(XenSexprContext ctx) =>
        ctx.Domain.Devices.Interfaces.Select(nic => Sx.List("device", Sx.List("vif", Settings(ctx, nic))));

    private static IEnumerable<SexprNode> Settings(XenSexprContext ctx, NetworkInterface nic)
    {
        // Without a MAC address xend generates one.
        if (nic.Mac is { } mac) yield return Sx.Quoted("mac", mac.ToString());
        switch (nic)
        {
            case BridgeInterface bridge:
                yield return Sx.Quoted("bridge", bridge.Bridge);
                yield return Sx.Quoted("script", nic.Script ?? DefaultScript);
                if (nic.IpAddress is { } bridgeIp) yield return Sx.Quoted("ip", bridgeIp);
                break;
            case VirtualNetworkInterface network:
                yield return Sx.Quoted("bridge", ctx.Target.NetworkBridges[network.Network]);
                yield return Sx.Quoted("script", DefaultScript);
                break;
            case EthernetInterface:
                if (nic.Script is { } script) yield return Sx.Quoted("script", script);
                if (nic.IpAddress is { } ip) yield return Sx.Quoted("ip", ip);
                break;
            default:
                throw new InvalidOperationException($"the validator lets no {nic.Type} interface through");
        }
        // xend names the host side vifD.N itself; a name in that pattern is its own, not a request.
        if (nic.TargetDev is { } name && !name.StartsWith("vif", StringComparison.Ordinal))
            yield return Sx.Quoted("vifname", name);

        if (!ctx.Hvm)
        {
            if (nic.Model is { } model) yield return Sx.Quoted("model", model);
        }
        else if (nic.Model == "netfront")
        {
            yield return Sx.Word("type", "netfront");
        }
        else
        {
            if (nic.Model is { } model) yield return Sx.Quoted("model", model);
            if (ctx.Target.HvmNicTypeIoemu) yield return Sx.Word("type", "ioemu");
        }
    }
}
