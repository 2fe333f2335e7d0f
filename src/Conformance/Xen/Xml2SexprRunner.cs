using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Drivers.Xen;
using System.Collections.Immutable;
using DomainLauncher.Conformance;
using DomainLauncher.Translator.Defaults;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Conformance.Xen;

/// <summary>
/// Runs every case of an xml2sexpr suite: load the domain document (parse and validate), build the
/// S-expression for the case's xend config version, and compare it as exact text with the expected
/// file. The recorded output never depends on the expected file; a case whose expected file is
/// withheld is <see cref="ConformanceStatus.Unscored"/>.
/// </summary>
public static class Xml2SexprRunner
{
    public static ConformanceRun Run(Xml2SexprSuite suite)
    {
        var results = ImmutableArray.CreateBuilder<ConformanceCaseResult>(suite.Cases.Length);
        foreach (var c in suite.Cases) results.Add(RunCase(c));
        return new ConformanceRun(suite.Name, results.MoveToImmutable());
    }

    public static ConformanceCaseResult RunCase(Xml2SexprCase c)
    {
        if (!File.Exists(c.XmlPath))
            return new(c.Id, ConformanceStatus.Error, null, $"input file not found: {c.XmlPath}");
        XenSexprResult built;
        try
        {
            var loaded = DomainLoader.LoadFile(InputFiles.Disk, c.XmlPath, defaults: DefaultsSettings.Conversion);
            if (loaded.Domain is null)
                return new(c.Id, ConformanceStatus.Fail, null, "parse: " + FirstError(loaded.Diagnostics));
            built = XenSexprBuilder.Build(loaded.Domain, c.Target);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A crash is a bug in the product, not an answer: report it as such.
            return new(c.Id, ConformanceStatus.Error, null, $"translator crashed: {e.GetType().Name}: {e.Message}");
        }
        if (built.Text is not { } actual)
            return new(c.Id, ConformanceStatus.Fail, null, "build: " + FirstError(built.Diagnostics));
        if (c.SexprPath is null || !File.Exists(c.SexprPath))
            return new(c.Id, ConformanceStatus.Unscored, actual, null);
        var expected = SexprFileText.Unwrap(File.ReadAllText(c.SexprPath));
        var difference = SexprFileText.FirstDifference(expected, actual);
        return difference is null
            ? new(c.Id, ConformanceStatus.Pass, actual, null)
            : new(c.Id, ConformanceStatus.Fail, actual, difference);
    }

    private static string FirstError(IReadOnlyList<Translator.Diagnostics.Diagnostic> diagnostics) =>
        diagnostics.FirstOrDefault(d => d.IsError)?.Format() ?? "refused without a diagnostic";
}
