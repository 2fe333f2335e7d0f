using System.Globalization;
using System.Xml.Linq;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary>
/// Prints <see cref="DomainCapabilities"/> as libvirt 9.0 prints a domain capabilities document:
/// path, domain, machine, arch, vcpu, os/loader, devices/disk, devices/hostdev, in that order; each
/// enum as <c>&lt;enum name='...'&gt;</c> with one <c>&lt;value&gt;</c> per allowed value (an empty
/// enum as <c>&lt;enum name='...'/&gt;</c>); an unsupported element as <c>&lt;x supported='no'/&gt;</c>.
/// </summary>
public static class DomainCapabilitiesWriter
{
    /// <summary>The document, for values known to be writable (tests, recorded profiles).</summary>
    public static string Write(DomainCapabilities capabilities) =>
        TryWrite(capabilities, default).Text ?? throw new InvalidOperationException(TryWrite(capabilities, default).Refusal!.Message);

    /// <summary>
    /// The document, or a refusal located at <paramref name="source"/> (the emulator it came from) when
    /// a value from the emulator's answer holds a character XML cannot carry: refused, never dropped.
    /// </summary>
    public static (string? Text, Diagnostic? Refusal) TryWrite(DomainCapabilities capabilities, SourceLocation source)
    {
        var root = ToElement(capabilities);
        return CapabilitiesXmlText.Unrepresentable(root) is { } problem
            ? (null, new Diagnostic(CapabilitiesXmlDiagnostics.Unwritable, Severity.Error,
                $"the emulator's answer holds {problem}, which an XML document cannot carry", source))
            : (CapabilitiesXmlText.Format(root), null);
    }

    internal static XElement ToElement(DomainCapabilities caps) =>
        new("domainCapabilities",
            new XElement("path", caps.Path),
            new XElement("domain", DomainTypeXml.Table.ToXml(caps.Domain)),
            new XElement("machine", caps.Machine),
            new XElement("arch", caps.Arch),
            caps.VcpuMax is { } max ? new XElement("vcpu", new XAttribute("max", max.ToString(CultureInfo.InvariantCulture))) : null,
            Os(caps.Loader),
            new XElement("devices", Disk(caps.Disk), Hostdev(caps.Hostdev)));

    private static XElement Os(LoaderCapabilities? loader) =>
        loader is null
            ? Supported("os", false)
            : Supported("os", true,
                Supported("loader", true,
                    loader.Values.Select(v => new XElement("value", v)),
                    Enum("type", loader.Types, DomainCapabilityNames.LoaderType),
                    Enum("readonly", loader.ReadOnly.Select(b => b ? "yes" : "no"))));

    private static XElement Disk(DiskCapabilities disk) =>
        !disk.Supported
            ? Supported("disk", false)
            : Supported("disk", true,
                Enum("diskDevice", disk.DiskDevice, DiskXml.Device),
                Enum("bus", disk.Bus, DiskXml.Bus));

    private static XElement Hostdev(HostdevCapabilities hostdev) =>
        !hostdev.Supported
            ? Supported("hostdev", false)
            : Supported("hostdev", true,
                Enum("mode", hostdev.Mode, DomainCapabilityNames.HostdevMode),
                Enum("startupPolicy", hostdev.StartupPolicy, DomainCapabilityNames.StartupPolicy),
                Enum("subsysType", hostdev.SubsysType, DomainCapabilityNames.SubsysType),
                Enum("capsType", hostdev.CapsType, DomainCapabilityNames.CapsType),
                Enum("pciBackend", hostdev.PciBackend, DomainCapabilityNames.PciBackend));

    private static XElement Supported(string name, bool supported, params object?[] content) =>
        new(name, new XAttribute("supported", supported ? "yes" : "no"), content);

    // libvirt prints an enum's values in the enum's declaration order, whatever order they were found in.
    private static XElement Enum<T>(string name, IEnumerable<T> values, XmlEnum<T> table) where T : struct, System.Enum =>
        Enum(name, values.Distinct().Order().Select(table.ToXml));

    private static XElement Enum(string name, IEnumerable<string> values) =>
        new("enum", new XAttribute("name", name), values.Select(v => new XElement("value", v)));
}
