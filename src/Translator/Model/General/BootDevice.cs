using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>A BIOS boot device class (<c>&lt;boot dev='...'/&gt;</c>).</summary>
public enum BootDevice
{
    Floppy,
    HardDisk,
    Cdrom,
    Network,
}

public static class BootDeviceXml
{
    public static readonly XmlEnum<BootDevice> Table = new(
        ("fd", BootDevice.Floppy), ("hd", BootDevice.HardDisk), ("cdrom", BootDevice.Cdrom), ("network", BootDevice.Network));
}
