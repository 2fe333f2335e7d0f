using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>What a secret is for, as libvirt's secret objects say (<c>&lt;usage type='ceph'&gt;</c>).</summary>
public enum SecretUsageType
{
    Volume,
    Ceph,
    Iscsi,
}

public static class SecretUsageTypeNames
{
    public static readonly XmlEnum<SecretUsageType> Table = new(
        ("volume", SecretUsageType.Volume), ("ceph", SecretUsageType.Ceph), ("iscsi", SecretUsageType.Iscsi));
}
