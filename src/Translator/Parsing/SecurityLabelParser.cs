using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads a <c>&lt;seclabel&gt;</c> (domain-wide or on a disk source).</summary>
public static class SecurityLabelParser
{
    public static SecurityLabel Parse(ElementReader seclabel) => new()
    {
        Type = seclabel.Enum("type", SecurityLabelTypeXml.Table),
        Model = seclabel.Attr("model"),
        Relabel = seclabel.YesNo("relabel"),
        Label = seclabel.ChildText("label"),
        ImageLabel = seclabel.ChildText("imagelabel"),
        BaseLabel = seclabel.ChildText("baselabel"),
    };
}
