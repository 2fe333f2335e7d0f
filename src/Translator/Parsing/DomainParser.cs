using System.Collections.Immutable;
using System.Globalization;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Turns a domain XML document into a <see cref="Domain"/>. Parsing never looks at capabilities
/// and never applies defaults; it reports every problem it finds, located in the document.
/// </summary>
public static class DomainParser
{
    public static DomainParseResult ParseFile(IInputFiles files, string path, XmlLimits? limits = null) =>
        FromLoad(SafeXmlLoader.LoadFile(files, path, limits), path);

    public static DomainParseResult ParseText(string xml, string sourceName = "<string>", XmlLimits? limits = null) =>
        FromLoad(SafeXmlLoader.LoadText(xml, sourceName, limits), sourceName);

    public static DomainParseResult ParseBytes(byte[] xml, string sourceName, XmlLimits? limits = null) =>
        FromLoad(SafeXmlLoader.LoadBytes(xml, sourceName, limits), sourceName);

    /// <summary>Parses an already loaded root element.</summary>
    public static DomainParseResult ParseElement(SourceElement root, string sourceName)
    {
        var context = new ParseContext(sourceName);
        var reader = context.Root(root);
        if (root.LocalName != "domain" || root.NamespaceUri.Length != 0)
        {
            reader.Error(DiagnosticCatalog.WrongRootElement,
                $"the root element is <{root.LocalName}>; a domain document starts with <domain>");
            return new DomainParseResult(null, context.Diagnostics.ToList());
        }
        var domain = ReadDomain(reader);
        context.ReportUnread(root);
        // Reported in document order, whichever pass found them.
        var diagnostics = DocumentOrder.Sort(context.Diagnostics.Items);
        context.Release();
        return context.Diagnostics.HasErrors
            ? new DomainParseResult(null, diagnostics) { Partial = domain }
            : new DomainParseResult(domain, diagnostics);
    }

    private static DomainParseResult FromLoad(XmlLoadResult load, string sourceName) =>
        load.Root is null
            ? new DomainParseResult(null, [load.Error!])
            : ParseElement(load.Root, sourceName);

    private static Domain? ReadDomain(ElementReader d)
    {
        var type = d.RequiredEnum("type", DomainTypeXml.Table);
        var id = d.Int("id", min: -1);

        var name = d.ChildText("name");
        if (name is null)
            d.Error(DiagnosticCatalog.MissingElement, "missing required element <name>");
        else if (name.Trim().Length == 0)
            d.Child("name")!.Error(DiagnosticCatalog.InvalidValue, "<name> must not be empty");
        else if (DomainNames.Problem(name.Trim()) is { } problem)
            d.Child("name")!.Error(DiagnosticCatalog.InvalidValue, $"'{name.Trim()}' cannot be a domain name: {problem}");

        var memory = d.Child("memory");
        var domain = new Domain
        {
            Type = type ?? DomainType.Qemu,
            Id = id,
            Name = name?.Trim() ?? "",
            Uuid = Uuid(d),
            GenerationId = GuestIdentityParser.GenerationId(d),
            Title = d.ChildText("title"),
            Description = d.ChildText("description"),
            Os = OsParser.Parse(d),
            Bootloader = d.ChildTrimmedText("bootloader"),
            BootloaderArgs = d.ChildText("bootloader_args"),
            Sysinfo = SysinfoParser.Parse(d),
            Memory = memory is null ? null : CommonParsers.MemoryElement(memory),
            MemoryDumpCore = memory?.OnOff("dumpCore"),
            MemoryLocation = memory?.Location,
            MaxMemory = TuningParser.MaxMemory(d),
            CurrentMemory = d.Child("currentMemory") is { } current ? CommonParsers.MemoryElement(current) : null,
            MemoryBacking = TuningParser.MemoryBacking(d),
            BlockIoTune = TuningParser.BlockIoTune(d),
            MemoryTune = TuningParser.MemoryTune(d),
            NumaTune = TuningParser.NumaTune(d),
            Vcpu = TuningParser.Vcpu(d),
            VcpuStates = ThreadsParser.VcpuStates(d),
            IoThreads = ThreadsParser.IoThreads(d),
            CpuTune = TuningParser.CpuTune(d),
            Cpu = CpuParser.Parse(d),
            OnPoweroff = Lifecycle(d, "on_poweroff"),
            OnReboot = Lifecycle(d, "on_reboot"),
            OnCrash = Lifecycle(d, "on_crash"),
            Features = FeaturesParser.Features(d),
            Clock = ClockParser.Parse(d),
            IdMap = GuestIdentityParser.IdMap(d),
            LaunchSecurity = LaunchSecurityParser.Parse(d),
            HostIntegration = HostIntegrationParser.Parse(d),
            PowerManagement = FeaturesParser.PowerManagement(d),
            Devices = d.Child("devices") is { } devices ? DevicesParser.Parse(devices) : Devices.None,
            SecurityLabels = d.ChildrenParsed("seclabel", SecurityLabelParser.Parse),
            QemuCommandLine = QemuCommandLineParser.Parse(d),
            QemuCapabilities = QemuCommandLineParser.Capabilities(d),
            QemuOverride = QemuCommandLineParser.Override(d),
            QemuDeprecation = QemuCommandLineParser.Deprecation(d),
            Location = d.Location,
        };
        // Metadata is free-form: carried by the document, not by the translator.
        d.Child("metadata")?.ReadWhole();
        return domain;
    }

    private static Guid? Uuid(ElementReader d)
    {
        var element = d.Child("uuid");
        if (element is null) return null;
        var text = element.Text.Trim();
        // Both the dashed form (RFC 4122) and 32 bare hex digits are accepted: the digits, dashes left out,
        // gathered on the stack (a string without the dashes, and LINQ over its characters, cost ~4,000
        // instructions a document).
        Span<char> hex = stackalloc char[32];
        var digits = 0;
        foreach (var ch in text)
        {
            if (ch == '-') continue;
            if (digits == hex.Length || !char.IsAsciiHexDigit(ch))
            {
                digits = -1;
                break;
            }
            hex[digits++] = ch;
        }
        if (digits == hex.Length && Guid.TryParseExact(hex, "N", out var uuid))
            return uuid;
        element.Error(DiagnosticCatalog.InvalidValue,
            $"'{text}' is not a UUID; expected 32 hexadecimal digits, optionally dashed as 8-4-4-4-12");
        return null;
    }

    private static LifecycleAction? Lifecycle(ElementReader d, string elementName) =>
        d.Child(elementName)?.EnumText(LifecycleActionXml.Table);

    internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
