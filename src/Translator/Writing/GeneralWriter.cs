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
    /// memory and currentMemory, always in KiB. The reference always writes the current size,
    /// which is the maximum when the document gives none.
    /// </summary>
    public static IEnumerable<XmlElement?> Memory(Domain domain) =>
    [
        domain.MaxMemory is { } max ? TextElement("maxMemory", max.Size.Kibibytes, Attr("slots", max.Slots), Attr("unit", "KiB")) : null,
        Size("memory", domain.Memory, OnOff("dumpCore", domain.MemoryDumpCore)),
        Size("currentMemory", domain.CurrentMemory ?? domain.Memory),
    ];

    /// <summary>An element holding a size in KiB: <c>&lt;name unit='KiB'&gt;N&lt;/name&gt;</c>.</summary>
    public static XmlElement? Size(string name, MemorySize? size, XmlAttribute? before = null) =>
        size is null ? null : TextElement(name, size.Value.Kibibytes, before, Attr("unit", "KiB"));

    /// <summary>
    /// on_poweroff, on_reboot, on_crash. The reference always writes all three, defaulting to
    /// destroy, restart and destroy.
    /// </summary>
    public static IEnumerable<XmlElement?> Lifecycle(Domain domain) =>
    [
        Action("on_poweroff", domain.OnPoweroff ?? LifecycleAction.Destroy),
        Action("on_reboot", domain.OnReboot ?? LifecycleAction.Restart),
        Action("on_crash", domain.OnCrash ?? LifecycleAction.Destroy),
    ];

    private static XmlElement? Action(string name, LifecycleAction action) =>
        TextElement(name, LifecycleActionXml.Table.ToXml(action));
}
