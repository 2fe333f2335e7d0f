using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Capabilities;

/// <summary>
/// Reads the text of a capability list file: libvirt's capability names one per line or
/// comma-separated, with <c>#</c> starting a comment that runs to the end of the line. Each unknown
/// name is an error located at its line and column (suggesting close names); blank items are skipped.
/// </summary>
public static class CapabilityListText
{
    /// <summary>The set the <paramref name="lines"/> of <paramref name="sourceName"/> name, with a diagnostic per unknown name.</summary>
    public static QemuCapabilitySetParseResult Parse(IReadOnlyList<string> lines, string sourceName)
    {
        var set = QemuCapabilitySet.Empty;
        var diagnostics = new List<Diagnostic>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var comment = line.IndexOf('#');
            if (comment >= 0) line = line[..comment];
            var column = 0;
            foreach (var item in line.Split(','))
            {
                var name = item.Trim();
                var where = new SourceLocation(sourceName, i + 1, column + item.IndexOf(name, StringComparison.Ordinal) + 1, "");
                column += item.Length + 1;
                if (name.Length == 0) continue;
                var parsed = QemuCapabilitySet.Parse([name], where);
                set = set.Union(parsed.Set);
                diagnostics.AddRange(parsed.Diagnostics);
            }
        }
        return new(set, diagnostics);
    }
}
