using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.Conformance;

namespace DomainLauncher.Conformance.Qemu;

/// <summary>
/// Runs every case of a qemuxml2argv suite through a translate function and scores it. The
/// recorded output is always what the translator built from the case's inputs; the expected
/// <c>.args</c> file is read only to score, and a case whose expected file is withheld is
/// <see cref="ConformanceStatus.Unscored"/>. Command lines compare as shell words.
/// </summary>
public static class QemuxmlRunner
{
    public static ConformanceRun Run(
        QemuxmlSuite suite, Func<QemuxmlCase, QemuxmlCaseSettings, QemuTranslationOutcome> translate)
    {
        var results = ImmutableArray.CreateBuilder<ConformanceCaseResult>(suite.Cases.Length);
        foreach (var c in suite.Cases) results.Add(RunCase(suite, c, translate));
        return new ConformanceRun(suite.Name, results.MoveToImmutable());
    }

    public static ConformanceCaseResult RunCase(
        QemuxmlSuite suite, QemuxmlCase c, Func<QemuxmlCase, QemuxmlCaseSettings, QemuTranslationOutcome> translate)
    {
        if (!File.Exists(c.XmlPath))
            return new ConformanceCaseResult(c.Id, ConformanceStatus.Error, null, $"input file not found: {c.XmlPath}");
        QemuTranslationOutcome outcome;
        try
        {
            outcome = translate(c, suite.SettingsFor(c));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A crash is a bug in the product, not an answer: report it as such.
            return new ConformanceCaseResult(c.Id, ConformanceStatus.Error, null, $"translator crashed: {e.GetType().Name}: {e.Message}");
        }
        return outcome switch
        {
            QemuTranslationBuilt built => ScoreBuilt(c, built.CommandLine),
            QemuTranslationRefused refused => ScoreRefused(c, refused),
            _ => throw new InvalidOperationException($"unknown outcome {outcome.GetType().Name}"),
        };
    }

    private static ConformanceCaseResult ScoreBuilt(QemuxmlCase c, QemuCommandLine commandLine)
    {
        var actual = ShellCommandWriter.Write(commandLine);
        if (c.Expectation != QemuxmlExpectation.Args)
            return new(c.Id, ConformanceStatus.Fail, actual,
                $"built a command line where the case expects {QemuxmlExpectationNames.Table.ToXml(c.Expectation)}");
        if (c.ArgsPath is null || !File.Exists(c.ArgsPath))
            return new(c.Id, ConformanceStatus.Unscored, actual, null);
        var expected = ShellWords.Split(File.ReadAllText(c.ArgsPath));
        if (!expected.Succeeded)
            return new(c.Id, ConformanceStatus.Error, actual, $"expected file {Path.GetFileName(c.ArgsPath)}: {expected.Error}");
        var difference = WordListDiff.FirstDifference(expected.Words, commandLine.Words);
        return difference is null
            ? new(c.Id, ConformanceStatus.Pass, actual, null)
            : new(c.Id, ConformanceStatus.Fail, actual, difference);
    }

    private static ConformanceCaseResult ScoreRefused(QemuxmlCase c, QemuTranslationRefused refused)
    {
        var message = $"{refused.Stage.ToString().ToLowerInvariant()}: {refused.Message}";
        // A parse error must come from parsing; any other refusal must come after parsing, since
        // every document not declared a parse error is valid XML for the model.
        var pass = c.Expectation switch
        {
            QemuxmlExpectation.Args => false,
            QemuxmlExpectation.ParseError => refused.Stage == TranslationStage.Parse,
            QemuxmlExpectation.Failure or QemuxmlExpectation.Error => refused.Stage != TranslationStage.Parse,
            _ => throw new InvalidOperationException($"unknown expectation {c.Expectation}"),
        };
        return new(c.Id, pass ? ConformanceStatus.Pass : ConformanceStatus.Fail, null, message);
    }
}
