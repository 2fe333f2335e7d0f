using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Cli.Native;

/// <summary>
/// Reads the capability names given to <c>to-native</c>: <c>--caps a,b,c</c> and a
/// <c>--caps-file</c> holding names one per line or comma-separated, with <c>#</c> starting a
/// comment. Each unknown name is an error located at its line and column, suggesting close names.
/// </summary>
internal static class CapabilityList
{
    public static QemuCapabilitySetParseResult FromOption(string text) =>
        QemuCapabilitySet.Parse(text, SourceLocation.OfFile("--caps"));

    public static QemuCapabilitySetParseResult FromFile(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var code = File.Exists(path) ? DiagnosticCatalog.FileUnreadable : DiagnosticCatalog.FileNotFound;
            return new(QemuCapabilitySet.Empty, [new Diagnostic(code, Severity.Error, e.Message, SourceLocation.OfFile(path))]);
        }
        var set = QemuCapabilitySet.Empty;
        var diagnostics = new List<Diagnostic>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var comment = line.IndexOf('#');
            if (comment >= 0) line = line[..comment];
            var column = 0;
            foreach (var item in line.Split(','))
            {
                var name = item.Trim();
                var where = new SourceLocation(path, i + 1, column + item.IndexOf(name, StringComparison.Ordinal) + 1, "");
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
