using System.Xml;
using System.Xml.Linq;

namespace DomainLauncher.Conformance.Reporting;

/// <summary>
/// Compares two XML documents as the libxl suites' from-native direction does: the same elements
/// in the same order, the same attributes with the same values (in any order) and the same text,
/// whitespace between elements aside. The difference is the path of the first element that differs
/// and what differs there.
/// </summary>
public static class XmlDifference
{
    /// <summary>Null when the documents are equal in that sense, else where and how they first differ.</summary>
    public static string? First(string expected, string actual)
    {
        XElement e, a;
        try
        {
            e = XDocument.Parse(expected).Root!;
        }
        catch (XmlException ex)
        {
            return $"the expected XML does not parse: {ex.Message}";
        }
        try
        {
            a = XDocument.Parse(actual).Root!;
        }
        catch (XmlException ex)
        {
            return $"the XML built does not parse: {ex.Message}";
        }
        return Element(e, a, "/" + e.Name.LocalName);
    }

    private static string? Element(XElement expected, XElement actual, string path)
    {
        if (expected.Name != actual.Name) return $"{path}: expected <{expected.Name.LocalName}>, got <{actual.Name.LocalName}>";
        var ea = expected.Attributes().Where(x => !x.IsNamespaceDeclaration).ToDictionary(x => x.Name.ToString(), x => x.Value);
        var aa = actual.Attributes().Where(x => !x.IsNamespaceDeclaration).ToDictionary(x => x.Name.ToString(), x => x.Value);
        foreach (var (name, value) in ea)
        {
            if (!aa.TryGetValue(name, out var got)) return $"{path}: attribute {name}='{value}' is missing";
            if (got != value) return $"{path}: attribute {name}: expected '{value}', got '{got}'";
        }
        foreach (var (name, value) in aa)
            if (!ea.ContainsKey(name)) return $"{path}: unexpected attribute {name}='{value}'";
        var et = Text(expected);
        var at = Text(actual);
        if (et != at) return $"{path}: text: expected '{et}', got '{at}'";
        var ec = expected.Elements().ToList();
        var ac = actual.Elements().ToList();
        for (var i = 0; i < Math.Max(ec.Count, ac.Count); i++)
        {
            if (i >= ec.Count) return $"{path}: unexpected <{ac[i].Name.LocalName}> (child {i + 1})";
            if (i >= ac.Count) return $"{path}: missing <{ec[i].Name.LocalName}> (child {i + 1})";
            if (Element(ec[i], ac[i], $"{path}/{ec[i].Name.LocalName}[{i + 1}]") is { } difference) return difference;
        }
        return null;
    }

    private static string Text(XElement element) =>
        string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)).Trim();
}
