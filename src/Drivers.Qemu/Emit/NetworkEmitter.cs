using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Translator.Model;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -net none, -net nic + -net user|tap|socket (vlan), -device NIC + -net (vlan), -netdev + -device NIC.
internal static class NetworkEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        var plan = ctx.Plan;
        if (plan.Interfaces.IsEmpty)
        {
            if (!plan.UseDevice)
            {
                yield return "-net";
                yield return "none";
            }
            yield break;
        }
        var netdev = plan.UseDevice && ctx.Has(QemuCapability.Netdev);
        foreach (var nic in plan.Interfaces)
        {
            // A hostdev interface is a PCI host device; the host device section passes it through.
            if (nic.Interface is HostdevInterface) continue;
            if (netdev)
            {
                yield return "-netdev";
                yield return Host(nic, ctx, netdev: true);
                yield return "-device";
                yield return Device(nic, ctx, netdev: true);
            }
            else if (plan.UseDevice)
            {
                yield return "-device";
                yield return Device(nic, ctx, netdev: false);
                yield return "-net";
                yield return Host(nic, ctx, netdev: false);
            }
            else
            {
                yield return "-net";
                yield return LegacyNic(nic, ctx);
                yield return "-net";
                yield return Host(nic, ctx, netdev: false);
            }
        }
    }

    private static string LegacyNic(PlannedInterface nic, QemuContext ctx)
    {
        var opts = new QemuOpts("nic").Add("macaddr", nic.Interface.Mac?.ToString()).Add("vlan", nic.Index)
            .Add("model", nic.Interface.Model);
        if (ctx.Has(QemuCapability.Qemu0_10)) opts.Add("name", nic.Alias);
        return opts.ToString();
    }

    private static string Host(PlannedInterface nic, QemuContext ctx, bool netdev)
    {
        var i = nic.Interface;
        var opts = i switch
        {
            UserInterface => new QemuOpts("user"),
            EthernetInterface e => new QemuOpts("tap").Add("ifname", e.TargetDev).Add("script", e.Script),
            ServerInterface s => new QemuOpts("socket").Add("listen", $"{s.SourceAddress}:{s.SourcePort}"),
            ClientInterface c => new QemuOpts("socket").Add("connect", $"{c.SourceAddress}:{c.SourcePort}"),
            McastInterface m => new QemuOpts("socket").Add("mcast", $"{m.SourceAddress}:{m.SourcePort}"),
            _ => throw new InvalidOperationException($"interface type {i.Type} passed validation"),
        };
        if (netdev)
            opts.Add("id", nic.HostAlias);
        else
            opts.Add("vlan", nic.Index).Add("name", ctx.Plan.UseDevice || ctx.Has(QemuCapability.Qemu0_10) ? nic.HostAlias : null);
        return opts.ToString();
    }

    private static string Device(PlannedInterface nic, QemuContext ctx, bool netdev)
    {
        var i = nic.Interface;
        var opts = new QemuOpts(nic.QemuType);
        if (i.Model == "virtio")
        {
            if (i.Driver?.TxMode is { } tx && ctx.Has(QemuCapability.VirtioTxAlg))
                opts.Add("tx", tx == InterfaceTxMode.Iothread ? "bh" : "timer");
            if (i.Driver?.EventIdx is { } eventIdx && ctx.Has(QemuCapability.VirtioNetPciEventIdx)) opts.AddOnOff("event_idx", eventIdx);
        }
        if (netdev) opts.Add("netdev", nic.HostAlias);
        else opts.Add("vlan", nic.Index);
        opts.Add("id", nic.Alias).Add("mac", i.Mac?.ToString());
        PciEmitter.AddAddress(opts, nic.Pci, ctx.Plan.PciBuses);
        RomEmitter.AddRom(opts, i.Rom);
        if (nic.BootIndex is { } boot) opts.Add("bootindex", boot);
        return opts.ToString();
    }
}
