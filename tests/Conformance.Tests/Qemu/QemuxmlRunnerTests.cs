using System.Text.Json;
using DomainLauncher.Conformance.Qemu;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.Conformance;

namespace DomainLauncher.Conformance.Tests.Qemu;

public sealed class QemuxmlRunnerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dl-run-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private QemuxmlSuite Suite(params QemuxmlCase[] cases) => new()
    {
        Name = "demo",
        Directory = _folder,
        Host = HostSettings.Default,
        Rules = new QemuxmlHostRules(),
        Cases = [.. cases],
    };

    private QemuxmlCase Case(string id, QemuxmlExpectation expectation, string? expectedArgs = null)
    {
        var xml = Path.Combine(_folder, id + ".xml");
        File.WriteAllText(xml, "<domain type='qemu'><name>x</name></domain>");
        string? args = null;
        if (expectedArgs is not null)
        {
            args = Path.Combine(_folder, id + ".args");
            File.WriteAllText(args, expectedArgs);
        }
        return new QemuxmlCase { Id = id, Name = id, XmlPath = xml, ArgsPath = args, Expectation = expectation };
    }

    private static QemuTranslationOutcome Build(params string[] words) => new QemuTranslationBuilt(QemuCommandLine.FromWords(words)!);

    [Fact]
    public void Same_words_pass_whatever_the_line_breaks_and_quoting()
    {
        var c = Case("a", QemuxmlExpectation.Args, "A=1 /usr/bin/qemu \\\n-name 'x y'\n");
        var result = QemuxmlRunner.RunCase(Suite(c), c, (_, _) => Build("A=1", "/usr/bin/qemu", "-name", "x y"));
        Assert.Equal(ConformanceStatus.Pass, result.Status);
        Assert.Equal("A=1 /usr/bin/qemu -name 'x y'", result.Actual);
        Assert.Null(result.Message);
    }

    [Fact]
    public void Different_words_fail_naming_the_first_difference()
    {
        var c = Case("a", QemuxmlExpectation.Args, "/usr/bin/qemu -m 214 -smp 1");
        var result = QemuxmlRunner.RunCase(Suite(c), c, (_, _) => Build("/usr/bin/qemu", "-m", "512", "-smp", "1"));
        Assert.Equal(ConformanceStatus.Fail, result.Status);
        Assert.Contains("word 3", result.Message);
        Assert.Contains("'214'", result.Message);
        Assert.Contains("'512'", result.Message);
        Assert.Equal("/usr/bin/qemu -m 512 -smp 1", result.Actual);
    }

    [Fact]
    public void Missing_and_extra_words_fail()
    {
        var c = Case("a", QemuxmlExpectation.Args, "/q -a -b");
        Assert.Contains("missing 1", QemuxmlRunner.RunCase(Suite(c), c, (_, _) => Build("/q", "-a")).Message);
        Assert.Contains("1 extra", QemuxmlRunner.RunCase(Suite(c), c, (_, _) => Build("/q", "-a", "-b", "-c")).Message);
    }

    [Fact]
    public void Withheld_expected_file_leaves_the_case_unscored_with_its_output()
    {
        var c = Case("a", QemuxmlExpectation.Args) with { ArgsPath = Path.Combine(_folder, "withheld.args") };
        var result = QemuxmlRunner.RunCase(Suite(c), c, (_, _) => Build("/q"));
        Assert.Equal(ConformanceStatus.Unscored, result.Status);
        Assert.Equal("/q", result.Actual);
    }

    [Fact]
    public void Refusal_where_args_are_expected_fails_with_the_stage_and_reason()
    {
        var c = Case("a", QemuxmlExpectation.Args, "/q");
        var result = QemuxmlRunner.RunCase(Suite(c), c, (_, _) => new QemuTranslationRefused(TranslationStage.Build, "no -device support"));
        Assert.Equal(ConformanceStatus.Fail, result.Status);
        Assert.Null(result.Actual);
        Assert.Equal("build: no -device support", result.Message);
    }

    [Theory]
    [InlineData(QemuxmlExpectation.ParseError, TranslationStage.Parse, ConformanceStatus.Pass)]
    [InlineData(QemuxmlExpectation.ParseError, TranslationStage.Build, ConformanceStatus.Fail)]
    [InlineData(QemuxmlExpectation.Failure, TranslationStage.Build, ConformanceStatus.Pass)]
    [InlineData(QemuxmlExpectation.Failure, TranslationStage.Validate, ConformanceStatus.Pass)]
    [InlineData(QemuxmlExpectation.Failure, TranslationStage.Parse, ConformanceStatus.Fail)]
    [InlineData(QemuxmlExpectation.Error, TranslationStage.Validate, ConformanceStatus.Pass)]
    [InlineData(QemuxmlExpectation.Error, TranslationStage.Parse, ConformanceStatus.Fail)]
    public void Refusals_pass_only_at_the_stage_the_expectation_allows(
        QemuxmlExpectation expectation, TranslationStage stage, ConformanceStatus status)
    {
        var c = Case("a", expectation);
        Assert.Equal(status, QemuxmlRunner.RunCase(Suite(c), c, (_, _) => new QemuTranslationRefused(stage, "no")).Status);
    }

    [Fact]
    public void Building_where_a_refusal_is_expected_fails_but_records_the_output()
    {
        var c = Case("a", QemuxmlExpectation.Failure);
        var result = QemuxmlRunner.RunCase(Suite(c), c, (_, _) => Build("/q", "-x"));
        Assert.Equal(ConformanceStatus.Fail, result.Status);
        Assert.Equal("/q -x", result.Actual);
        Assert.Contains("failure", result.Message);
    }

    [Fact]
    public void Translator_crash_is_an_error_not_a_failure()
    {
        var c = Case("a", QemuxmlExpectation.Args, "/q");
        var result = QemuxmlRunner.RunCase(Suite(c), c, (_, _) => throw new InvalidOperationException("boom"));
        Assert.Equal(ConformanceStatus.Error, result.Status);
        Assert.Contains("boom", result.Message);
    }

    [Fact]
    public void Missing_input_file_is_an_error()
    {
        var c = Case("a", QemuxmlExpectation.Args, "/q") with { XmlPath = Path.Combine(_folder, "absent.xml") };
        Assert.Equal(ConformanceStatus.Error, QemuxmlRunner.RunCase(Suite(c), c, (_, _) => Build("/q")).Status);
    }

    [Fact]
    public void Run_scores_every_case_in_order_under_the_suite_name()
    {
        var a = Case("a", QemuxmlExpectation.Args, "/q");
        var b = Case("b", QemuxmlExpectation.ParseError);
        var run = QemuxmlRunner.Run(Suite(a, b), (c, _) => c.Id == "a" ? Build("/q") : new QemuTranslationRefused(TranslationStage.Parse, "bad"));
        Assert.Equal("demo", run.Suite);
        Assert.Equal(["a", "b"], run.Cases.Select(c => c.Id));
        Assert.Equal(2, run.Count(ConformanceStatus.Pass));
        Assert.Equal("pass 2", run.Summary());
    }

    [SharedCorpusFact]
    public void A_translator_echoing_the_expected_words_passes_every_args_case_of_the_corpus()
    {
        // Checks the harness (loading, settings, scoring), not the product.
        var suite = QemuxmlSuite.Load(SharedCorpus.Suite("qemuxml2argv")).Value!;
        var run = QemuxmlRunner.Run(suite, (c, _) => c.ArgsPath is null
            ? new QemuTranslationRefused(c.Expectation == QemuxmlExpectation.ParseError ? TranslationStage.Parse : TranslationStage.Build, "refused")
            : Build([.. ShellWords.Split(File.ReadAllText(c.ArgsPath)).Words]));
        Assert.Equal(suite.Cases.Length, run.Count(ConformanceStatus.Pass));
        using var json = JsonDocument.Parse(ConformanceResultJson.Write(run));
        Assert.Equal(212, json.RootElement.GetProperty("cases").GetArrayLength());
    }
}
