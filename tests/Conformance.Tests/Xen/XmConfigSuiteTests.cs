using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Conformance.Xen;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Conformance;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Writing;
using Xunit.Abstractions;

namespace DomainLauncher.Conformance.Tests.Xen;

/// <summary>The whole libvirt 0.10.2 xmconfig suite, in both directions and round trip.</summary>
public sealed class XmConfigSuiteTests(ITestOutputHelper output)
{
    private static XmConfigSuite LoadSuite()
    {
        var loaded = XmConfigSuite.Load(SharedCorpus.Suite("xmconfig"));
        Assert.True(loaded.Suite is not null, string.Join("\n", loaded.Diagnostics));
        return loaded.Suite;
    }

    private void Report(ConformanceRun run)
    {
        foreach (var c in run.Cases.Where(c => c.Status != ConformanceStatus.Pass))
            output.WriteLine($"{c.Id}: {c.Status}: {c.Message}");
        output.WriteLine(run.Summary());
    }

    [SharedCorpusFact]
    public void The_suite_loads_with_its_29_cases_and_the_hosts_guest_defaults()
    {
        var suite = LoadSuite();
        Assert.Equal(29, suite.Cases.Length);
        Assert.Equal(new XenGuestArch("i686", "xenfv"), suite.Guests.Hvm);
        Assert.Equal(new XenGuestArch("i686", "xenpv"), suite.Guests.Paravirt);
    }

    [SharedCorpusFact]
    public void Every_suite_xml_builds_the_exact_cfg_text()
    {
        var run = XmConfigRunner.RunFormat(LoadSuite());
        Report(run);
        Assert.True(run.Count(ConformanceStatus.Pass) >= 29, run.Summary());
    }

    [SharedCorpusFact]
    public void Every_suite_cfg_reads_to_the_domain_of_its_xml()
    {
        var run = XmConfigRunner.RunParse(LoadSuite(), d => string.Join("\n", DomainDump.Lines(d)), DomainDump.Difference);
        Report(run);
        Assert.True(run.Count(ConformanceStatus.Pass) >= 29, run.Summary());
    }

    [SharedCorpusFact]
    public void Every_suite_cfg_round_trips_through_a_domain_to_the_same_text()
    {
        var suite = LoadSuite();
        var same = 0;
        foreach (var c in suite.Cases)
        {
            var text = File.ReadAllText(c.CfgPath);
            var read = XmConfigReader.ReadText(text, c.CfgPath, c.Target, suite.Guests);
            if (read.Domain is null)
            {
                output.WriteLine($"{c.Id}: read refused: {string.Join("; ", read.Diagnostics)}");
                continue;
            }
            var built = XmConfigBuilder.Build(read.Domain, c.Target);
            if (built.Text == text) same++;
            else output.WriteLine($"{c.Id}: {(built.Text is null ? string.Join("; ", built.Diagnostics) : "text differs:\n" + built.Text)}");
        }
        output.WriteLine($"{same} of {suite.Cases.Length} round trip");
        Assert.True(same >= 29, $"{same} of {suite.Cases.Length} round trip");
    }

    [SharedCorpusFact]
    public void Every_suite_cfg_round_trips_through_domain_xml_text_to_the_same_cfg()
    {
        // cfg -> domain -> XML text (what `from-native xen-xm` prints) -> domain -> cfg.
        var suite = LoadSuite();
        var same = 0;
        foreach (var c in suite.Cases)
        {
            var text = File.ReadAllText(c.CfgPath);
            var read = XmConfigReader.ReadText(text, c.CfgPath, c.Target, suite.Guests);
            if (read.Domain is null)
            {
                output.WriteLine($"{c.Id}: read refused: {string.Join("; ", read.Diagnostics)}");
                continue;
            }
            var xml = DomainXmlWriter.Write(read.Domain);
            var reloaded = DomainLoader.LoadText(xml, c.Id + ".xml");
            if (reloaded.Domain is null)
            {
                output.WriteLine($"{c.Id}: our XML does not load: {string.Join("; ", reloaded.Diagnostics)}");
                continue;
            }
            var built = XmConfigBuilder.Build(reloaded.Domain, c.Target);
            if (built.Text == text) same++;
            else output.WriteLine($"{c.Id}: {(built.Text is null ? string.Join("; ", built.Diagnostics) : "text differs:\n" + built.Text)}");
        }
        output.WriteLine($"{same} of {suite.Cases.Length} round trip through XML");
        Assert.True(same == suite.Cases.Length, $"{same} of {suite.Cases.Length} round trip through XML");
    }

    [SharedCorpusFact]
    public void Every_suite_cfg_parses_as_data_and_writes_back_unchanged()
    {
        foreach (var c in LoadSuite().Cases)
        {
            var text = File.ReadAllText(c.CfgPath);
            var parsed = XmConfigParser.Parse(text, c.CfgPath);
            Assert.True(parsed.File is not null, string.Join("\n", parsed.Diagnostics));
            Assert.Equal(text, XmConfigWriter.Write(parsed.File));
        }
    }

    [SharedCorpusFact]
    public void Both_directions_run_as_one_result_list_with_parse_ids_marked()
    {
        var run = XmConfigRunner.RunBoth(LoadSuite(), d => "", DomainDump.Difference);
        Assert.Equal(58, run.Cases.Length);
        Assert.EndsWith("#parse", run.Cases[^1].Id);
        Assert.Equal(run.Cases.Select(c => c.Id).Distinct().Count(), run.Cases.Length);
    }

    [SharedCorpusFact]
    public void Every_suite_xml_loads_without_diagnostics()
    {
        foreach (var c in LoadSuite().Cases)
        {
            var loaded = DomainLoader.LoadFile(InputFiles.Disk, c.XmlPath);
            Assert.True(loaded.Diagnostics.Count == 0, c.Id + ": " + string.Join("\n", loaded.Diagnostics));
        }
    }
}
