using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// A <c>&lt;redirdev bus type&gt;</c>: a USB device of a remote client forwarded into the guest
/// through a character device (<see cref="Source"/>, e.g. SPICE or a TCP usbredir server).
/// </summary>
public sealed record RedirectedDevice
{
    /// <summary>The guest bus; null when absent (USB, the only bus, is then implied).</summary>
    public RedirectedDeviceBus? Bus { get; init; }

    public required CharSource Source { get; init; }

    /// <summary><c>&lt;boot order='N'/&gt;</c>: boot from the redirected device.</summary>
    public uint? BootOrder { get; init; }

    /// <summary>The USB port; the only address type a redirected USB device may have.</summary>
    public UsbAddress? Address { get; init; }

    public string? Alias { get; init; }
    public SourceLocation Location { get; init; }
}

public enum RedirectedDeviceBus
{
    Usb,
}

public static class RedirectedDeviceBusXml
{
    public static readonly XmlEnum<RedirectedDeviceBus> Table = new(("usb", RedirectedDeviceBus.Usb));
}
