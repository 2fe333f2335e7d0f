using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;teaming type persistent/&gt;</c>: one side of a virtio failover pair. The transient side
/// (a passed-through NIC) names the alias of its persistent (virtio) partner.
/// </summary>
public sealed record InterfaceTeaming
{
    public required TeamingType Type { get; init; }
    /// <summary>The alias of the persistent partner (transient side only).</summary>
    public string? Persistent { get; init; }
}

public enum TeamingType { Persistent, Transient }

public static class TeamingXml
{
    public static readonly XmlEnum<TeamingType> Type = new(("persistent", TeamingType.Persistent), ("transient", TeamingType.Transient));
}
