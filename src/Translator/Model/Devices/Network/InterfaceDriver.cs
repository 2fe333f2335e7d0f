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
