namespace DomainLauncher.Translator.Xml;

/// <summary>Namespaces that carry meaning in domain XML.</summary>
public static class XmlNamespaces
{
    /// <summary>The QEMU driver's pass-through namespace (<c>qemu:commandline</c>).</summary>
    public const string QemuCommandLine = "http://libvirt.org/schemas/domain/qemu/1.0";
}
