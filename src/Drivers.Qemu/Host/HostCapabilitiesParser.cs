using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>
/// Reads a host capabilities document (<c>virsh capabilities</c> output, or a hand-written one for
/// tests) into <see cref="HostCapabilities"/>. Sections libvirt reports that the QEMU driver does not
/// use (power management, NUMA topology, security models, ...) are accepted and skipped; anything
/// else unknown is a warning, as in domain XML.
/// </summary>
public static class HostCapabilitiesParser
{
    // Known sections the driver has no use for; read whole so they raise no unknown-element warning.
    private static readonly string[] SkippedHostSections =
        ["power_management", "migration_features", "topology", "secmodel", "cache", "memory_bandwidth", "iommu", "netprefix"];

    public static LoadResult<HostCapabilities> LoadFile(IInputFiles files, string path) => FromLoad(SafeXmlLoader.LoadFile(files, path), path);

    public static LoadResult<HostCapabilities> ParseText(string xml, string sourceName = "<capabilities>") =>
        FromLoad(SafeXmlLoader.LoadText(xml, sourceName), sourceName);

    public static LoadResult<HostCapabilities> ParseElement(SourceElement root, string sourceName)
    {
        var context = new ParseContext(sourceName);
        var reader = context.Root(root);
        if (root.LocalName != "capabilities" || root.NamespaceUri.Length != 0)
        {
            reader.Error(DiagnosticCatalog.WrongRootElement,
                $"the root element is <{root.LocalName}>; a host capabilities document starts with <capabilities>");
            return new LoadResult<HostCapabilities>(null, context.Diagnostics.ToList());
        }
        var host = reader.Child("host");
        var capabilities = new HostCapabilities
        {
            HostUuid = host?.ChildTrimmedText("uuid"),
            Cpu = host?.Child("cpu") is { } cpu ? ReadCpu(cpu) : null,
            Guests = [.. reader.Children("guest").Select(ReadGuest).OfType<GuestCapability>()],
        };
        if (host is not null)
            foreach (var section in SkippedHostSections)
                foreach (var skipped in host.Children(section)) skipped.ReadWhole();
        context.ReportUnread(root);
        return LoadResult<HostCapabilities>.From(capabilities, context.Diagnostics);
    }

    private static LoadResult<HostCapabilities> FromLoad(XmlLoadResult load, string sourceName) =>
        load.Root is null ? new(null, [load.Error!]) : ParseElement(load.Root, sourceName);

    private static HostCpu? ReadCpu(ElementReader cpu)
    {
        var arch = cpu.ChildTrimmedText("arch");
        if (arch is null)
        {
            cpu.Error(DiagnosticCatalog.MissingElement, "missing required element <arch>");
            return null;
        }
        foreach (var skipped in new[] { "pages", "microcode", "counter", "signature", "maxphysaddr" }.SelectMany(name => cpu.Children(name)))
            skipped.ReadWhole();
        return new HostCpu
        {
            Arch = arch,
            Model = cpu.ChildTrimmedText("model"),
            Vendor = cpu.ChildTrimmedText("vendor"),
            Topology = cpu.Child("topology") is { } t ? ReadTopology(t) : null,
            Features = [.. cpu.Children("feature").Select(f => f.RequiredAttr("name")).OfType<string>()],
        };
    }

    private static HostCpuTopology? ReadTopology(ElementReader topology)
    {
        var sockets = RequiredCount(topology, "sockets");
        var cores = RequiredCount(topology, "cores");
        var threads = RequiredCount(topology, "threads");
        topology.Attr("dies");
        return sockets is null || cores is null || threads is null ? null : new HostCpuTopology(sockets.Value, cores.Value, threads.Value);
    }

    private static uint? RequiredCount(ElementReader element, string name)
    {
        if (element.RequiredAttr(name) is null) return null;
        return element.UInt(name);
    }

    private static GuestCapability? ReadGuest(ElementReader guest)
    {
        var osTypeElement = guest.Child("os_type");
        OsType? osType = null;
        if (osTypeElement is null)
            guest.Error(DiagnosticCatalog.MissingElement, "missing required element <os_type>");
        else
            osType = osTypeElement.EnumText(OsTypeXml.Table);

        var arch = guest.Child("arch");
        if (arch is null)
        {
            guest.Error(DiagnosticCatalog.MissingElement, "missing required element <arch>");
            return null;
        }
        var archName = arch.RequiredAttr("name");
        var wordSize = arch.Child("wordsize")?.UnsignedText(max: 128);
        var capability = new GuestCapability
        {
            OsType = osType ?? OsType.Hvm,
            Arch = archName ?? "",
            WordSize = (uint?)wordSize,
            Emulator = arch.ChildTrimmedText("emulator"),
            Loader = arch.ChildTrimmedText("loader"),
            Machines = ReadMachines(arch),
            Domains = [.. arch.Children("domain").Select(ReadDomainType).OfType<GuestDomainType>()],
            Features = guest.Child("features") is { } features ? ReadFeatures(features) : [],
        };
        return osType is null || archName is null ? null : capability;
    }

    private static GuestDomainType? ReadDomainType(ElementReader domain)
    {
        var type = domain.RequiredEnum("type", DomainTypeXml.Table);
        var result = new GuestDomainType(type ?? DomainType.Qemu)
        {
            Emulator = domain.ChildTrimmedText("emulator"),
            Machines = ReadMachines(domain),
        };
        return type is null ? null : result;
    }

    private static ImmutableArray<GuestMachine> ReadMachines(ElementReader parent) =>
    [
        .. parent.Children("machine").Select(m =>
        {
            var name = m.Text.Trim();
            if (name.Length == 0) m.Error(DiagnosticCatalog.InvalidValue, "<machine> must name a machine type");
            return new GuestMachine(name) { Canonical = m.Attr("canonical"), MaxCpus = m.UInt("maxCpus"), Deprecated = m.YesNo("deprecated") ?? false };
        }),
    ];

    private static ImmutableArray<GuestFeature> ReadFeatures(ElementReader features) =>
    [
        .. features.AllChildren().Select(child =>
        {
            var feature = features.Open(child.Element, child.Path);
            return new GuestFeature(feature.Name) { DefaultOn = feature.OnOff("default"), Toggle = feature.YesNo("toggle") };
        }),
    ];
}
