namespace DomainLauncher.Conformance.Reporting;

/// <summary>
/// Where two texts compared exactly first differ, as one readable line:
/// <c>line 12: expected `  &lt;vcpu&gt;2&lt;/vcpu&gt;`, got `  &lt;vcpu&gt;1&lt;/vcpu&gt;`</c>
/// (<c>&lt;end&gt;</c> when one text has fewer lines).
/// </summary>
internal static class TextDifference
{
    public static string? FirstLine(string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal)) return null;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (!string.Equals(el, al, StringComparison.Ordinal)) return $"line {i + 1}: expected `{el}`, got `{al}`";
        }
        return "the texts differ only in line endings";
    }
}
