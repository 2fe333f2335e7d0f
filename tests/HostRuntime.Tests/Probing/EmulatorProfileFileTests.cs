using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.HostRuntime.Profiles;

namespace DomainLauncher.HostRuntime.Tests.Probing;

public sealed class EmulatorProfileFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dl-profile-test-");

    public void Dispose() => _folder.Delete(recursive: true);

    internal static EmulatorProfile Sample(string binaryPath = "/usr/bin/qemu-system-x86_64") => new()
    {
        Binary = new EmulatorBinary(binaryPath, 1234, new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero)),
        ProbedAt = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero),
        Probe = new ProbeResult
        {
            Path = binaryPath,
            Arch = "x86_64",
            Version = new QemuVersion(7, 2, 22),
            Package = "Debian 1:7.2+dfsg-7",
            Commands = ["chardev-add", "device_add", "netdev_add"],
            CommandLineOptions = NameTable.Of(("drive", ["format", "read-only"])),
            DeviceTypes = ["ide-cd", "virtio-blk-pci"],
            Machines = [new ProbedMachine("pc-i440fx-7.2") { Alias = "pc", IsDefault = true, MaxCpus = 255 }],
            CpuModels = ["qemu64"],
            Accelerators = ["tcg"],
            KvmBuiltIn = true,
            HelpOptions = NameTable.Of(("uuid", []), ("vga", ["[std|none]"])),
            Events = ["BALLOON_CHANGE"],
            CommandFeatures = NameTable.Of(("device_add", ["json-cli"])),
        },
    };

    internal static string Document(string probeMembers = "", string top = "") => $$"""
        {
          "format": "domainlauncher-emulator-profile",
          "version": 1,{{top}}
          "binary": { "path": "/q", "size": 1, "modified": "2024-01-01T00:00:00+00:00" },
          "probedAt": "2024-01-01T00:00:00+00:00",
          "probe": {
            "path": "/q", "arch": "x86_64", "version": "7.2.0", "package": "", "commands": [], "commandLineOptions": {},
            "deviceTypes": [], "objectTypes": [], "deviceProperties": {}, "machines": [], "cpuModels": [],
            "accelerators": [], "kvmBuiltIn": null, "helpOptions": {}, "events": []{{probeMembers}}
          }
        }
        """;

    [Fact]
    public void A_profile_written_and_read_back_is_the_same_profile()
    {
        var path = Path.Combine(_folder.FullName, "qemu.json");
        var profile = Sample();

        Assert.Empty(EmulatorProfileFile.Write(profile, path));
        var read = EmulatorProfileFile.Read(path);

        Assert.Empty(read.Diagnostics);
        Assert.NotNull(read.Profile);
        Assert.Equal(EmulatorProfileFile.ToJson(profile), EmulatorProfileFile.ToJson(read.Profile));
        Assert.Equal(ProbeCapabilityRules.Capabilities(profile.Probe), read.Profile.Describe().Capabilities);
        Assert.Equal("pc-i440fx-7.2", read.Profile.Describe().CanonicalMachine("pc"));
    }

    [Fact]
    public void The_document_names_its_format_and_version_and_writes_plus_signs_as_they_are()
    {
        var json = EmulatorProfileFile.ToJson(Sample());

        Assert.StartsWith("{\n  \"format\": \"domainlauncher-emulator-profile\",\n  \"version\": 1,", json);
        Assert.Contains("\"version\": \"7.2.22\"", json);
        Assert.Contains("1:7.2+dfsg-7", json);
    }

    [Fact]
    public void A_complete_minimal_document_is_read()
    {
        var read = EmulatorProfileFile.Parse(Document(""", "commandFeatures": {}"""), "p.json");

        Assert.Empty(read.Diagnostics);
        Assert.Equal(new QemuVersion(7, 2, 0), read.Profile?.Probe.Version);
    }

    [Theory]
    [InlineData("""{"format": "something-else", "version": 1}""", "\"format\" must be \"domainlauncher-emulator-profile\"")]
    [InlineData("""{"version": 1}""", "\"format\" must be")]
    [InlineData("""{"format": "domainlauncher-emulator-profile", "version": 2}""", "profile version 2 is not supported; this build reads version 1")]
    [InlineData("""{"format": "domainlauncher-emulator-profile"}""", "profile version missing is not supported")]
    [InlineData("""[1, 2]""", "expected a JSON object")]
    public void A_document_of_another_format_or_version_is_refused_naming_why(string text, string message)
    {
        var read = EmulatorProfileFile.Parse(text, "p.json");

        Assert.Null(read.Profile);
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("DL6011", diagnostic.Code.Id);
        Assert.Contains(message, diagnostic.Message);
        Assert.StartsWith("p.json", diagnostic.Format());
    }

    [Fact]
    public void A_file_of_the_current_version_is_read_and_one_of_a_newer_version_of_the_same_shape_is_refused_for_its_version()
    {
        // Reading a file takes a one-pass path for current documents; a newer one must still be refused for its version.
        var current = Path.Combine(_folder.FullName, "current.json");
        var newer = Path.Combine(_folder.FullName, "newer.json");
        File.WriteAllText(current, Document(""", "commandFeatures": {}"""));
        File.WriteAllText(newer, Document(""", "commandFeatures": {}""").Replace("\"version\": 1,", "\"version\": 2,", StringComparison.Ordinal));

        var read = EmulatorProfileFile.Read(current);
        var refused = EmulatorProfileFile.Read(newer);

        Assert.Empty(read.Diagnostics);
        Assert.Equal("/q", read.Profile?.Binary.Path);
        Assert.Null(refused.Profile);
        Assert.Contains("profile version 2 is not supported", Assert.Single(refused.Diagnostics).Message);
    }

    [Fact]
    public void Bad_json_is_refused_with_its_line_and_column()
    {
        var read = EmulatorProfileFile.Parse("{\n  \"format\": \"domainlauncher-emulator-profile\",\n  \"version\": 1,\n  \"binary\": [", "p.json");

        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("DL6011", diagnostic.Code.Id);
        Assert.Equal(4, diagnostic.Location.Line);
        Assert.DoesNotContain("LineNumber", diagnostic.Message);
    }

    [Fact]
    public void A_missing_member_is_refused_naming_it()
    {
        var read = EmulatorProfileFile.Parse(Document(), "p.json");

        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("$.probe: missing required members: 'commandFeatures'", diagnostic.Message);
    }

    [Fact]
    public void An_unknown_member_a_null_name_and_a_bad_version_are_each_refused()
    {
        var unknown = EmulatorProfileFile.Parse(Document(""", "commandFeatures": {}, "extra": 1"""), "p.json");
        var nullName = EmulatorProfileFile.Parse(Document(""", "commandFeatures": {"device_add": [null]}"""), "p.json");
        var badVersion = EmulatorProfileFile.Parse(Document(""", "commandFeatures": {}""").Replace("\"7.2.0\"", "\"seven\""), "p.json");

        Assert.Contains("extra", Assert.Single(unknown.Diagnostics).Message);
        Assert.Contains("expected a string, found null", Assert.Single(nullName.Diagnostics).Message);
        Assert.Contains("'seven' is not a QEMU version", Assert.Single(badVersion.Diagnostics).Message);
    }

    [Fact]
    public void A_missing_file_and_a_directory_are_reported_not_thrown()
    {
        var missing = EmulatorProfileFile.Read(Path.Combine(_folder.FullName, "none.json"));
        var directory = EmulatorProfileFile.Read(_folder.FullName);

        Assert.Equal("DL6010", Assert.Single(missing.Diagnostics).Code.Id);
        Assert.Contains("does not exist", missing.Diagnostics[0].Message);
        Assert.Contains("is a directory", Assert.Single(directory.Diagnostics).Message);
    }

    [Fact]
    public void The_shipped_qemu_7_2_profile_reads_and_resolves_pc()
    {
        var read = EmulatorProfileFile.Read(Path.Combine(SharedCorpus.RepositoryRoot, "profiles", "qemu-7.2-x86_64.json"));

        Assert.Empty(read.Diagnostics);
        var description = read.Profile!.Describe();
        Assert.Equal(new QemuVersion(7, 2, read.Profile.Probe.Version.Micro), description.Version);
        Assert.StartsWith("pc-i440fx-7.2", description.CanonicalMachine("pc"));
        Assert.False(description.Has(QemuCapability.Kvm));
        Assert.True(description.Has(QemuCapability.DeviceJson));
    }
}
