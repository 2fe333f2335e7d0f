using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>Where guest SMBIOS data comes from (<c>&lt;smbios mode='...'/&gt;</c>).</summary>
public enum SmbiosMode
{
    Emulate,
    Host,
    Sysinfo,
}

public static class SmbiosModeXml
{
    public static readonly XmlEnum<SmbiosMode> Table = new(
        ("emulate", SmbiosMode.Emulate), ("host", SmbiosMode.Host), ("sysinfo", SmbiosMode.Sysinfo));
}
