using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>Pid files as QEMU and the helpers write them, and what is no pid file.</summary>
public sealed class PidFilesTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dl-pidfile-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_folder.FullName, "qemu.pid");
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("23566\n", 23566)]
    [InlineData("  42 \r\n", 42)]
    [InlineData("7", 7)]
    public void The_pid_is_the_number_the_file_holds(string text, int pid) => Assert.Equal(pid, PidFiles.Read(Write(text)));

    [Theory]
    [InlineData("")]
    [InlineData("0\n")]
    [InlineData("-5\n")]
    [InlineData("12 34\n")]
    [InlineData("pid\n")]
    [InlineData("99999999999\n")]
    public void A_file_without_one_positive_pid_names_none(string text) => Assert.Null(PidFiles.Read(Write(text)));

    [Fact]
    public void A_file_longer_than_a_pid_file_names_none_even_when_it_starts_with_a_number() =>
        Assert.Null(PidFiles.Read(Write("1" + new string(' ', 100) + "\n")));

    [Fact]
    public void A_missing_file_or_a_folder_names_none()
    {
        Assert.Null(PidFiles.Read(Path.Combine(_folder.FullName, "absent.pid")));
        Assert.Null(PidFiles.Read(_folder.FullName));
    }
}
