using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Tests.Host;

public sealed class HostSettingsFileTests
{
    [Fact]
    public void Defaults_are_those_of_a_stock_libvirt_host()
    {
        var settings = HostSettings.Default;
        Assert.Equal("127.0.0.1", settings.Vnc.Listen);
        Assert.False(settings.Vnc.Tls);
        Assert.Equal("/etc/pki/libvirt-vnc", settings.Vnc.TlsX509CertDir);
        Assert.Equal("/etc/pki/libvirt-spice", settings.Spice.TlsX509CertDir);
        Assert.Equal("/var/run/libvirt/qemu", settings.StateDirectory);
        Assert.Null(settings.ResolvedHugepagePath);
        Assert.Equal("/var/lib/libvirt/qemu/vm1.monitor", settings.Monitor.PathFor("vm1", settings.LibDirectory));
        Assert.Equal("C", settings.Environment.Get("LC_ALL"));
        Assert.Equal("serial", settings.DefaultConsoleTargetType);
    }

    [Fact]
    public void Every_key_is_read()
    {
        const string json = """
            {
              "environment": {"LC_ALL": "C", "PATH": "/bin", "HOME": "/home/test"},
              "environmentUnset": ["TMPDIR", "LD_PRELOAD"],
              "monitor": {"type": "unix", "path": "/tmp/mon", "listen": true, "json": true},
              "stateDir": "/nowhere", "libDir": "/lib/q",
              "hugetlbfsMount": "/dev/hugepages",
              "spice": {"listen": "0.0.0.0", "tls": true, "tlsX509CertDir": "/etc/pki/s", "password": "123456"},
              "vnc": {"listen": "::", "autoUnixSocket": true, "tls": true, "tlsX509CertDir": "/etc/pki/v", "tlsX509Verify": true,
                      "password": "pw", "sasl": true, "saslDir": "/root/.sasl2", "allowHostAudio": true},
              "secrets": [{"usageType": "ceph", "usage": "cluster", "value": "AQC+/="}],
              "defaultConsoleTargetType": "virtio",
              "scsiGenericDevices": {"0:0:0:1": "/dev/sg1"}
            }
            """;
        var result = HostSettingsFile.Parse(json, "host.json", "/base", InputFiles.Disk);
        Assert.Empty(result.Diagnostics);
        var s = result.Value!;
        Assert.Equal(["LC_ALL", "PATH", "HOME"], s.Environment.Set.Select(v => v.Name));
        Assert.Equal(["TMPDIR", "LD_PRELOAD"], s.Environment.Unset.AsEnumerable());
        Assert.Null(s.Environment.Get("TMPDIR"));
        Assert.Equal(new MonitorSettings { Path = "/tmp/mon", Listen = true, Json = true }, s.Monitor);
        Assert.Equal("/nowhere", s.StateDirectory);
        Assert.Equal("/lib/q", s.LibDirectory);
        Assert.Equal("/dev/hugepages/libvirt/qemu", s.ResolvedHugepagePath);
        Assert.Equal(new SpiceHostSettings { Listen = "0.0.0.0", Tls = true, TlsX509CertDir = "/etc/pki/s", Password = "123456" }, s.Spice);
        Assert.Equal(new VncHostSettings
        {
            Listen = "::", AutoUnixSocket = true, Tls = true, TlsX509CertDir = "/etc/pki/v", TlsX509Verify = true,
            Password = "pw", Sasl = true, SaslDir = "/root/.sasl2", AllowHostAudio = true,
        }, s.Vnc);
        Assert.Equal("AQC+/=", s.FindSecret(SecretUsageType.Ceph, "cluster")!.Value);
        Assert.Null(s.FindSecret(SecretUsageType.Volume, "cluster"));
        Assert.Equal("virtio", s.DefaultConsoleTargetType);
        Assert.Equal("/dev/sg1", Assert.Single(s.ScsiGenericDevices, d => d.Key == "0:0:0:1").Value);
    }

    [Fact]
    public void Absent_keys_keep_the_defaults()
    {
        var result = HostSettingsFile.Parse("{\"vnc\": {\"sasl\": true}}", "host.json", "/", InputFiles.Disk);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(HostSettings.Default.Vnc with { Sasl = true }, result.Value!.Vnc);
        Assert.Equal(HostSettings.Default.Environment, result.Value.Environment);
    }

    [Fact]
    public void Unknown_key_is_a_warning_naming_its_path()
    {
        var result = HostSettingsFile.Parse("{\"vnc\": {\"lisen\": \"::\"}, \"stateDirectory\": \"/x\"}", "host.json", "/", InputFiles.Disk);
        Assert.False(result.HasErrors);
        Assert.Equal(2, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal(QemuDiagnostics.UnknownSetting, d.Code));
        Assert.Contains(result.Diagnostics, d => d.Location.Path == "$.vnc.lisen");
        Assert.Contains(result.Diagnostics, d => d.Location.Path == "$.stateDirectory");
    }

    [Fact]
    public void Wrong_value_type_is_an_error_with_its_json_path()
    {
        var result = HostSettingsFile.Parse("{\"vnc\": {\"tls\": \"yes\"}}", "host.json", "/", InputFiles.Disk);
        Assert.Null(result.Value);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(QemuDiagnostics.InvalidHostSettings, error.Code);
        Assert.Equal("$.vnc.tls", error.Location.Path);
    }

    [Fact]
    public void Malformed_json_is_an_error_with_line_and_column()
    {
        var result = HostSettingsFile.Parse("{\n  \"vnc\": {,}\n}", "host.json", "/", InputFiles.Disk);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(QemuDiagnostics.InvalidHostSettings, error.Code);
        Assert.Equal(2, error.Location.Line);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void Unknown_secret_usage_type_is_an_error_naming_the_allowed_ones()
    {
        var result = HostSettingsFile.Parse("{\"secrets\": [{\"usageType\": \"tls\", \"usage\": \"u\", \"value\": \"v\"}]}", "host.json", "/", InputFiles.Disk);
        var error = Assert.Single(result.Diagnostics);
        Assert.Contains("'tls'", error.Message);
        Assert.Contains("volume, ceph, iscsi", error.Message);
        Assert.Equal("$.secrets[0].usageType", error.Location.Path);
    }

    [Fact]
    public void Secret_values_are_not_shown_by_ToString()
    {
        Assert.DoesNotContain("topsecret", new HostSecret(SecretUsageType.Ceph, "u", "topsecret").ToString());
    }

    [Theory]
    [InlineData("{\"environment\": {\"1BAD\": \"x\"}}", "1BAD")]
    [InlineData("{\"environment\": {\"GOOD\": 1}}", "GOOD")]
    [InlineData("{\"environment\": [\"A=B\"]}", "object")]
    [InlineData("{\"monitor\": {\"type\": \"tcp\"}}", "tcp")]
    public void Invalid_environment_and_monitor_entries_are_errors(string json, string mentioned)
    {
        var result = HostSettingsFile.Parse(json, "host.json", "/", InputFiles.Disk);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(QemuDiagnostics.InvalidHostSettings, error.Code);
        Assert.Contains(mentioned, error.Message);
    }

    [Fact]
    public void Environment_keeps_file_order_and_the_last_assignment_wins()
    {
        var environment = new ProcessEnvironment { Set = [new("B", "1"), new("A", "2"), new("B", "3")] };
        Assert.Equal("3", environment.Get("B"));
        Assert.Null(environment.Get("C"));
    }

    [Fact]
    public void Capabilities_and_cpu_map_paths_are_relative_to_the_settings_folder()
    {
        var folder = Directory.CreateTempSubdirectory("dl-host-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "caps.xml"), "<capabilities><host><cpu><arch>x86_64</arch></cpu></host></capabilities>");
            File.WriteAllText(Path.Combine(folder, "map.xml"), "<cpus><arch name='x86'/></cpus>");
            File.WriteAllText(Path.Combine(folder, "host.json"), "{\"capabilities\": \"caps.xml\", \"cpuMap\": \"map.xml\"}");
            var result = HostSettingsFile.Load(InputFiles.Disk, Path.Combine(folder, "host.json"));
            Assert.Empty(result.Diagnostics);
            Assert.Equal("x86_64", result.Value!.Capabilities!.Cpu!.Arch);
            Assert.NotNull(result.Value.CpuMap!.Arch("x86"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Missing_capabilities_file_is_an_error()
    {
        var result = HostSettingsFile.Parse("{\"capabilities\": \"absent.xml\"}", "host.json", "/nonexistent-folder", InputFiles.Disk);
        Assert.Equal(DiagnosticCatalog.FileNotFound, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Missing_settings_file_is_an_error()
    {
        var result = HostSettingsFile.Load(InputFiles.Disk, "/nonexistent-folder/host.json");
        Assert.Equal(DiagnosticCatalog.FileNotFound, Assert.Single(result.Diagnostics).Code);
    }

    [SharedCorpusFact]
    public void The_manifest_host_section_loads_as_host_settings()
    {
        var dir = SharedCorpus.Suite("qemuxml2argv");
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        var host = manifest.RootElement.GetProperty("host").GetRawText();
        var result = HostSettingsFile.Parse(host, "manifest.json", dir, InputFiles.Disk);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        // Only the suite's own keys are unknown to plain host settings.
        Assert.All(result.Diagnostics, d => Assert.Equal(QemuDiagnostics.UnknownSetting, d.Code));
        var s = result.Value!;
        Assert.Equal("/tmp/test-monitor", s.Monitor.Path);
        Assert.Equal("/dev/hugepages/libvirt/qemu", s.ResolvedHugepagePath);
        Assert.Equal("/bin", s.Environment.Get("PATH"));
        Assert.True(s.Spice.Tls);
        Assert.NotNull(s.Capabilities);
        Assert.NotNull(s.CpuMap);
    }
}
