using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Cli;

/// <summary>How commands print diagnostics: one <c>FILE:LINE:COL: error CODE: ...</c> line each.</summary>
internal static class DiagnosticOutput
{
    /// <summary>Prints every diagnostic, warnings included; true when any is an error.</summary>
    public static bool Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer)
    {
        var anyError = false;
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteLine(diagnostic.Format());
            anyError |= diagnostic.IsError;
        }
        return anyError;
    }
}
