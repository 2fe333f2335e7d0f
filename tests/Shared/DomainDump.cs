using System.Collections;
using System.Globalization;
using System.Reflection;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Tests.Shared;

/// <summary>
/// A canonical, line-per-value dump of a model object graph, for comparing two domains
/// structurally (records holding ImmutableArrays compare the arrays by reference). Source
/// locations are left out: two domains read from different files are equal when they say the same.
/// </summary>
public static class DomainDump
{
    public static IReadOnlyList<string> Lines(object? value)
    {
        var lines = new List<string>();
        Walk(value, "domain", lines);
        return lines;
    }

    /// <summary>Null when equal, else the first differing lines of the two dumps.</summary>
    public static string? Difference(object? actual, object? expected)
    {
        var a = Lines(actual);
        var e = Lines(expected);
        var missing = e.Except(a).ToList();
        var extra = a.Except(e).ToList();
        if (missing.Count == 0 && extra.Count == 0 && a.SequenceEqual(e)) return null;
        if (missing.Count == 0 && extra.Count == 0) return "same values in another order";
        return "expected but missing: [" + string.Join("; ", missing.Take(6)) + "] unexpected: [" + string.Join("; ", extra.Take(6)) + "]";
    }

    private static void Walk(object? value, string path, List<string> lines)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                lines.Add($"{path} = \"{s}\"");
                return;
            case SourceLocation:
                return;
            case Enum or Guid or bool or char:
                lines.Add($"{path} = {value}");
                return;
            case IFormattable f when value.GetType().IsPrimitive || value is decimal:
                lines.Add($"{path} = {f.ToString(null, CultureInfo.InvariantCulture)}");
                return;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items) Walk(item, $"{path}[{i++}]", lines);
                return;
        }
        var type = value.GetType();
        if (type.Namespace?.StartsWith("DomainLauncher", StringComparison.Ordinal) != true)
        {
            lines.Add($"{path} = {value}");
            return;
        }
        lines.Add($"{path} : {type.Name}");
        if (type.IsValueType && type.GetMethod("ToString", Type.EmptyTypes)?.DeclaringType == type)
        {
            lines.Add($"{path} = {value}");
            return;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
            if (property.PropertyType == typeof(SourceLocation)) continue;
            Walk(property.GetValue(value), $"{path}.{property.Name}", lines);
        }
    }
}
