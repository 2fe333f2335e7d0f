using System.Xml.Linq;

namespace DomainLauncher.HostRuntime.Tests.CapabilitiesXml;

/// <summary>
/// Every element and attribute the domain capabilities spec names, read from a document as
/// "path = value" lines (enum values in document order), so two documents compare field for field
/// and a failure shows which field differs. Elements libvirt adds beyond the spec are not read.
/// </summary>
internal static class DomainCapabilitiesFields
{
    private static readonly string[] HostdevEnums = ["mode", "startupPolicy", "subsysType", "capsType", "pciBackend"];

    public static List<string> Read(string xml)
    {
        var root = XDocument.Parse(xml).Root!;
        Assert.Equal("domainCapabilities", root.Name.LocalName);
        var fields = new List<string>
        {
            $"path = {root.Element("path")?.Value}",
            $"domain = {root.Element("domain")?.Value}",
            $"machine = {root.Element("machine")?.Value}",
            $"arch = {root.Element("arch")?.Value}",
            $"vcpu/@max = {root.Element("vcpu")?.Attribute("max")?.Value}",
        };
        var os = root.Element("os");
        fields.Add($"os/@supported = {os?.Attribute("supported")?.Value}");
        var loader = os?.Element("loader");
        fields.Add($"os/loader/@supported = {loader?.Attribute("supported")?.Value}");
        fields.AddRange(loader?.Elements("value").Select(v => $"os/loader/value = {v.Value}") ?? []);
        fields.AddRange(Enum(loader, "os/loader", "type"));
        fields.AddRange(Enum(loader, "os/loader", "readonly"));

        var devices = root.Element("devices");
        var disk = devices?.Element("disk");
        fields.Add($"devices/disk/@supported = {disk?.Attribute("supported")?.Value}");
        fields.AddRange(Enum(disk, "devices/disk", "diskDevice"));
        fields.AddRange(Enum(disk, "devices/disk", "bus"));
        var hostdev = devices?.Element("hostdev");
        fields.Add($"devices/hostdev/@supported = {hostdev?.Attribute("supported")?.Value}");
        foreach (var name in HostdevEnums) fields.AddRange(Enum(hostdev, "devices/hostdev", name));
        return fields;
    }

    // An absent enum and an empty one differ: libvirt prints <enum name='capsType'/> when it knows no value.
    private static IEnumerable<string> Enum(XElement? parent, string where, string name)
    {
        var element = parent?.Elements("enum").FirstOrDefault(e => e.Attribute("name")?.Value == name);
        if (element is null) return [$"{where}/enum[{name}] absent"];
        return [$"{where}/enum[{name}] present", .. element.Elements("value").Select(v => $"{where}/enum[{name}] = {v.Value}")];
    }
}
