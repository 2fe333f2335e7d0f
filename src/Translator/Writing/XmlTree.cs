using System.Collections.Immutable;
using System.Globalization;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Writing;

/// <summary>
/// Builds <see cref="XmlElement"/> trees. Every helper that takes an optional value returns null
/// when the value is absent, and <see cref="Element"/> skips nulls, so a section writer lists what
/// the element may hold in output order and absent parts simply vanish. Numbers are written in the
/// invariant culture; booleans and enums in their XML spellings.
/// </summary>
internal static class XmlTree
{
    /// <summary>An element from attributes and child elements in order; null parts are skipped.</summary>
    public static XmlElement Element(string name, params ReadOnlySpan<XmlNode?> parts)
    {
        var attributes = ImmutableArray.CreateBuilder<XmlAttribute>();
        var children = ImmutableArray.CreateBuilder<XmlElement>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case XmlAttribute attribute: attributes.Add(attribute); break;
                case XmlElement child: children.Add(child); break;
            }
        }
        return new XmlElement(name) { Attributes = attributes.ToImmutable(), Children = children.ToImmutable() };
    }

    /// <summary>An element whose content is <paramref name="text"/>, or null when the text is absent.</summary>
    public static XmlElement? TextElement(string name, string? text, params ReadOnlySpan<XmlNode?> attributes) =>
        text is null ? null : Element(name, attributes) with { Text = text };

    /// <summary>An element with a number as its content, or null when absent.</summary>
    public static XmlElement? TextElement(string name, ulong? value, params ReadOnlySpan<XmlNode?> attributes) =>
        TextElement(name, value?.ToString(CultureInfo.InvariantCulture), attributes);

    /// <summary>An element with a number as its content, or null when absent.</summary>
    public static XmlElement? TextElement(string name, uint? value, params ReadOnlySpan<XmlNode?> attributes) =>
        TextElement(name, (ulong?)value, attributes);

    /// <summary>An element with a signed number as its content, or null when absent.</summary>
    public static XmlElement? TextElement(string name, long? value) =>
        TextElement(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>An empty element that says yes by being there (<c>&lt;readonly/&gt;</c>), or null.</summary>
    public static XmlElement? Flag(string name, bool present) => present ? new XmlElement(name) : null;

    /// <summary>An element only when it carries something (attributes, children or text), else null.</summary>
    public static XmlElement? UnlessEmpty(XmlElement element) => element.IsEmpty ? null : element;

    /// <summary>An element only when it has children, else null.</summary>
    public static XmlElement? UnlessChildless(XmlElement element) => element.Children.IsEmpty ? null : element;

    public static XmlAttribute? Attr(string name, string? value) => value is null ? null : new XmlAttribute(name, value);

    public static XmlAttribute? Attr(string name, uint? value) => Attr(name, (ulong?)value);

    public static XmlAttribute? Attr(string name, int? value) => Attr(name, (long?)value);

    public static XmlAttribute? Attr(string name, ulong? value) =>
        value is null ? null : new XmlAttribute(name, value.Value.ToString(CultureInfo.InvariantCulture));

    public static XmlAttribute? Attr(string name, long? value) =>
        value is null ? null : new XmlAttribute(name, value.Value.ToString(CultureInfo.InvariantCulture));

    /// <summary>An enum value in its canonical XML spelling, or null when absent.</summary>
    public static XmlAttribute? Attr<T>(string name, T? value, XmlEnum<T> table) where T : struct, Enum =>
        value is null ? null : new XmlAttribute(name, table.ToXml(value.Value));

    /// <summary>A number as 0x followed by at least <paramref name="digits"/> lower-case hex digits.</summary>
    public static XmlAttribute? Hex(string name, ulong? value, int digits) =>
        value is null
            ? null
            : new XmlAttribute(name, "0x" + value.Value.ToString("x" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

    public static XmlAttribute? YesNo(string name, bool? value) =>
        value is null ? null : new XmlAttribute(name, value.Value ? "yes" : "no");

    public static XmlAttribute? OnOff(string name, bool? value) =>
        value is null ? null : new XmlAttribute(name, value.Value ? "on" : "off");

    /// <summary>A UUID in its canonical lower-case, dashed form.</summary>
    public static string Uuid(Guid uuid) => uuid.ToString("D", CultureInfo.InvariantCulture);

    public static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
