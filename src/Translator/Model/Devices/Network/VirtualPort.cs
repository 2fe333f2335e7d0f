using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;virtualport type&gt;&lt;parameters .../&gt;&lt;/virtualport&gt;</c>: the switch port
/// profile. The type may be left out (a virtual network supplies it); each type takes its own
/// parameters: 802.1Qbg managerid, typeid, typeidversion, instanceid; 802.1Qbh profileid;
/// openvswitch interfaceid and profileid.
/// </summary>
public sealed record VirtualPort
{
    public VirtualPortType? Type { get; init; }

    /// <summary>802.1Qbg VSI manager id (0 to 255).</summary>
    public uint? ManagerId { get; init; }

    /// <summary>802.1Qbg VSI type id (24 bits).</summary>
    public uint? TypeId { get; init; }

    /// <summary>802.1Qbg VSI type version (0 to 255).</summary>
    public uint? TypeIdVersion { get; init; }

    /// <summary>802.1Qbg VSI instance id.</summary>
    public Guid? InstanceId { get; init; }

    /// <summary>802.1Qbh or Open vSwitch port profile name.</summary>
    public string? ProfileId { get; init; }

    /// <summary>Open vSwitch interface id.</summary>
    public Guid? InterfaceId { get; init; }
}

public enum VirtualPortType { Ieee8021Qbg, Ieee8021Qbh, OpenVSwitch }

public static class VirtualPortTypeXml
{
    public static readonly XmlEnum<VirtualPortType> Table = new(
        ("802.1Qbg", VirtualPortType.Ieee8021Qbg),
        ("802.1Qbh", VirtualPortType.Ieee8021Qbh),
        ("openvswitch", VirtualPortType.OpenVSwitch));
}
