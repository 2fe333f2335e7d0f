using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

/// <summary>
/// A virtio NIC's driver settings as <c>virtio-net-pci</c> properties: multiqueue (<c>mq</c>, and the
/// <c>2 × queues + 2</c> MSI-X vectors it needs), ring sizes, MTU, RSS and hash reports, the host and guest
/// offloads, and the virtio transport options (through <see cref="VirtioOptionsSyntax"/>).
/// </summary>
internal static class VirtioNetSyntax
{
    public static QemuOpts Add(QemuOpts opts, NetworkInterface nic)
    {
        var driver = nic.Driver;
        if (driver?.Queues is > 1 and var queues) opts.AddOnOff("mq", true).Add("vectors", 2UL * queues + 2);
        opts.Add("rx_queue_size", (ulong?)driver?.RxQueueSize)
            .Add("tx_queue_size", (ulong?)driver?.TxQueueSize)
            .Add("host_mtu", (ulong?)nic.Options?.Mtu)
            .AddOnOff("rss", driver?.Rss)
            .AddOnOff("hash", driver?.RssHashReport);
        if (driver?.Host is { } host)
        {
            opts.AddOnOff("csum", host.Csum).AddOnOff("gso", host.Gso).AddOnOff("host_tso4", host.Tso4)
                .AddOnOff("host_tso6", host.Tso6).AddOnOff("host_ecn", host.Ecn).AddOnOff("host_ufo", host.Ufo)
                .AddOnOff("mrg_rxbuf", host.MrgRxBuf);
        }
        if (driver?.Guest is { } guest)
        {
            opts.AddOnOff("guest_csum", guest.Csum).AddOnOff("guest_tso4", guest.Tso4).AddOnOff("guest_tso6", guest.Tso6)
                .AddOnOff("guest_ecn", guest.Ecn).AddOnOff("guest_ufo", guest.Ufo);
        }
        return VirtioOptionsSyntax.Add(opts, driver?.Virtio);
    }
}
