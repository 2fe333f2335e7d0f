using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;hub type='usb'&gt;</c>: a hub that adds ports to a bus.</summary>
public sealed record Hub
{
    public required HubType Type { get; init; }
    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    public SourceLocation Location { get; init; }
}

public enum HubType { Usb }

public static class HubTypeXml
{
    public static readonly XmlEnum<HubType> Table = new(("usb", HubType.Usb));
}
