using System.Collections.Immutable;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.HostRuntime.Profiles;

namespace DomainLauncher.HostRuntime.Tests.Probing;

/// <summary>The profile document reader: what it reads back, and each kind of document it refuses.</summary>
public sealed class EmulatorProfileReaderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dl-profile-reader-test-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static string Complete(string probeMembers = "") => EmulatorProfileFileTests.Document(""", "commandFeatures": {}""" + probeMembers);

    public static TheoryData<string> BundledProfiles() =>
        [.. Directory.GetFiles(Path.Combine(SharedCorpus.RepositoryRoot, "profiles"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(BundledProfiles))]
    public void A_bundled_profile_reads_back_to_its_own_text(string name)
    {
        var path = Path.Combine(SharedCorpus.RepositoryRoot, "profiles", name);

        var read = EmulatorProfileFile.Read(path);

        Assert.Empty(read.Diagnostics);
        Assert.Equal(File.ReadAllText(path), EmulatorProfileFile.ToJson(read.Profile!));
    }

    private static EmulatorProfile WithCpuViews()
    {
        var profile = EmulatorProfileFileTests.Sample();
        return profile with
        {
            Probe = profile.Probe with
            {
                AcceleratorCpus =
                [
                    new ProbedAcceleratorCpus("tcg")
                    {
                        Definitions =
                        [
                            new ProbedCpuDefinition("qemu64") { Static = false, MigrationSafe = true, UnavailableFeatures = ["svm"] },
                            new ProbedCpuDefinition("pentium") { AliasOf = "pentium-v1", Deprecated = true },
                        ],
                        ExpandedModel = "max",
                        FeaturesOn = ["sse2", "x2apic"],
                        FeaturesOff = ["avx512f"],
                    },
                    new ProbedAcceleratorCpus("kvm"),
                ],
            },
        };
    }

    /// <summary>The text of the probe cache entry of <paramref name="profile"/>, as the cache writes it.</summary>
    private string CacheEntryText(EmulatorProfile profile)
    {
        var cache = new ProbeCache(_folder.FullName);
        Assert.True(cache.Store(profile));
        return File.ReadAllText(cache.EntryPath(profile.Binary));
    }

    [Fact]
    public void A_probe_cache_entry_with_cpu_definitions_is_one_line_and_reads_back_to_the_same_profile()
    {
        var profile = WithCpuViews();
        var cache = new ProbeCache(_folder.FullName);
        Assert.True(cache.Store(profile));

        var read = EmulatorProfileFile.Read(cache.EntryPath(profile.Binary));

        Assert.Empty(read.Diagnostics);
        Assert.Single(File.ReadAllLines(cache.EntryPath(profile.Binary)));
        Assert.Equal(EmulatorProfileFile.ToJson(profile), EmulatorProfileFile.ToJson(read.Profile!));
    }

    [Fact]
    public void A_probe_cache_entry_keeps_its_cpu_views_as_text_until_they_are_asked_for()
    {
        var text = CacheEntryText(WithCpuViews());

        var probe = EmulatorProfileFile.Parse(text, "entry.json").Profile!.Probe;
        var description = ProbeCapabilityRules.Describe(probe);

        Assert.True(probe.AcceleratorCpusSource.IsDeferred);
        var tcg = description.CpusFor(Drivers.Qemu.Build.QemuAccelerator.Tcg)!;
        Assert.Equal(["qemu64", "pentium"], tcg.Definitions.Select(d => d.Name));
        Assert.Equal("pentium-v1", tcg.Find("pentium")!.AliasOf);
        Assert.Equal(["svm"], tcg.Find("qemu64")!.UnavailableFeatures.AsEnumerable());
        Assert.True(tcg.CanGive("x2apic"));
        Assert.True(tcg.Knows("avx512f"));
        Assert.Empty(description.CpusFor(Drivers.Qemu.Build.QemuAccelerator.Kvm)!.Definitions);
    }

    [Fact]
    public void Cpu_views_kept_as_text_are_equal_when_their_text_is_whether_or_not_read()
    {
        var text = CacheEntryText(WithCpuViews());
        var first = EmulatorProfileFile.Parse(text, "entry.json").Profile!.Probe;
        var second = EmulatorProfileFile.Parse(text, "entry.json").Profile!.Probe;

        _ = first.AcceleratorCpus;

        Assert.Equal(first.AcceleratorCpusSource, second.AcceleratorCpusSource);
        Assert.Equal(ProbeCapabilityRules.Describe(first).AcceleratorCpusSource, ProbeCapabilityRules.Describe(second).AcceleratorCpusSource);
        Assert.NotEqual(first.AcceleratorCpusSource, (first with { AcceleratorCpus = [] }).AcceleratorCpusSource);
    }

    [Fact]
    public void Cpu_views_written_otherwise_than_a_cache_entry_are_read_at_once()
    {
        var read = EmulatorProfileFile.Parse(EmulatorProfileFile.ToJson(WithCpuViews()), "indented.json");

        Assert.Empty(read.Diagnostics);
        Assert.False(read.Profile!.Probe.AcceleratorCpusSource.IsDeferred);
        Assert.Equal(2, read.Profile.Probe.AcceleratorCpus.Length);
    }

    [Theory]
    [InlineData("\"sse\\u0032\"", "sse2")]
    [InlineData("\"caf\u00e9\"", "caf\u00e9")]
    [InlineData("\"a]b{c\"", "a]b{c")]
    public void Cpu_views_of_a_cache_entry_with_names_that_are_not_plain_are_read_at_once_as_their_text(string written, string name)
    {
        var text = CacheEntryText(WithCpuViews()).Replace("\"sse2\"", written, StringComparison.Ordinal);

        var read = EmulatorProfileFile.Parse(text, "entry.json");

        Assert.Empty(read.Diagnostics);
        Assert.Equal(written == "\"a]b{c\"", read.Profile!.Probe.AcceleratorCpusSource.IsDeferred);
        Assert.Contains(name, read.Profile.Probe.AcceleratorCpus[0].FeaturesOn);
    }

    [Theory]
    [InlineData("\"static\":false", "\"static\":0", "$.probe.acceleratorCpus[0].definitions[0].static: expected a boolean, found a number")]
    [InlineData("\"featuresOff\":[\"avx512f\"]", "\"featuresOff\":[\"avx512f\",null]", "$.probe.acceleratorCpus[0].featuresOff[1]: expected a string, found null")]
    [InlineData(",\"expandedModel\":\"max\"", "", "$.probe.acceleratorCpus[0]: missing required members: 'expandedModel'")]
    [InlineData("\"accelerator\":\"kvm\"", "\"accelerator\":\"kvm\",\"extra\":1", "$.probe.acceleratorCpus[1]: unknown member 'extra'")]
    public void A_cache_entry_with_a_wrong_cpu_view_is_refused_at_once_naming_it(string member, string replacement, string message)
    {
        var text = CacheEntryText(WithCpuViews());
        Assert.Contains(member, text, StringComparison.Ordinal);

        var read = EmulatorProfileFile.Parse(text.Replace(member, replacement, StringComparison.Ordinal), "entry.json");

        Assert.Null(read.Profile);
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("DL6011", diagnostic.Code.Id);
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal(1, diagnostic.Location.Line);
    }

    [Fact]
    public void A_cache_entry_whose_cpu_view_lists_more_names_than_a_probe_gives_is_refused()
    {
        var text = CacheEntryText(WithCpuViews());
        var names = string.Join(",", Enumerable.Repeat("\"x\"", EmulatorProfileReader.MaxListLength + 1));

        var read = EmulatorProfileFile.Parse(text.Replace("\"featuresOff\":[\"avx512f\"]", $"\"featuresOff\":[{names}]", StringComparison.Ordinal), "entry.json");

        Assert.Equal($"$.probe.acceleratorCpus[0].featuresOff: more than {EmulatorProfileReader.MaxListLength} elements", Assert.Single(read.Diagnostics).Message);
    }

    [Fact]
    public void Names_and_table_keys_written_out_of_order_are_read_sorted_and_found()
    {
        var text = Complete().Replace("\"commands\": []", "\"commands\": [\"netdev_add\", \"device_add\"]", StringComparison.Ordinal)
            .Replace("\"helpOptions\": {}", "\"helpOptions\": {\"vga\": [\"[std|none]\"], \"uuid\": []}", StringComparison.Ordinal);

        var probe = EmulatorProfileFile.Parse(text, "p.json").Profile!.Probe;

        Assert.Equal(["device_add", "netdev_add"], probe.Commands.AsEnumerable());
        Assert.True(probe.HasCommand("netdev_add"));
        Assert.Equal(["uuid", "vga"], probe.HelpOptions.Keys.AsEnumerable());
        Assert.True(probe.HasHelpSynopsis("vga", "[std"));
    }

    [Theory]
    [InlineData("\"size\": 1", "\"size\": \"1\"", "$.binary.size: expected an integer, found a string")]
    [InlineData("\"kvmBuiltIn\": null", "\"kvmBuiltIn\": 1", "$.probe.kvmBuiltIn: expected a boolean, found a number")]
    [InlineData("\"machines\": []", "\"machines\": [{\"name\": \"pc\", \"alias\": null, \"isDefault\": true, \"maxCpus\": 2.5, \"deprecated\": false}]",
        "$.probe.machines[0].maxCpus: expected a 32-bit integer, found 2.5")]
    [InlineData("\"deviceTypes\": []", "\"deviceTypes\": {}", "$.probe.deviceTypes: expected an array of strings, found an object")]
    [InlineData("\"commandLineOptions\": {}", "\"commandLineOptions\": {\"drive\": \"format\"}", "$.probe.commandLineOptions.drive: expected an array of strings, found a string")]
    [InlineData("\"probedAt\": \"2024-01-01T00:00:00+00:00\"", "\"probedAt\": \"yesterday\"", "$.probedAt: 'yesterday' is not an ISO 8601 date and time")]
    [InlineData("\"path\": \"/q\", \"arch\"", "\"path\": null, \"arch\"", "$.probe.path: expected a string, found null")]
    public void A_member_of_the_wrong_type_is_refused_naming_it(string member, string replacement, string message)
    {
        var read = EmulatorProfileFile.Parse(Complete().Replace(member, replacement, StringComparison.Ordinal), "p.json");

        Assert.Null(read.Profile);
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("DL6011", diagnostic.Code.Id);
        Assert.Equal(message, diagnostic.Message);
    }

    [Fact]
    public void A_refusal_is_located_at_the_offending_value()
    {
        var read = EmulatorProfileFile.Parse(Complete().Replace("\"size\": 1", "\"size\": \"1\"", StringComparison.Ordinal), "p.json");

        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal(4, diagnostic.Location.Line);
        Assert.Equal(37, diagnostic.Location.Column);
    }

    [Theory]
    [InlineData("\"binary\": { \"path\": \"/q\",", "\"binary\": { \"path\": \"/q\", \"path\": \"/r\",", "$.binary: member 'path' appears twice")]
    [InlineData("\"helpOptions\": {}", "\"helpOptions\": {\"uuid\": [], \"vga\": [], \"uuid\": []}", "$.probe.helpOptions: 'uuid' appears twice")]
    [InlineData("\"probe\": {", "\"extra\": 1, \"probe\": {", "$: unknown member 'extra'")]
    [InlineData("\"machines\": []", "\"machines\": [{\"name\": \"pc\"}]", "$.probe.machines[0]: missing required members: 'alias', 'isDefault', 'maxCpus', 'deprecated'")]
    public void Duplicate_unknown_and_missing_members_are_refused(string member, string replacement, string message)
    {
        var read = EmulatorProfileFile.Parse(Complete().Replace(member, replacement, StringComparison.Ordinal), "p.json");

        Assert.Equal(message, Assert.Single(read.Diagnostics).Message);
    }

    [Fact]
    public void A_document_of_another_version_is_refused_for_its_version_whatever_its_shape()
    {
        var text = Complete().Replace("\"version\": 1,", "\"version\": 2,", StringComparison.Ordinal).Replace("\"events\": []", "\"events\": [1]", StringComparison.Ordinal);

        var read = EmulatorProfileFile.Parse(text, "p.json");

        Assert.Contains("profile version 2 is not supported", Assert.Single(read.Diagnostics).Message);
    }

    [Fact]
    public void A_document_nested_too_deep_is_refused_as_json_not_followed()
    {
        var deep = new string('[', 5000) + new string(']', 5000);

        var read = EmulatorProfileFile.Parse(Complete().Replace("\"probe\": {", $"\"extra\": {deep}, \"probe\": {{", StringComparison.Ordinal), "p.json");

        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("DL6011", diagnostic.Code.Id);
        Assert.Contains("depth", diagnostic.Message);
    }

    [Fact]
    public void A_file_larger_than_a_profile_can_be_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_folder.FullName, "large.json");
        using (var file = File.Create(path)) file.SetLength(EmulatorProfileReader.MaxDocumentBytes + 1L);

        var read = EmulatorProfileFile.Read(path);

        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("DL6011", diagnostic.Code.Id);
        Assert.Contains("a profile is at most", diagnostic.Message);
    }

    [Fact]
    public void A_string_longer_than_any_name_is_refused()
    {
        var longName = new string('x', EmulatorProfileReader.MaxStringBytes + 1);

        var read = EmulatorProfileFile.Parse(Complete().Replace("\"events\": []", $"\"events\": [\"{longName}\"]", StringComparison.Ordinal), "p.json");

        Assert.StartsWith("$.probe.events[0]: a string of 16385 bytes", Assert.Single(read.Diagnostics).Message);
    }

    [Fact]
    public void A_list_longer_than_any_probe_gives_is_refused()
    {
        var names = string.Join(", ", Enumerable.Repeat("\"x\"", EmulatorProfileReader.MaxListLength + 1));

        var read = EmulatorProfileFile.Parse(Complete().Replace("\"events\": []", $"\"events\": [{names}]", StringComparison.Ordinal), "p.json");

        Assert.Equal($"$.probe.events: more than {EmulatorProfileReader.MaxListLength} elements", Assert.Single(read.Diagnostics).Message);
    }

    [Fact]
    public void Names_with_escapes_non_ascii_letters_or_odd_spacing_read_as_their_text()
    {
        var text = Complete().Replace("\"cpuModels\": []", "\"cpuModels\": [ \"a\\\"b\" ,\"caf\u00e9\",\n\t\"caf\\u00e9\" , \"x y\"]", StringComparison.Ordinal);

        var read = EmulatorProfileFile.Parse(text, "p.json");

        Assert.Empty(read.Diagnostics);
        Assert.Equal(["a\"b", "caf\u00e9", "caf\u00e9", "x y"], read.Profile!.Probe.CpuModels.AsEnumerable());
    }

    [Theory]
    [InlineData("[\"a\",]")]
    [InlineData("[\"a\" \"b\"]")]
    [InlineData("[\"a\", 1]")]
    [InlineData("[\"a\u0001\"]")]
    public void A_list_that_is_not_an_array_of_strings_is_refused(string list)
    {
        var read = EmulatorProfileFile.Parse(Complete().Replace("\"cpuModels\": []", $"\"cpuModels\": {list}", StringComparison.Ordinal), "p.json");

        Assert.Null(read.Profile);
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("DL6011", diagnostic.Code.Id);
        Assert.Equal(8, diagnostic.Location.Line);
    }

    [Theory]
    [InlineData("\"events\": []", "\"events\": [\"caf\u00ff\"]")]
    [InlineData("\"arch\": \"x86_64\"", "\"arch\": \"x86\u00ff\"")]
    [InlineData("\"probe\": {", "\"pr\u00ffobe\": {")]
    public void A_string_that_is_not_utf8_is_refused_not_thrown(string member, string replacement)
    {
        // The document's text is written as Latin-1, so U+00FF becomes the byte 0xFF, never valid in UTF-8.
        var path = Path.Combine(_folder.FullName, "latin1.json");
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(Complete().Replace(member, replacement, StringComparison.Ordinal)));

        var read = EmulatorProfileFile.Read(path);

        Assert.Null(read.Profile);
        Assert.Equal("DL6011", Assert.Single(read.Diagnostics).Code.Id);
    }

    [Fact]
    public void An_escaped_lone_surrogate_is_refused_not_thrown()
    {
        var read = EmulatorProfileFile.Parse(Complete().Replace("\"events\": []", "\"events\": [\"a\\ud800\"]", StringComparison.Ordinal), "p.json");

        Assert.Null(read.Profile);
        Assert.Equal("DL6011", Assert.Single(read.Diagnostics).Code.Id);
    }

    [Fact]
    public void A_refusal_after_the_lists_is_located_where_it_is()
    {
        var read = EmulatorProfileFile.Parse(Complete().Replace("\"commandFeatures\": {}", "\"commandFeatures\": {\"x\": 1}", StringComparison.Ordinal), "p.json");

        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("$.probe.commandFeatures.x: expected an array of strings, found a number", diagnostic.Message);
        Assert.Equal((9, 103), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Names_given_out_of_order_to_a_probe_result_are_kept_sorted()
    {
        var probe = EmulatorProfileFileTests.Sample().Probe with { DeviceTypes = ["virtio-net-pci", "ide-cd", "VGA"] };

        Assert.Equal(["VGA", "ide-cd", "virtio-net-pci"], probe.DeviceTypes.AsEnumerable());
        Assert.True(probe.HasDevice("ide-cd"));
        Assert.False(probe.HasDevice("qxl"));
        Assert.Equal(ImmutableArray<string>.Empty, (probe with { Events = default }).Events);
    }
}
