using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Translator.Model;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -net none, -net nic + -net user|tap|socket (vlan), -device NIC + -net (vlan), -netdev + -device NIC.
internal static class NetworkEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        var plan = ctx.Plan;
        if (plan.Interfaces.IsEmpty)
        {
            if (!plan.UseDevice)
            {
                args.Add("-net");
                args.Add("none");
            }
            return;
        }
        var netdev = plan.UseDevice && ctx.Has(QemuCapability.Netdev);
        foreach (var nic in plan.Interfaces)
        {
            // A hostdev interface is a PCI host device; the host device section passes it through.
            if (nic.Interface is HostdevInterface) continue;
            if (netdev)
            {
                if (nic.Interface is VhostUserInterface vhostUser)
                {
                    args.Add("-chardev");
                    args.Add(VhostUserChardev(vhostUser, nic, ctx));
                }
                args.Add("-netdev");
                args.Add(Host(nic, ctx, netdev: true));
                args.Add("-device");
                args.Add(Device(nic, ctx, netdev: true));
            }
            else if (plan.UseDevice)
            {
                args.Add("-device");
                args.Add(Device(nic, ctx, netdev: false));
                args.Add("-net");
                args.Add(Host(nic, ctx, netdev: false));
            }
            else
            {
                args.Add("-net");
                args.Add(LegacyNic(nic, ctx));
                args.Add("-net");
                args.Add(Host(nic, ctx, netdev: false));
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
            UserInterface when nic.PasstSocket is { } passt => new QemuOpts("stream").AddOnOff("server", false)
                .Add("addr.type", "unix").Add("addr.path", passt),
            UserInterface => new QemuOpts("user"),
            EthernetInterface e => new QemuOpts("tap").Add("ifname", e.TargetDev).Add("script", e.Script).Add("queues", Queues(i)),
            ServerInterface s => new QemuOpts("socket").Add("listen", $"{s.SourceAddress}:{s.SourcePort}"),
            ClientInterface c => new QemuOpts("socket").Add("connect", $"{c.SourceAddress}:{c.SourcePort}"),
            McastInterface m => new QemuOpts("socket").Add("mcast", $"{m.SourceAddress}:{m.SourcePort}"),
            UdpInterface u => new QemuOpts("socket").Add("udp", $"{u.SourceAddress}:{u.SourcePort}").Add("localaddr", $"{u.LocalAddress}:{u.LocalPort}"),
            BridgeInterface b => new QemuOpts("bridge").Add("br", b.Bridge),
            VhostUserInterface => new QemuOpts("vhost-user").Add("chardev", VhostUserCharId(nic)).Add("queues", Queues(i)),
            VdpaInterface v => new QemuOpts("vhost-vdpa").Add("vhostdev", v.Dev).Add("queues", Queues(i)),
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
            VirtioNetSyntax.Add(opts, i);
        }
        if (netdev) opts.Add("netdev", nic.HostAlias);
        else opts.Add("vlan", nic.Index);
        opts.Add("id", nic.Alias).Add("mac", i.Mac?.ToString()).Add("acpi-index", (long?)i.Options?.AcpiIndex);
        PciEmitter.AddAddress(opts, nic.Pci, ctx.Plan.PciBuses);
        RomEmitter.AddRom(opts, i.Rom);
        if (nic.BootIndex is { } boot) opts.Add("bootindex", boot);
        return opts.ToString();
    }

    /// <summary>The back-end's queue count where the NIC has more than one (<c>queues=</c> of tap, vhost-user, vhost-vdpa).</summary>
    private static ulong? Queues(NetworkInterface nic) => nic.Driver?.Queues is > 1 and var queues ? queues : null;

    private static string VhostUserCharId(PlannedInterface nic) => "char" + nic.Alias;

    /// <summary>
    /// The vhost-user back-end's socket: QEMU listens (and waits for the back-end before the guest runs) in
    /// server mode, connects in client mode, reconnecting after the given seconds when asked to.
    /// </summary>
    private static string VhostUserChardev(VhostUserInterface nic, PlannedInterface planned, QemuContext ctx)
    {
        var socket = nic.Socket;
        var opts = new QemuOpts("socket").Add("id", VhostUserCharId(planned)).Add("path", socket.Path);
        if (socket.Mode == SocketMode.Server) opts.Switch("server", true, ctx.ExplicitBooleans);
        if (socket.Reconnect is { Enabled: true } reconnect) opts.Add("reconnect", (ulong?)reconnect.Timeout);
        return opts.ToString();
    }
}
