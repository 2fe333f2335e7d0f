using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;driver name txmode ioeventfd event_idx&gt;</c>: backend tuning of a (virtio) NIC.</summary>
public sealed record InterfaceDriver
{
    /// <summary>The backend: user-space (qemu) or in-kernel (vhost).</summary>
    public InterfaceBackend? Name { get; init; }
    public InterfaceTxMode? TxMode { get; init; }
    public bool? Ioeventfd { get; init; }
    public bool? EventIdx { get; init; }
    /// <summary><c>name</c> of a hostdev interface's driver: the PCI back-end (kvm, vfio, xen).</summary>
    public PciBackend? HostdevBackend { get; init; }
    public uint? Queues { get; init; }
    public uint? RxQueueSize { get; init; }
    public uint? TxQueueSize { get; init; }
    public VirtioOptions? Virtio { get; init; }
    /// <summary><c>rss</c>: receive-side scaling in the device.</summary>
    public bool? Rss { get; init; }
    public bool? RssHashReport { get; init; }
    /// <summary><c>&lt;host csum gso tso4 tso6 ecn ufo mrg_rxbuf/&gt;</c>: host-side offloads.</summary>
    public NicOffloads? Host { get; init; }
    /// <summary><c>&lt;guest csum tso4 tso6 ecn ufo/&gt;</c>: guest-side offloads.</summary>
    public NicOffloads? Guest { get; init; }
}

/// <summary>The offload switches of a virtio NIC's <c>&lt;host&gt;</c> or <c>&lt;guest&gt;</c> (gso and mrg_rxbuf are host-only).</summary>
public sealed record NicOffloads
{
    public bool? Csum { get; init; }
    public bool? Gso { get; init; }
    public bool? Tso4 { get; init; }
    public bool? Tso6 { get; init; }
    public bool? Ecn { get; init; }
    public bool? Ufo { get; init; }
    public bool? MrgRxBuf { get; init; }
}

public enum InterfaceBackend { Qemu, Vhost }

/// <summary>How transmission is deferred when the transmit buffer is full.</summary>
public enum InterfaceTxMode { Iothread, Timer }

public static class InterfaceDriverXml
{
    public static readonly XmlEnum<InterfaceBackend> Backend = new(
        ("qemu", InterfaceBackend.Qemu), ("vhost", InterfaceBackend.Vhost));

    public static readonly XmlEnum<InterfaceTxMode> TxMode = new(
        ("iothread", InterfaceTxMode.Iothread), ("timer", InterfaceTxMode.Timer));
}

/// <summary><c>&lt;tune&gt;&lt;sndbuf&gt;N&lt;/sndbuf&gt;&lt;/tune&gt;</c>: the tap send buffer size in bytes.</summary>
public sealed record InterfaceTune
{
    public ulong? SndBuf { get; init; }
}
