using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing;

/// <summary>Writes the domain's identity, memory sizes and lifecycle actions.</summary>
internal static class GeneralWriter
{
    /// <summary>name, uuid, title, description.</summary>
    public static IEnumerable<XmlElement?> Identity(Domain domain) =>
    [
        TextElement("name", domain.Name),
        domain.Uuid is { } uuid ? TextElement("uuid", Uuid(uuid)) : null,
        domain.GenerationId is { } genid ? Element("genid") with { Text = genid.Value is { } g ? Uuid(g) : null } : null,
        TextElement("title", domain.Title),
        TextElement("description", domain.Description),
    ];

    /// <summary>
    /// memory and currentMemory, always in KiB (the post-parse stage makes the current size the
    /// maximum when the document gives none).
    /// </summary>
    public static IEnumerable<XmlElement?> Memory(Domain domain) =>
    [
        domain.MaxMemory is { } max ? TextElement("maxMemory", max.Size.Kibibytes, Attr("slots", max.Slots), Attr("unit", "KiB")) : null,
        Size("memory", domain.Memory, OnOff("dumpCore", domain.MemoryDumpCore)),
        Size("currentMemory", domain.CurrentMemory),
    ];

    /// <summary>An element holding a size in KiB: <c>&lt;name unit='KiB'&gt;N&lt;/name&gt;</c>.</summary>
    public static XmlElement? Size(string name, MemorySize? size, XmlAttribute? before = null) =>
        size is null ? null : TextElement(name, size.Value.Kibibytes, before, Attr("unit", "KiB"));

    /// <summary>
    /// on_poweroff, on_reboot, on_crash, each when the model holds it (the post-parse stage fills
    /// destroy, restart and destroy).
    /// </summary>
    public static IEnumerable<XmlElement?> Lifecycle(Domain domain) =>
    [
        Action("on_poweroff", domain.OnPoweroff),
        Action("on_reboot", domain.OnReboot),
        Action("on_crash", domain.OnCrash),
    ];

    private static XmlElement? Action(string name, LifecycleAction? action) =>
        action is { } given ? TextElement(name, LifecycleActionXml.Table.ToXml(given)) : null;
}
