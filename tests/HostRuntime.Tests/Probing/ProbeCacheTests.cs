using System.Diagnostics;
using DomainLauncher.HostRuntime.Profiles;

namespace DomainLauncher.HostRuntime.Tests.Probing;

/// <summary>The probe cache, with a temporary cache folder (never the user's).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProbeCacheTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dl-cache-test-");

    public void Dispose() => _folder.Delete(recursive: true);

    private ProbeCache Cache => new(Path.Combine(_folder.FullName, "cache"));

    /// <summary>A file standing for a binary: not executable, so a probe of it could only fail.</summary>
    private EmulatorBinary FakeBinary(string name = "qemu-system-x86_64")
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, "not a binary");
        return EmulatorBinary.Stat(path)!;
    }

    private static EmulatorProfile ProfileOf(EmulatorBinary binary) => EmulatorProfileFileTests.Sample(binary.Path) with { Binary = binary };

    [Fact]
    public async Task A_cached_profile_is_returned_without_starting_a_process()
    {
        var binary = FakeBinary();
        Assert.True(Cache.Store(ProfileOf(binary)));

        var clock = Stopwatch.StartNew();
        var outcome = await EmulatorProber.ProbeAsync(binary.Path, Cache, TimeSpan.FromSeconds(5), CancellationToken.None);
        clock.Stop();

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Diagnostics.Select(d => d.Message)));
        Assert.True(outcome.FromCache);
        Assert.Null(outcome.ProcessId);
        Assert.Equal(binary, outcome.Profile!.Binary);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"a cache hit took {clock.Elapsed}");
    }

    [Fact]
    public void A_changed_modification_time_or_size_misses()
    {
        var binary = FakeBinary();
        Cache.Store(ProfileOf(binary));
        Assert.NotNull(Cache.Find(binary));

        File.SetLastWriteTimeUtc(binary.Path, binary.Modified.UtcDateTime.AddSeconds(5));
        var touched = EmulatorBinary.Stat(binary.Path)!;
        Assert.Null(Cache.Find(touched));

        File.AppendAllText(binary.Path, "more");
        File.SetLastWriteTimeUtc(binary.Path, binary.Modified.UtcDateTime);
        Assert.Null(Cache.Find(EmulatorBinary.Stat(binary.Path)!));
    }

    [Fact]
    public void Entries_are_kept_per_path()
    {
        var one = FakeBinary("qemu-a");
        var two = FakeBinary("qemu-b");
        Cache.Store(ProfileOf(one));

        Assert.NotEqual(Cache.EntryPath(one), Cache.EntryPath(two));
        Assert.Null(Cache.Find(two));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"format\": \"domainlauncher-emulator-profile\", \"version\": 1, \"binary\": ")]
    [InlineData("\u0000\u0001garbage")]
    [InlineData("{\"format\": \"domainlauncher-emulator-profile\", \"version\": 99}")]
    public void A_corrupt_entry_is_a_miss_and_is_replaced_by_the_next_store(string corrupt)
    {
        var binary = FakeBinary();
        Directory.CreateDirectory(Cache.Folder);
        File.WriteAllText(Cache.EntryPath(binary), corrupt);

        Assert.Null(Cache.Find(binary));
        Assert.True(Cache.Store(ProfileOf(binary)));
        Assert.NotNull(Cache.Find(binary));
    }

    [UnixFact]
    public async Task A_cache_folder_that_cannot_be_created_is_not_fatal()
    {
        var blocker = Path.Combine(_folder.FullName, "file-not-folder");
        File.WriteAllText(blocker, "");
        var cache = new ProbeCache(Path.Combine(blocker, "cache"));
        var binary = FakeBinary();

        Assert.False(cache.Store(ProfileOf(binary)));
        Assert.Null(cache.Find(binary));
        var outcome = await EmulatorProber.ProbeAsync(binary.Path, cache, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.False(outcome.Succeeded); // the fake binary cannot be probed; the cache added no error of its own
        Assert.Equal("DL6001", Assert.Single(outcome.Diagnostics).Code.Id);
    }

    [Fact]
    public void The_folder_comes_from_DL_CACHE_DIR_when_set()
    {
        var before = Environment.GetEnvironmentVariable(ProbeCache.FolderVariable);
        try
        {
            Environment.SetEnvironmentVariable(ProbeCache.FolderVariable, _folder.FullName);
            Assert.Equal(_folder.FullName, ProbeCache.Default().Folder);
            Environment.SetEnvironmentVariable(ProbeCache.FolderVariable, null);
            Assert.EndsWith(Path.Combine("domainlauncher", "probe"), ProbeCache.Default().Folder);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ProbeCache.FolderVariable, before);
        }
    }

    [QemuBinaryFact]
    public async Task The_installed_qemu_is_probed_once_then_served_from_the_cache_until_no_cache_is_asked()
    {
        var path = QemuBinaryFactAttribute.Path;
        var timeout = TimeSpan.FromSeconds(30);

        var cold = Stopwatch.StartNew();
        var first = await EmulatorProber.ProbeAsync(path, Cache, timeout, CancellationToken.None);
        cold.Stop();
        var warm = Stopwatch.StartNew();
        var second = await EmulatorProber.ProbeAsync(path, Cache, timeout, CancellationToken.None);
        warm.Stop();
        var bypass = await EmulatorProber.ProbeAsync(path, null, timeout, CancellationToken.None);

        Assert.True(first.Succeeded && !first.FromCache && first.ProcessId is not null);
        Assert.False(EmulatorProbeTests.ProcessExists(first.ProcessId!.Value));
        Assert.True(second.Succeeded && second.FromCache && second.ProcessId is null);
        Assert.True(bypass.Succeeded && !bypass.FromCache);
        Assert.Equal(first.Profile!.Describe().Capabilities, second.Profile!.Describe().Capabilities);
        Assert.True(warm.Elapsed < cold.Elapsed, $"cached {warm.Elapsed} vs probed {cold.Elapsed}");
        Console.WriteLine($"probe of {path}: cold {cold.Elapsed.TotalMilliseconds:F0} ms, cached {warm.Elapsed.TotalMilliseconds:F0} ms");
    }

    [QemuBinaryFact]
    public async Task A_refresh_probes_again_and_its_result_replaces_the_cached_one()
    {
        var path = QemuBinaryFactAttribute.Path;
        var timeout = TimeSpan.FromSeconds(30);
        var first = await EmulatorProber.ProbeAsync(path, Cache, timeout, CancellationToken.None);

        var refreshed = await EmulatorProber.ProbeAsync(path, Cache, timeout, CancellationToken.None, refresh: true);
        var after = await EmulatorProber.ProbeAsync(path, Cache, timeout, CancellationToken.None);

        Assert.True(refreshed.Succeeded && !refreshed.FromCache && refreshed.ProcessId is not null);
        Assert.True(after.FromCache);
        Assert.Equal(refreshed.Profile!.ProbedAt, after.Profile!.ProbedAt);
        Assert.True(after.Profile.ProbedAt > first.Profile!.ProbedAt, $"{after.Profile.ProbedAt:O} is not after {first.Profile.ProbedAt:O}");
    }

    [UnixFact]
    public async Task A_wrapper_whose_modification_time_changes_is_probed_again()
    {
        if (!File.Exists(QemuBinaryFactAttribute.Path)) return;
        var wrapper = Path.Combine(_folder.FullName, "qemu-wrapper");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec {QemuBinaryFactAttribute.Path} \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var first = await EmulatorProber.ProbeAsync(wrapper, Cache, TimeSpan.FromSeconds(30), CancellationToken.None);
        var hit = await EmulatorProber.ProbeAsync(wrapper, Cache, TimeSpan.FromSeconds(30), CancellationToken.None);
        File.SetLastWriteTimeUtc(wrapper, DateTime.UtcNow.AddMinutes(1));
        var miss = await EmulatorProber.ProbeAsync(wrapper, Cache, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.True(first.Succeeded, string.Join("; ", first.Diagnostics.Select(d => d.Message)));
        Assert.True(hit.FromCache);
        Assert.False(miss.FromCache);
        Assert.NotNull(miss.ProcessId);
        Assert.True(miss.Profile!.Binary.Modified > first.Profile!.Binary.Modified);
        Assert.Equal(miss.Profile.Binary, Cache.Find(EmulatorBinary.Stat(wrapper)!)?.Binary);
    }
}
