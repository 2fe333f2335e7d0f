using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing;

/// <summary>Writes <c>&lt;seclabel&gt;</c> for the domain and for a disk source.</summary>
internal static class SecurityLabelWriter
{
    /// <summary>
    /// The domain label: type, model, relabel, then label, imagelabel and baselabel (the post-parse
    /// stage fills the type and, for every type but none, relabel).
    /// </summary>
    public static XmlElement Domain(SecurityLabel label) =>
        Element("seclabel",
            Attr("type", label.Type, SecurityLabelTypeXml.Table),
            Attr("model", label.Model),
            YesNo("relabel", label.Relabel),
            TextElement("label", label.Label),
            TextElement("imagelabel", label.ImageLabel),
            TextElement("baselabel", label.BaseLabel));

    /// <summary>A per-device override: model, relabel, label.</summary>
    public static XmlElement Device(SecurityLabel label) =>
        Element("seclabel",
            Attr("model", label.Model),
            YesNo("relabel", label.Relabel),
            TextElement("label", label.Label));
}
