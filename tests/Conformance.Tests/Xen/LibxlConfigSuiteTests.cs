using DomainLauncher.Conformance.Reporting;
using DomainLauncher.Conformance.Xen;
using DomainLauncher.Drivers.Xen.XmConfig;
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
    public void The_xl_suite_passes_at_least_30_of_its_31_to_native_and_all_35_from_native_cases()
    {
        // The miss: fullvirt-vnuma-autocomplete, whose NUMA cells hold more memory than <memory>;
        // libvirt keeps <memory> when it converts a document, we take the cells' total.
        var (to, from) = Passes(LibxlConfigRunner.Run(LoadSuite("xlconfig")));
        Assert.True(to >= 30, $"{to} to-native cases pass");
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
    public void Every_xl_file_of_the_suite_but_one_round_trips_through_domain_xml() => RoundTrip("xlconfig", allowedMisses: 1);

    [SharedCorpusFact]
    public void Every_xm_file_of_the_libxl_suite_round_trips_through_domain_xml() => RoundTrip("xmconfig", allowedMisses: 0);

    private void RoundTrip(string folder, int allowedMisses)
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
        // The one known miss (xl): fullvirt-vnuma-autocomplete, whose NUMA cells (12 GiB) hold more than
        // maxmem (8 GiB): the post-parse stage raises the memory to the cells' total, as libvirt does
        // when it defines a domain but not when it converts one, so maxmem comes back as 12288.
        Assert.True(failures.Count <= allowedMisses, $"{failures.Count} of {suite.Cases.Length} cases do not round trip:\n" + string.Join("\n", failures));
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
