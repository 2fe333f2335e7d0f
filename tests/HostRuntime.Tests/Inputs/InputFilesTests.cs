using System.Diagnostics;
using DomainLauncher.HostRuntime.Inputs;

namespace DomainLauncher.HostRuntime.Tests.Inputs;

/// <summary>
/// Input files read by name: a regular file (the quick path), a symbolic link to one (its target's
/// bytes, not the link's), and a named pipe (opened once, so the writer's bytes are all read).
/// </summary>
public sealed class InputFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dl-inputs-").FullName;
    private readonly byte[] _document = "<domain type='qemu'><name>a</name></domain>\n"u8.ToArray();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_regular_file_is_read_whole()
    {
        var path = Path.Combine(_directory, "a.xml");
        File.WriteAllBytes(path, _document);

        var read = InputFiles.Disk.Read(path, 1 << 20);

        Assert.Null(read.Error);
        Assert.Equal(_document, read.Bytes);
    }

    [Fact]
    public void A_symbolic_link_reads_as_its_target()
    {
        var target = Path.Combine(_directory, "a.xml");
        File.WriteAllBytes(target, _document);
        var link = Path.Combine(_directory, "link.xml");
        File.CreateSymbolicLink(link, "a.xml");

        var read = InputFiles.Disk.Read(link, 1 << 20);

        Assert.Null(read.Error);
        Assert.Equal(_document, read.Bytes);
    }

    [Fact]
    public async Task A_named_pipe_is_read_once_with_all_its_writer_wrote()
    {
        var fifo = Path.Combine(_directory, "fifo.xml");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        // The writer's open waits for the reader; a second open by the reader would wait for a writer forever.
        var writer = Task.Run(() => File.WriteAllBytes(fifo, _document));

        var read = await Task.Run(() => InputFiles.Disk.Read(fifo, 1 << 20)).WaitAsync(TimeSpan.FromSeconds(20));
        await writer.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Null(read.Error);
        Assert.Equal(_document, read.Bytes);
    }
}
