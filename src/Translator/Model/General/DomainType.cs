using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>The hypervisor a domain is meant for (<c>&lt;domain type='...'&gt;</c>).</summary>
public enum DomainType
{
    Qemu, Kqemu, Kvm, Xen, Lxc, Uml, Openvz, Test, Vmware, Hyperv, Vbox, Phyp, Vbox2, Esx,
}

public static class DomainTypeXml
{
    public static readonly XmlEnum<DomainType> Table = new(
        ("qemu", DomainType.Qemu), ("kqemu", DomainType.Kqemu), ("kvm", DomainType.Kvm),
        ("xen", DomainType.Xen), ("lxc", DomainType.Lxc), ("uml", DomainType.Uml),
        ("openvz", DomainType.Openvz), ("test", DomainType.Test), ("vmware", DomainType.Vmware),
        ("hyperv", DomainType.Hyperv), ("vbox", DomainType.Vbox), ("phyp", DomainType.Phyp),
        ("esx", DomainType.Esx));
}
