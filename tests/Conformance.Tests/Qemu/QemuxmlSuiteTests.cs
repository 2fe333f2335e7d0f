using DomainLauncher.Drivers.Qemu;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Conformance.Qemu;

namespace DomainLauncher.Conformance.Tests.Qemu;

public sealed class QemuxmlSuiteTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dl-suite-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Manifest = """
        {
          "suite": "demo",
          "host": {
            "capabilities": "caps.xml",
            "monitor": {"type": "unix", "path": "/tmp/mon", "listen": true},
            "jsonMonitorWhenCap": "monitor-json",
            "vnc": {"sasl": false, "tls": false},
            "capsAlwaysSet": ["vnc-colon"],
            "capsSetForArch": {"x86_64": ["pci-multibus"]},
            "domainIdWhenCap": {"cap": "domid", "id": 6, "otherwise": -1},
            "machineRewrite": [{"emulator": "/usr/bin/qemu-system-x86_64", "from": "pc", "to": "pc-0.11"}],
            "guestCpuModels": ["Nehalem"],
            "legacyGuestCpuModels": ["qemu64"],
            "addressAssignmentWhenCap": "device"
          },
          "cases": [
            {"id": "plain", "name": "plain", "xml": "plain.xml", "args": "plain.args", "expect": "args", "caps": ["monitor-json", "domid", "device"]},
            {"id": "plain#2", "name": "plain", "xml": "plain.xml", "args": "plain.args", "expect": "args", "caps": [],
             "vnc": {"sasl": true, "saslDir": "/root/.sasl2"}, "legacyCpuModels": false, "migrateFrom": "stdio", "migrateFd": 7},
            {"id": "noarch", "name": "noarch", "xml": "noarch.xml", "expect": "failure", "caps": []}
          ]
        }
        """;

    private QemuxmlSuite LoadSample()
    {
        File.WriteAllText(Path.Combine(_folder, "caps.xml"), """
            <capabilities>
              <guest><os_type>hvm</os_type><arch name='i686'><emulator>/usr/bin/qemu</emulator><machine>pc</machine><domain type='qemu'/></arch></guest>
              <guest><os_type>hvm</os_type><arch name='x86_64'><emulator>/usr/bin/qemu-system-x86_64</emulator>
                <machine>pc-0.11</machine><machine>pc</machine><domain type='qemu'/><domain type='kvm'><emulator>/usr/bin/kvm</emulator></domain></arch></guest>
            </capabilities>
            """);
        File.WriteAllText(Path.Combine(_folder, "plain.xml"), "<domain type='qemu'><name>x</name><os><type arch='x86_64'>hvm</type></os></domain>");
        File.WriteAllText(Path.Combine(_folder, "noarch.xml"), "<domain type='kvm'><name>x</name><os><type>hvm</type></os></domain>");
        File.WriteAllText(Path.Combine(_folder, "manifest.json"), Manifest);
        var result = QemuxmlSuite.Load(_folder);
        Assert.Empty(result.Diagnostics);
        return result.Value!;
    }

    [Fact]
    public void Manifest_cases_are_read_with_absolute_paths_and_their_own_capabilities()
    {
        var suite = LoadSample();
        Assert.Equal("demo", suite.Name);
        Assert.Equal(3, suite.Cases.Length);
        var plain = suite.Cases[0];
        Assert.Equal(Path.Combine(_folder, "plain.xml"), plain.XmlPath);
        Assert.Equal(Path.Combine(_folder, "plain.args"), plain.ArgsPath);
        Assert.Equal(QemuxmlExpectation.Args, plain.Expectation);
        Assert.Equal("domid,monitor-json,device", plain.Capabilities.ToString());
        Assert.Equal(QemuxmlExpectation.Failure, suite.Cases[2].Expectation);
        Assert.Null(suite.Cases[2].ArgsPath);
    }

    [Fact]
    public void Case_settings_add_suite_and_arch_capabilities_and_what_they_imply()
    {
        var suite = LoadSample();
        var settings = suite.SettingsFor(suite.Cases[0]);
        Assert.Equal("x86_64", settings.Arch);
        Assert.Equal(QemuCapabilitySet.Of(QemuCapability.MonitorJson, QemuCapability.Domid, QemuCapability.Device,
            QemuCapability.VncColon, QemuCapability.PciMultibus), settings.Capabilities);
        Assert.Equal(6, settings.DomainId);
        Assert.True(settings.JsonMonitor);
        Assert.True(settings.Host.Monitor.Json);
        Assert.True(settings.AssignPciAddresses);
        Assert.Equal(["Nehalem", "qemu64"], settings.CpuModels.AsEnumerable());
        Assert.Null(settings.MigrateFrom);
    }

    [Fact]
    public void Case_settings_apply_vnc_overrides_migration_and_legacy_cpu_model_switch()
    {
        var suite = LoadSample();
        var settings = suite.SettingsFor(suite.Cases[1]);
        Assert.Null(settings.DomainId);
        Assert.False(settings.JsonMonitor);
        Assert.False(settings.AssignPciAddresses);
        Assert.True(settings.Host.Vnc.Sasl);
        Assert.Equal("/root/.sasl2", settings.Host.Vnc.SaslDir);
        Assert.False(suite.Host.Vnc.Sasl);
        Assert.Equal(["Nehalem"], settings.CpuModels.AsEnumerable());
        Assert.Equal("stdio", settings.MigrateFrom);
        Assert.Equal(7, settings.MigrateFd);
    }

    [Fact]
    public void Arch_missing_from_the_xml_is_the_hosts_default_for_the_hypervisor_type()
    {
        var suite = LoadSample();
        var settings = suite.SettingsFor(suite.Cases[2]);
        Assert.Equal("x86_64", settings.Arch); // kvm: the first guest with a kvm domain
        Assert.True(settings.Capabilities.Has(QemuCapability.PciMultibus));
    }

    [Fact]
    public void Emulator_description_comes_from_host_capabilities_with_rewrites_as_aliases()
    {
        var suite = LoadSample();
        var settings = suite.SettingsFor(suite.Cases[0]);
        var emulator = settings.DescribeEmulator("/usr/bin/qemu-system-x86_64");
        Assert.Equal("x86_64", emulator.Arch);
        Assert.Equal("pc-0.11", emulator.CanonicalMachine("pc"));
        Assert.Equal(settings.Capabilities, emulator.Capabilities);
        Assert.Equal("pc-0.11", settings.RewriteMachine("/usr/bin/qemu-system-x86_64", "pc"));
        Assert.Equal("pc", settings.RewriteMachine("/usr/bin/qemu", "pc"));
        Assert.Equal("pc", suite.SettingsFor(suite.Cases[0]).DescribeEmulator("/usr/bin/qemu").CanonicalMachine("pc"));
        Assert.Equal("x86_64", settings.DescribeEmulator("/usr/bin/kvm").Arch);
    }

    [Fact]
    public void Unknown_capability_and_expectation_in_a_manifest_are_errors_naming_the_case()
    {
        var json = """
            {"suite": "s", "host": {}, "cases": [
              {"id": "a", "xml": "a.xml", "expect": "args", "args": "a.args", "caps": ["netdve"]},
              {"id": "b", "xml": "b.xml", "expect": "maybe"},
              {"id": "a", "xml": "c.xml", "expect": "failure"}
            ]}
            """;
        var result = QemuxmlSuite.Parse(json, "manifest.json", _folder);
        Assert.Null(result.Value);
        Assert.Contains(result.Diagnostics, d => d.Code == QemuDiagnostics.UnknownCapability && d.Message.Contains("'netdev'") && d.Location.Path == "$.cases[0].caps");
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("'maybe'") && d.Message.Contains("parse-error"));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("used more than once"));
    }

    [Fact]
    public void Missing_manifest_is_an_error()
    {
        Assert.True(QemuxmlSuite.Load(Path.Combine(_folder, "absent")).HasErrors);
    }

    [SharedCorpusFact]
    public void Corpus_manifest_loads_without_any_diagnostic()
    {
        var result = QemuxmlSuite.Load(SharedCorpus.Suite("qemuxml2argv"));
        Assert.Empty(result.Diagnostics);
        var suite = result.Value!;
        Assert.Equal(212, suite.Cases.Length);
        Assert.Equal(200, suite.Cases.Count(c => c.Expectation == QemuxmlExpectation.Args));
        Assert.Equal(3, suite.Cases.Count(c => c.Expectation == QemuxmlExpectation.ParseError));
        Assert.All(suite.Cases.Where(c => c.ArgsPath is not null), c => Assert.True(File.Exists(c.ArgsPath), c.Id));
        Assert.All(suite.Cases, c => Assert.True(File.Exists(c.XmlPath), c.Id));
        Assert.Equal(QemuCapability.MonitorJson, suite.Rules.JsonMonitorWhen);
        Assert.Equal(new DomainIdRule(QemuCapability.Domid, 6, -1), suite.Rules.DomainId);
        Assert.Equal("123456", suite.Host.Spice.Password);
    }

    [SharedCorpusFact]
    public void Every_corpus_case_gets_an_arch_and_the_always_set_capabilities()
    {
        var suite = QemuxmlSuite.Load(SharedCorpus.Suite("qemuxml2argv")).Value!;
        foreach (var c in suite.Cases.Where(c => c.Expectation != QemuxmlExpectation.ParseError))
        {
            var settings = suite.SettingsFor(c);
            Assert.NotNull(settings.Arch);
            Assert.True(settings.Capabilities.Has(QemuCapability.VncColon), c.Id);
            Assert.Equal(settings.Arch is "x86_64" or "i686", settings.Capabilities.Has(QemuCapability.PciMultibus));
        }
    }
}
