using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;teaming type persistent/&gt;</c> of an interface or a PCI host device.</summary>
internal static class TeamingParser
{
    public static InterfaceTeaming? Parse(ElementReader teaming)
    {
        var type = teaming.RequiredEnum("type", TeamingXml.Type);
        var persistent = teaming.Attr("persistent");
        if (type == TeamingType.Transient && persistent is null)
            teaming.Error(DiagnosticCatalog.MissingAttribute, "missing required attribute 'persistent' (teaming type 'transient')");
        if (type == TeamingType.Persistent && persistent is not null)
            teaming.AttrError("persistent", DiagnosticCatalog.InconsistentValue, "'persistent' is only valid with teaming type 'transient'");
        return type is null ? null : new InterfaceTeaming { Type = type.Value, Persistent = persistent };
    }
}
