using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Writing;

/// <summary>
/// Finds every value in an element tree that holds a character XML 1.0 cannot carry, and reports
/// each with the path of the element or attribute it would be written to (the model keeps no input
/// positions, so the path says where). Values come from untrusted input (an xm file may hold any
/// character); rather than drop or replace the character, which would silently change the value
/// (a different path, a different device), the value is refused.
/// </summary>
internal static class XmlTreeCharacterCheck
{
    public static IReadOnlyList<Diagnostic> Check(XmlElement root, string sourceName)
    {
        var diagnostics = new DiagnosticBag();
        Visit(root, root.Name, sourceName, diagnostics);
        return diagnostics.ToList();
    }

    private static void Visit(XmlElement element, string path, string sourceName, DiagnosticBag diagnostics)
    {
        foreach (var attribute in element.Attributes)
            CheckValue(attribute.Value, $"{path}/@{attribute.Name}", sourceName, diagnostics);
        if (element.Text is not null) CheckValue(element.Text, path, sourceName, diagnostics);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var child in element.Children)
        {
            var index = seen[child.Name] = seen.GetValueOrDefault(child.Name) + 1;
            Visit(child, $"{path}/{child.Name}[{index}]", sourceName, diagnostics);
        }
    }

    private static void CheckValue(string value, string path, string sourceName, DiagnosticBag diagnostics)
    {
        var at = XmlCharacters.FirstUnrepresentable(value);
        if (at < 0) return;
        diagnostics.Error(XmlWriterDiagnostics.UnrepresentableCharacter, SourceLocation.OfFile(sourceName).WithPath(path),
            $"{path} holds {XmlCharacters.Describe(value, at)} at offset {at}, which XML 1.0 cannot carry; the domain is not written");
    }
}
