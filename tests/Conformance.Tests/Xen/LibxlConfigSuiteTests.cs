using DomainLauncher.Conformance.Reporting;
using DomainLauncher.Conformance.Xen;
using DomainLauncher.Drivers.Xen;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Translator.Diagnostics;
using Xunit.Abstractions;

namespace DomainLauncher.Conformance.Tests.Xen;

/// <summary>
/// libvirt 9's xlconfig and xmconfig (libxl) suites in both directions, with floors at the figures
/// measured when they were added, and the round trip config -> XML -> config for every case.
/// </summary>
public sealed class LibxlConfigSuiteTests(ITestOutputHelper output)
{
    private static LibxlConfigSuite LoadSuite(string folder)
    {
        var loaded = LibxlConfigSuite.Load(SharedCorpus.TodaySuite(folder));
        Assert.True(loaded.Suite is not null, string.Join("\n", loaded.Diagnostics));
        return loaded.Suite;
    }

    private (int ToNative, int FromNative) Passes(ConformanceRun run)
    {
        foreach (var c in run.Cases.Where(c => c.Status != ConformanceStatus.Pass))
            output.WriteLine($"{c.Id}: {c.Status}: {c.Message}");
        output.WriteLine(run.Summary());
        var pass = run.Cases.Where(c => c.Status == ConformanceStatus.Pass).ToList();
        var from = pass.Count(c => c.Id.EndsWith(LibxlConfigRunner.FromNativeSuffix, StringComparison.Ordinal));
        return (pass.Count - from, from);
    }

    [SharedCorpusFact]
    public void The_xl_suite_loads_as_xl_files_with_the_libxl_hosts_guests()
    {
        var suite = LoadSuite("xlconfig");
        Assert.Equal(XenConfigFormat.Xl, suite.Format);
        Assert.Equal(LibxlConfigSuite.XlName, suite.Name);
        Assert.Equal(new XenGuestArch("x86_64", "xenfv", "/usr/lib/xen/boot/hvmloader"), suite.Guests.Hvm);
        Assert.Equal(new XenGuestArch("x86_64", "xenpvh"), suite.Guests.Pvh);
        Assert.Equal("/usr/lib/xen/boot", suite.Guests.FirmwareDir);
    }

    [SharedCorpusFact]
    public void The_xl_suite_passes_all_31_to_native_and_all_35_from_native_cases()
    {
        var (to, from) = Passes(LibxlConfigRunner.Run(LoadSuite("xlconfig")));
        Assert.True(to >= 31, $"{to} to-native cases pass");
        Assert.True(from >= 35, $"{from} from-native cases pass");
    }

    [SharedCorpusFact]
    public void The_xm_suite_of_libxl_passes_all_30_to_native_and_all_34_from_native_cases()
    {
        var suite = LoadSuite("xmconfig");
        Assert.Equal(XenConfigFormat.Xm, suite.Format);
        var (to, from) = Passes(LibxlConfigRunner.Run(suite));
        Assert.True(to >= 30, $"{to} to-native cases pass");
        Assert.True(from >= 34, $"{from} from-native cases pass");
    }

    [SharedCorpusFact]
    public void Every_xl_file_of_the_suite_round_trips_through_domain_xml() => RoundTrip("xlconfig");

    [SharedCorpusFact]
    public void Every_xm_file_of_the_libxl_suite_round_trips_through_domain_xml() => RoundTrip("xmconfig");

    /// <summary>
    /// A domain whose NUMA cells hold more than its stated memory (as fullvirt-vnuma-autocomplete's)
    /// keeps its maxmem through the round trip: a conversion keeps what the file states.
    /// </summary>
    [Fact]
    public void An_xl_file_whose_vnuma_nodes_hold_more_than_maxmem_round_trips_with_its_maxmem_and_a_warning()
    {
        var suite = new LibxlConfigSuite { Name = LibxlConfigSuite.XlName, Format = XenConfigFormat.Xl, Guests = DefaultXenGuests.Guests };
        const string cfg = """
            name = "numa"
            uuid = "c7a5fdb2-cdaf-9455-926a-d65c16db1809"
            maxmem = 1024
            memory = 1024
            vcpus = 2
            builder = "hvm"
            vnuma = [ [ "pnode=0", "size=1024", "vcpus=0", "vdistances=10,20" ], [ "pnode=1", "size=1024", "vcpus=1", "vdistances=20,10" ] ]

            """;
        var (xml, readDiagnostics) = LibxlConfigRunner.Read(suite, cfg, "numa.cfg");
        Assert.True(xml is not null, string.Join("\n", readDiagnostics));
        Assert.Contains("<memory unit='KiB'>1048576</memory>", xml, StringComparison.Ordinal);
        var (rebuilt, buildDiagnostics) = LibxlConfigRunner.Build(suite, xml, "numa.xml");
        Assert.NotNull(rebuilt);
        Assert.Contains("maxmem = 1024\n", rebuilt, StringComparison.Ordinal);
        Assert.Contains("\"size=1024\"", rebuilt, StringComparison.Ordinal);
        var warning = Assert.Single(buildDiagnostics);
        Assert.Equal((XenLibxlDiagnostics.VnumaSizeMismatch, Severity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("2048 MiB in all and maxmem is 1024 MiB", warning.Message, StringComparison.Ordinal);
    }

    private void RoundTrip(string folder)
    {
        // config -> XML (what from-native prints) -> config: the text of every case libvirt writes
        // (to-native), the same domain XML again for the ones only read (other spellings).
        var suite = LoadSuite(folder);
        var failures = new List<string>();
        foreach (var c in suite.Cases)
        {
            var cfg = File.ReadAllText(c.CfgPath);
            var (xml, readDiagnostics) = LibxlConfigRunner.Read(suite, cfg, c.CfgPath);
            if (xml is null)
            {
                failures.Add($"{c.Id}: read refused: {string.Join("; ", readDiagnostics)}");
                continue;
            }
            var (rebuilt, buildDiagnostics) = LibxlConfigRunner.Build(suite, xml, c.Id + ".xml");
            if (rebuilt is null)
            {
                failures.Add($"{c.Id}: build refused: {string.Join("; ", buildDiagnostics)}");
                continue;
            }
            if (c.ToNative && TextDifference.FirstLine(cfg, rebuilt) is { } textDifference)
                failures.Add($"{c.Id}: config differs: {textDifference}");
            var (xmlAgain, _) = LibxlConfigRunner.Read(suite, rebuilt, c.Id + ".cfg");
            if (xmlAgain is null || XmlDifference.First(xml, xmlAgain) is { } xmlDifference)
                failures.Add($"{c.Id}: XML differs after the round trip: {(xmlAgain is null ? "refused" : XmlDifference.First(xml, xmlAgain))}");
        }
        foreach (var failure in failures) output.WriteLine(failure);
        var missed = failures.Select(f => f[..f.IndexOf(':', StringComparison.Ordinal)]).Distinct().Count();
        output.WriteLine($"{suite.Cases.Length - missed} of {suite.Cases.Length} cases round trip (config -> XML -> config)");
        Assert.True(suite.Cases.Length > 0, "the suite has no cases");
        Assert.True(missed == 0, $"{missed} of {suite.Cases.Length} cases do not round trip:\n" + string.Join("\n", failures));
    }

    [SharedCorpusFact]
    public void The_from_native_results_are_marked_and_every_id_is_unique()
    {
        var run = LibxlConfigRunner.Run(LoadSuite("xlconfig"));
        Assert.Contains(run.Cases, c => c.Id == "new-disk" + LibxlConfigRunner.FromNativeSuffix);
        Assert.Equal(run.Cases.Select(c => c.Id).Distinct().Count(), run.Cases.Length);
        Assert.All(run.Cases.Where(c => c.Status == ConformanceStatus.Pass), c => Assert.NotNull(c.Actual));
    }

    [Fact]
    public void Xml_documents_equal_but_for_attribute_order_and_whitespace_compare_equal()
    {
        Assert.Null(XmlDifference.First("<a x='1' y='2'>\n  <b/>\n</a>", "<a y='2' x='1'><b/></a>"));
        Assert.Equal("/a/b[1]: attribute z: expected '1', got '2'", XmlDifference.First("<a><b z='1'/></a>", "<a><b z='2'/></a>"));
        Assert.Equal("/a: missing <c> (child 2)", XmlDifference.First("<a><b/><c/></a>", "<a><b/></a>"));
        Assert.StartsWith("/a: expected <b>", XmlDifference.First("<a><b/><c/></a>", "<a><c/><b/></a>")!.Replace("/a/b[1]", "/a", StringComparison.Ordinal));
    }
}
