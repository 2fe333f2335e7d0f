using DomainLauncher.HostRuntime.Helpers;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>
/// The helpers that daemonize once they listen (qemu-pr-helper for managed SCSI reservations, qemu-storage-daemon for
/// check's vhost-user-blk disks): started for real, recorded in the run directory, listed, and stopped with it.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[Collection(HelperProcessTests.Name)]
public sealed class DaemonizingHelperTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _run = Directory.CreateTempSubdirectory("dl-daemon-");

    private async Task AssertStartsListedAndStopsAsync(HelperRequest request)
    {
        var (started, error) = await HelperSet.StartAllAsync([request], _run.FullName, HelperPrograms.OfThisHost(), Timeout, CancellationToken.None);

        Assert.Null(error);
        var helper = Assert.Single(started);
        Assert.True(File.Exists(request.Socket));
        Assert.Equal(new RunningHelper(request.Kind, request.Alias, helper.Pid), Assert.Single(HelperFiles.Live(_run.FullName)));
        Assert.True(await HelperSet.StopAllAsync(_run.FullName, TimeSpan.FromSeconds(1)));
        Assert.Empty(HelperFiles.Live(_run.FullName));
    }

    [PrHelperFact]
    public Task A_managed_reservations_helper_listens_on_the_planned_socket_and_stops_with_the_run_directory() =>
        AssertStartsListedAndStopsAsync(new PrHelperRequest("pr-helper0", Path.Combine(_run.FullName, "pr", "g.sock"), SourceLocation.OfFile("g.xml")));

    [StorageDaemonFact]
    public async Task A_storage_daemon_serves_an_image_on_its_socket_and_stops_with_the_run_directory()
    {
        var image = Path.Combine(_run.FullName, "disk.raw");
        await using (var file = File.Create(image)) file.SetLength(1024 * 1024);

        await AssertStartsListedAndStopsAsync(new StorageDaemonRequest("vda", Path.Combine(_run.FullName, "vda.sock"), SourceLocation.OfFile("g.xml")) { Image = image });
    }

    [PrHelperFact]
    public async Task A_helper_that_fails_to_start_says_why_in_its_own_words()
    {
        var request = new PrHelperRequest("pr-helper0", "/proc/no-such-folder/pr.sock", SourceLocation.OfFile("g.xml"));

        var (started, error) = await HelperSet.StartAllAsync([request], _run.FullName, HelperPrograms.OfThisHost(), Timeout, CancellationToken.None);

        Assert.Empty(started);
        Assert.NotNull(error);
        Assert.Contains("<reservations managed='yes'>", error.Message, StringComparison.Ordinal);
        Assert.Empty(HelperFiles.Live(_run.FullName));
    }

    public void Dispose()
    {
        HelperSet.StopAllAsync(_run.FullName, TimeSpan.Zero).GetAwaiter().GetResult();
        _run.Delete(recursive: true);
    }
}
