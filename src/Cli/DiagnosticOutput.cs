using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Cli;

/// <summary>How commands print diagnostics: one <c>FILE:LINE:COL: error CODE: ...</c> line each.</summary>
internal static class DiagnosticOutput
{
    /// <summary>Prints every diagnostic, warnings included; true when any is an error.</summary>
    public static bool Print(IReadOnlyList<Diagnostic> diagnostics, TextWriter writer)
    {
        // By index, not foreach: an empty list seen through its interface hands out the runtime's one shared
        // empty enumerator, whose first MoveNext writes to a read-only page of the image (a page fault, ~15 µs,
        // in a one-shot command that has no diagnostics to print).
        var anyError = false;
        for (var i = 0; i < diagnostics.Count; i++)
        {
            writer.WriteLine(diagnostics[i].Format());
            anyError |= diagnostics[i].IsError;
        }
        return anyError;
    }
}
