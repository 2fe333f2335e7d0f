using DomainLauncher.HostRuntime.Inputs;

namespace DomainLauncher.HostRuntime.Tests.Inputs;

/// <summary>
/// Input files read during a batch are closed in groups, and every one of them is closed by the end of
/// the batch; outside a batch each is closed as soon as it is read.
/// </summary>
public sealed class InputCloseBatchTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dl-close-batch-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Files_read_in_a_batch_are_all_closed_by_its_end_and_never_more_than_a_group_are_held()
    {
        var paths = WriteFiles(100);
        var before = OpenDescriptorsOn(_directory);
        var mostHeld = 0;

        using (InputCloseBatch.Open())
        {
            foreach (var path in paths)
            {
                Assert.Null(InputFiles.Disk.Read(path, 1 << 20).Error);
                mostHeld = Math.Max(mostHeld, OpenDescriptorsOn(_directory) - before);
            }
        }

        Assert.InRange(mostHeld, 1, 32);
        Assert.Equal(before, OpenDescriptorsOn(_directory));
    }

    [Fact]
    public void Outside_a_batch_a_file_is_closed_once_read()
    {
        var paths = WriteFiles(3);
        var before = OpenDescriptorsOn(_directory);

        foreach (var path in paths)
        {
            Assert.Null(InputFiles.Disk.Read(path, 1 << 20).Error);
            Assert.Equal(before, OpenDescriptorsOn(_directory));
        }
    }

    private string[] WriteFiles(int count)
    {
        var paths = new string[count];
        for (var i = 0; i < count; i++)
        {
            paths[i] = Path.Combine(_directory, $"d{i}.xml");
            File.WriteAllText(paths[i], $"<domain type='qemu'><name>d{i}</name></domain>\n");
        }
        return paths;
    }

    /// <summary>How many of this process's descriptors are open on files in <paramref name="directory"/>.</summary>
    private static int OpenDescriptorsOn(string directory) =>
        OpenDescriptors.Count(target => target.StartsWith(directory + "/", StringComparison.Ordinal));
}
