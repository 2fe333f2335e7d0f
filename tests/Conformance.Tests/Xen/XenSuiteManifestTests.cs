using DomainLauncher.Conformance.Xen;
using DomainLauncher.Drivers.Xen;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Conformance.Tests.Xen;

/// <summary>
/// The manifest reading the Xen config suites share: every problem is a located error with the
/// suite's own code, and a manifest with an error gives no suite.
/// </summary>
public sealed class XenSuiteManifestTests
{
    private const string Folder = "/suites/xl";

    [Theory]
    [InlineData("{ \"suite\": ", "the manifest is not JSON", "")]
    [InlineData("[]", "the manifest must be a JSON object", "$")]
    [InlineData("{\"suite\": \"xlconfig\", \"host\": {}}", "the manifest has no 'cases' list", "$.cases")]
    [InlineData("{\"suite\": \"xlconfig\", \"host\": {}, \"cases\": [{\"id\": \"a\", \"xml\": \"a.xml\"}]}", "a case needs 'id', 'xml', 'cfg' and 'directions'", "$.cases[0]")]
    [InlineData("{\"suite\": \"xmconfig\", \"host\": {}, \"cases\": []}", "a libxl config suite is xlconfig or xmconfig-libxl", "$.suite")]
    public void A_libxl_manifest_error_is_located_and_gives_no_suite(string json, string message, string path)
    {
        var loaded = LibxlConfigSuite.Parse(json, "manifest.json", Folder);

        Assert.Null(loaded.Suite);
        var error = Assert.Single(loaded.Diagnostics);
        Assert.Equal((XenLibxlDiagnostics.InvalidManifest, Severity.Error, "manifest.json"), (error.Code, error.Severity, error.Location.File));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.Location.Path);
    }

    [Fact]
    public void A_libxl_manifest_gives_its_cases_with_paths_in_the_folder()
    {
        const string json = """
            {"suite": "xlconfig", "host": {"firmwareDir": "/fw"},
             "cases": [{"id": "a", "xml": "a.xml", "cfg": "a.cfg", "directions": ["to-native"], "replaceFirmwareDir": true}]}
            """;
        var loaded = LibxlConfigSuite.Parse(json, "manifest.json", Folder);

        Assert.True(loaded.Suite is not null, string.Join("\n", loaded.Diagnostics));
        var c = Assert.Single(loaded.Suite.Cases);
        Assert.Equal(new LibxlConfigCase("a", "/suites/xl/a.xml", "/suites/xl/a.cfg", true, false, true), c);
        Assert.Equal("/fw", loaded.Suite.Guests.FirmwareDir);
    }

    [Theory]
    [InlineData("{ \"suite\": ", "the manifest is not JSON")]
    [InlineData("{\"suite\": \"xmconfig\", \"cases\": []}", "the manifest names no host capabilities file")]
    public void An_xmconfig_manifest_error_has_the_xm_suites_code(string json, string message)
    {
        var loaded = XmConfigSuite.Parse(json, "manifest.json", Folder);

        Assert.Null(loaded.Suite);
        var error = Assert.Single(loaded.Diagnostics);
        Assert.Equal(XenXmDiagnostics.InvalidManifest, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_manifest_is_a_missing_file()
    {
        var loaded = LibxlConfigSuite.Load(Path.Combine(Path.GetTempPath(), "no-such-suite-" + Guid.NewGuid().ToString("N")));

        Assert.Null(loaded.Suite);
        Assert.Equal(DiagnosticCatalog.FileNotFound, Assert.Single(loaded.Diagnostics).Code);
    }
}
