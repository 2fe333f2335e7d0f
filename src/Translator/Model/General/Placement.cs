using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>Whether CPU or memory placement is given (static) or asked of numad (auto).</summary>
public enum Placement
{
    Static,
    Auto,
}

public static class PlacementXml
{
    public static readonly XmlEnum<Placement> Table = new(("static", Placement.Static), ("auto", Placement.Auto));
}
