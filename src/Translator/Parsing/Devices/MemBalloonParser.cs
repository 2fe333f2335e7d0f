using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;memballoon model&gt;</c> with its address and alias.</summary>
internal static class MemBalloonParser
{
    public static MemBalloon? Parse(ElementReader balloon)
    {
        var model = balloon.RequiredEnum("model", MemBalloonModelXml.Table);
        var address = CommonParsers.Address(balloon);
        var alias = CommonParsers.Alias(balloon);
        if (model is null) return null;
        return new MemBalloon { Model = model.Value, Address = address, Alias = alias, Location = balloon.Location };
    }
}
