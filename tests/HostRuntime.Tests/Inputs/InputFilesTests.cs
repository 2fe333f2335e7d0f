using System.Diagnostics;
using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Tests.Inputs;

/// <summary>
/// Input files read by name: a regular file (the quick path), a symbolic link to one (its target's
/// bytes, not the link's), a named pipe (opened once, so the writer's bytes are all read), an empty
/// file, a directory, a missing file, and a device with no end (read up to the limit, then refused).
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

    [Fact]
    public void An_empty_file_reads_as_no_bytes()
    {
        var path = Path.Combine(_directory, "empty.xml");
        File.WriteAllBytes(path, []);

        var read = InputFiles.Disk.Read(path, 1 << 20);

        Assert.Null(read.Error);
        Assert.Empty(read.Bytes!);
    }

    [Fact]
    public void A_directory_is_refused_as_unreadable()
    {
        var read = InputFiles.Disk.Read(_directory, 1 << 20);

        Assert.Equal(DiagnosticCatalog.FileUnreadable, read.Error!.Code);
        Assert.Contains("directory", read.Error.Message);
    }

    [Fact]
    public void A_missing_file_is_refused_as_not_found()
    {
        var read = InputFiles.Disk.Read(Path.Combine(_directory, "missing.xml"), 1 << 20);

        Assert.Equal(DiagnosticCatalog.FileNotFound, read.Error!.Code);
    }

    [Fact]
    public void A_regular_file_over_the_limit_is_refused_by_its_length()
    {
        var path = Path.Combine(_directory, "a.xml");
        File.WriteAllBytes(path, _document);

        var read = InputFiles.Disk.Read(path, _document.Length - 1);

        Assert.Equal(DiagnosticCatalog.FileTooLarge, read.Error!.Code);
        Assert.Contains($"file is {_document.Length} bytes", read.Error.Message);
    }

    [Fact]
    public async Task A_device_with_no_end_is_read_up_to_the_limit_then_refused()
    {
        var read = await Task.Run(() => InputFiles.Disk.Read("/dev/zero", 1 << 20)).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(DiagnosticCatalog.FileTooLarge, read.Error!.Code);
        Assert.Contains("more than the limit of 1048576 bytes", read.Error.Message);
    }
}
