using DomainLauncher.Translator.Xml;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

// The enums a domain capabilities document lists that the domain model has no type for (libvirt
// added them after 0.10.2). Declared in libvirt's order, which is the order its documents print them.

/// <summary><c>&lt;loader type&gt;</c>: a BIOS image mapped as ROM, or UEFI code on a flash device.</summary>
public enum LoaderType { Rom, Pflash }

/// <summary><c>&lt;hostdev mode&gt;</c>.</summary>
public enum HostdevMode { Subsystem, Capabilities }

/// <summary><c>&lt;hostdev&gt;&lt;source startupPolicy&gt;</c>, with libvirt's explicit <c>default</c>.</summary>
public enum HostdevStartupPolicy { Default, Mandatory, Requisite, Optional }

/// <summary><c>&lt;hostdev type&gt;</c> in <c>mode='subsystem'</c>.</summary>
public enum HostdevSubsysType { Usb, Pci, Scsi }

/// <summary><c>&lt;hostdev type&gt;</c> in <c>mode='capabilities'</c> (containers).</summary>
public enum HostdevCapsType { Storage, Misc, Net }

/// <summary><c>&lt;driver name&gt;</c> of a PCI host device: how it is passed through.</summary>
public enum PciBackend { Default, Kvm, Vfio, Xen }

/// <summary>The XML spellings of the domain capabilities enums.</summary>
public static class DomainCapabilityNames
{
    public static readonly XmlEnum<LoaderType> LoaderType = new(("rom", CapabilitiesXml.LoaderType.Rom), ("pflash", CapabilitiesXml.LoaderType.Pflash));

    public static readonly XmlEnum<HostdevMode> HostdevMode = new(
        ("subsystem", CapabilitiesXml.HostdevMode.Subsystem), ("capabilities", CapabilitiesXml.HostdevMode.Capabilities));

    public static readonly XmlEnum<HostdevStartupPolicy> StartupPolicy = new(
        ("default", HostdevStartupPolicy.Default), ("mandatory", HostdevStartupPolicy.Mandatory),
        ("requisite", HostdevStartupPolicy.Requisite), ("optional", HostdevStartupPolicy.Optional));

    public static readonly XmlEnum<HostdevSubsysType> SubsysType = new(
        ("usb", HostdevSubsysType.Usb), ("pci", HostdevSubsysType.Pci), ("scsi", HostdevSubsysType.Scsi));

    public static readonly XmlEnum<HostdevCapsType> CapsType = new(
        ("storage", HostdevCapsType.Storage), ("misc", HostdevCapsType.Misc), ("net", HostdevCapsType.Net));

    public static readonly XmlEnum<PciBackend> PciBackend = new(
        ("default", CapabilitiesXml.PciBackend.Default), ("kvm", CapabilitiesXml.PciBackend.Kvm),
        ("vfio", CapabilitiesXml.PciBackend.Vfio), ("xen", CapabilitiesXml.PciBackend.Xen));
}
