using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;hub type&gt;</c> with its address and alias.</summary>
internal static class HubParser
{
    public static Hub? Parse(ElementReader hub)
    {
        var type = hub.RequiredEnum("type", HubTypeXml.Table);
        var address = CommonParsers.Address(hub);
        var alias = CommonParsers.Alias(hub);
        if (type is null) return null;
        return new Hub { Type = type.Value, Address = address, Alias = alias, Location = hub.Location };
    }
}
