using System.Diagnostics;
using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.HostRuntime.Interop;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.HostRuntime.Tests.Inputs;

/// <summary>
/// A batch's files read ahead through io_uring give the same bytes and the same diagnostics as the files read
/// one at a time, whatever they are (regular, larger than a read-ahead slot, empty, a link, a directory,
/// missing, a named pipe, standard input's name) and in whatever order the batch asks for them; the
/// regular files come from the ring where this kernel offers one, and nothing is left open.
/// </summary>
public sealed class InputReadAheadTests : IDisposable
{
    private const long Limit = 1 << 20;

    private readonly string _directory = Directory.CreateTempSubdirectory("dl-read-ahead-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Whether this kernel lets the tool make a ring (some containers refuse io_uring).</summary>
    private static bool RingAvailable()
    {
        using var ring = IoUring.TryCreate(8, 1);
        return ring is not null;
    }

    [Fact]
    public void A_batch_of_every_kind_of_input_reads_as_one_at_a_time_and_its_small_regular_files_come_from_the_ring()
    {
        var (paths, smallRegular) = MixedInputs();
        var expected = paths.Select(path => InputFiles.Disk.Read(path, Limit)).ToArray();

        InputFileRead[] actual;
        int fromRing;
        using (var readAhead = InputReadAhead.Open(paths))
        {
            actual = paths.Select(path => InputFiles.Disk.Read(path, Limit)).ToArray();
            fromRing = readAhead.FilesReadAhead;
        }

        AssertSame(paths, expected, actual);
        Assert.Equal(RingAvailable() ? smallRegular : 0, fromRing);
    }

    [Fact]
    public void Files_asked_for_out_of_order_or_twice_read_as_they_are()
    {
        var paths = WriteDocuments(50);
        var asked = paths.Reverse().Concat(paths.Take(10)).Concat(paths).ToArray();

        using (InputReadAhead.Open(paths))
        {
            foreach (var path in asked)
            {
                var read = InputFiles.Disk.Read(path, Limit);
                Assert.Null(read.Error);
                Assert.Equal(File.ReadAllBytes(path), read.Bytes);
            }
        }
    }

    [Fact]
    public void Paths_the_batch_passes_over_do_not_stop_the_read_ahead()
    {
        var paths = WriteDocuments(100);
        // As a batch passes over standard input's name, which InputFiles reads without asking the read-ahead.
        var asked = paths.Where((_, i) => i % 10 != 3).ToArray();

        using var readAhead = InputReadAhead.Open(paths);
        foreach (var path in asked) Assert.Equal(File.ReadAllBytes(path), InputFiles.Disk.Read(path, Limit).Bytes);

        Assert.Equal(RingAvailable() ? asked.Length : 0, readAhead.FilesReadAhead);
    }

    [Fact]
    public void A_file_over_the_callers_limit_is_refused_by_its_length_as_one_at_a_time()
    {
        var paths = WriteDocuments(20);
        var limit = new FileInfo(paths[5]).Length - 1;
        var expected = InputFiles.Disk.Read(paths[5], limit);

        using (InputReadAhead.Open(paths))
        {
            foreach (var path in paths)
            {
                var read = InputFiles.Disk.Read(path, path == paths[5] ? limit : Limit);
                if (path != paths[5]) Assert.Equal(File.ReadAllBytes(path), read.Bytes);
                else Assert.Equal((expected.Error!.Code, expected.Error.Message), (read.Error!.Code, read.Error.Message));
            }
        }
    }

    [Fact]
    public async Task A_named_pipe_in_a_batch_is_not_waited_for_ahead_and_is_read_once_in_its_turn()
    {
        var paths = WriteDocuments(20).ToList();
        var fifo = Path.Combine(_directory, "fifo.xml");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        paths.Insert(10, fifo);
        var document = "<domain type='qemu'><name>piped</name></domain>\n"u8.ToArray();

        var reads = await Task.Run(() =>
        {
            using var readAhead = InputReadAhead.Open(paths);
            var reads = new List<InputFileRead>();
            foreach (var path in paths)
            {
                // The writer starts only when the batch comes to the pipe: a read ahead that opened it would wait forever.
                Task? writer = path == fifo ? Task.Run(() => File.WriteAllBytes(fifo, document)) : null;
                reads.Add(InputFiles.Disk.Read(path, Limit));
                writer?.Wait(TimeSpan.FromSeconds(20));
            }
            return reads;
        }).WaitAsync(TimeSpan.FromSeconds(30));

        for (var i = 0; i < paths.Count; i++)
        {
            Assert.Null(reads[i].Error);
            Assert.Equal(paths[i] == fifo ? document : File.ReadAllBytes(paths[i]), reads[i].Bytes);
        }
    }

    [Fact]
    public void A_short_batch_reads_its_files_one_at_a_time()
    {
        var paths = WriteDocuments(3);

        using var readAhead = InputReadAhead.Open(paths);
        foreach (var path in paths) Assert.Equal(File.ReadAllBytes(path), InputFiles.Disk.Read(path, Limit).Bytes);

        Assert.Equal(0, readAhead.FilesReadAhead);
    }

    [Fact]
    public void Outside_a_batch_nothing_is_read_ahead_and_after_one_nothing_is_left_open()
    {
        var paths = WriteDocuments(70);
        var before = OpenRingsAndFilesIn(_directory);

        using (var readAhead = InputReadAhead.Open(paths))
            foreach (var path in paths.Take(40)) Assert.Null(InputFiles.Disk.Read(path, Limit).Error);

        // The batch ended before its last files were asked for: they are read as usual, and the ring is gone.
        foreach (var path in paths.Skip(40)) Assert.Equal(File.ReadAllBytes(path), InputFiles.Disk.Read(path, Limit).Bytes);
        Assert.Equal(before, OpenRingsAndFilesIn(_directory));
    }

    /// <summary>How many of this process's descriptors are io_uring rings, <paramref name="directory"/> or files in it (other tests run alongside).</summary>
    private static int OpenRingsAndFilesIn(string directory) =>
        OpenDescriptors.Count(target => target is "anon_inode:[io_uring]" || target == directory || target.StartsWith(directory + "/", StringComparison.Ordinal));

    /// <summary>
    /// Forty inputs of every kind the reader tells apart, spread over the first two groups of the read-ahead, and how
    /// many of them are regular files small enough to be read ahead.
    /// </summary>
    private (string[] Paths, int SmallRegular) MixedInputs()
    {
        var paths = WriteDocuments(30).ToList();
        var large = Path.Combine(_directory, "large.xml");
        File.WriteAllText(large, "<domain type='qemu'><name>large</name><description>" + new string('x', 100_000) + "</description></domain>\n");
        var empty = Path.Combine(_directory, "empty.xml");
        File.WriteAllBytes(empty, []);
        var link = Path.Combine(_directory, "link.xml");
        File.CreateSymbolicLink(link, Path.GetFileName(paths[0]));
        var directory = Directory.CreateDirectory(Path.Combine(_directory, "sub.xml")).FullName;
        var missing = Path.Combine(_directory, "missing.xml");
        var dangling = Path.Combine(_directory, "dangling.xml");
        File.CreateSymbolicLink(dangling, "nowhere.xml");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, paths[1]);
        paths.InsertRange(3, [large, empty, link]);
        paths.InsertRange(20, [directory, missing, dangling, relative]);
        paths.InsertRange(33, [large, link, paths[2]]);
        // The 30 documents, the two links and the relative and repeated names are small regular files.
        return (paths.ToArray(), 30 + 2 + 1 + 1);
    }

    private string[] WriteDocuments(int count)
    {
        var paths = new string[count];
        for (var i = 0; i < count; i++)
        {
            paths[i] = Path.Combine(_directory, $"d{i}.xml");
            File.WriteAllText(paths[i], $"<domain type='qemu'><name>d{i}</name>{new string(' ', i * 37)}</domain>\n");
        }
        return paths;
    }

    private static void AssertSame(IReadOnlyList<string> paths, InputFileRead[] expected, InputFileRead[] actual)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            Assert.True(expected[i].Bytes is null == actual[i].Bytes is null, paths[i]);
            if (expected[i].Bytes is { } bytes) Assert.Equal(bytes, actual[i].Bytes);
            Assert.Equal(expected[i].Error?.Code, actual[i].Error?.Code);
            Assert.Equal(expected[i].Error?.Message, actual[i].Error?.Message);
        }
    }
}
