using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing;

/// <summary>Writes <c>&lt;seclabel&gt;</c> for the domain and for a disk source.</summary>
internal static class SecurityLabelWriter
{
    /// <summary>
    /// The domain label: type, model, relabel, then label, imagelabel and baselabel. The
    /// reference writes relabel for every type but none (yes unless static), and nothing inside a
    /// none label.
    /// </summary>
    public static XmlElement Domain(SecurityLabel label)
    {
        var type = label.Type ?? SecurityLabelType.Dynamic;
        var relabel = label.Relabel ?? type != SecurityLabelType.Static;
        if (type == SecurityLabelType.None)
            return Element("seclabel", Attr("type", type, SecurityLabelTypeXml.Table), Attr("model", label.Model));
        return Element("seclabel",
            Attr("type", type, SecurityLabelTypeXml.Table),
            Attr("model", label.Model),
            YesNo("relabel", relabel),
            TextElement("label", label.Label),
            TextElement("imagelabel", label.ImageLabel),
            TextElement("baselabel", label.BaseLabel));
    }

    /// <summary>A per-device override: model, relabel (always written, yes unless given), label.</summary>
    public static XmlElement Device(SecurityLabel label) =>
        Element("seclabel",
            Attr("model", label.Model),
            YesNo("relabel", label.Relabel ?? true),
            TextElement("label", label.Label));
}
