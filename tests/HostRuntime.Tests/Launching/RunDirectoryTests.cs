using System.Net;
using System.Net.Sockets;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.HostRuntime.Tests.Probing;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>Run directories, their lock and the start-time decisions, without QEMU.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RunDirectoryTests : IDisposable
{
    private readonly DirectoryInfo _base = Directory.CreateTempSubdirectory("dl-rundir-");

    public void Dispose() => _base.Delete(recursive: true);

    [Fact]
    public void The_default_base_is_the_XDG_runtime_folder_else_run_for_root_else_a_per_user_temp_folder()
    {
        Assert.Equal("/run/user/1000/domainlauncher", RunDirectory.DefaultBase(n => n == "XDG_RUNTIME_DIR" ? "/run/user/1000" : null, 1000));
        Assert.Equal("/run/domainlauncher", RunDirectory.DefaultBase(_ => null, 0));
        Assert.Equal("/run/domainlauncher", RunDirectory.DefaultBase(n => n == "XDG_RUNTIME_DIR" ? "relative" : null, 0));
        Assert.Equal("/tmp/domainlauncher-1000", RunDirectory.DefaultBase(_ => null, 1000));
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("..", "relative folder name")]
    [InlineData("a/b", "contains '/'")]
    [InlineData(".hidden", "starts with '.'")]
    public void A_name_that_cannot_be_a_folder_name_is_refused_saying_why(string name, string reason)
    {
        var diagnostics = new List<Diagnostic>();

        Assert.Null(RunDirectory.For(_base.FullName, name, diagnostics));

        var error = Assert.Single(diagnostics);
        Assert.Equal(RuntimeDiagnostics.BadDomainName, error.Code);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_run_directory_whose_socket_path_is_too_long_for_a_unix_socket_is_refused()
    {
        var diagnostics = new List<Diagnostic>();

        Assert.Null(RunDirectory.For(_base.FullName, new string('n', 100), diagnostics));

        Assert.Contains("longer than a unix socket allows", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void A_run_directory_holds_the_pid_file_socket_log_domain_and_lock_in_its_folder()
    {
        var directory = RunDirectory.For(_base.FullName, "guest one", [])!;

        Assert.Equal(Path.Combine(_base.FullName, "guest one"), directory.Path);
        Assert.Equal(
            ["qemu.pid", "qmp.sock", "emulator.log", "domain.xml", "lock"],
            new[] { directory.PidFile, directory.QmpSocket, directory.LogFile, directory.DomainFile, directory.LockFile }
                .Select(p => Path.GetRelativePath(directory.Path, p)));
    }

    [UnixFact]
    public async Task The_lock_is_exclusive_until_released()
    {
        var directory = RunDirectory.For(_base.FullName, "locked", [])!;
        var (first, _) = await RunDirectoryLock.AcquireAsync(directory, create: true, TimeSpan.Zero);
        Assert.NotNull(first);

        var (second, busy) = await RunDirectoryLock.AcquireAsync(directory, create: true, TimeSpan.FromMilliseconds(100));
        Assert.Null(second);
        Assert.True(busy);

        first!.Dispose();
        var (third, _) = await RunDirectoryLock.AcquireAsync(directory, create: false, TimeSpan.Zero);
        Assert.NotNull(third);
        third!.Dispose();
    }

    [UnixFact]
    public async Task A_waiter_whose_lock_file_was_deleted_by_the_holder_reports_the_folder_gone()
    {
        var directory = RunDirectory.For(_base.FullName, "going", [])!;
        var (holder, _) = await RunDirectoryLock.AcquireAsync(directory, create: true, TimeSpan.Zero);

        var waiter = RunDirectoryLock.AcquireAsync(directory, create: false, TimeSpan.FromSeconds(5));
        await Task.Delay(100);
        directory.Delete();
        holder!.Dispose();
        var (held, busy) = await waiter;

        Assert.Null(held);
        Assert.False(busy);
        Assert.False(directory.Exists);
    }

    [UnixFact]
    public void A_pid_file_naming_a_live_process_that_is_not_this_directory_s_emulator_is_not_live()
    {
        var directory = RunDirectory.For(_base.FullName, "impostor", [])!;
        directory.Create();
        File.WriteAllText(directory.PidFile, Environment.ProcessId + "\n");

        Assert.Equal(Environment.ProcessId, directory.ReadPid());
        Assert.Null(directory.LivePid());
    }

    [Fact]
    public void An_automatic_VNC_port_is_the_first_free_one_from_5900()
    {
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var taken = Enumerable.Range(VncPorts.First, 20).First(port =>
        {
            try { holder.Bind(new IPEndPoint(IPAddress.Loopback, port)); return true; }
            catch (SocketException) { return false; }
        });
        holder.Listen();
        var domain = DomainLoader.LoadText("""
            <domain type='qemu'><name>vnc</name><memory>65536</memory><os><type arch='x86_64'>hvm</type></os>
              <devices><graphics type='vnc' autoport='yes' listen='127.0.0.1'/><graphics type='vnc' port='5999' autoport='no'/></devices>
            </domain>
            """).Domain!;

        var decided = LaunchStartDefaults.Apply(domain, HostSettings.Default, [])!;

        var (automatic, fixedPort) = ((VncGraphics)decided.Devices.Graphics[0], (VncGraphics)decided.Devices.Graphics[1]);
        Assert.NotEqual(taken, automatic.Port);
        Assert.InRange(automatic.Port!.Value, VncPorts.First, 65535);
        Assert.False(automatic.AutoPort);
        Assert.Equal(5999, fixedPort.Port);
    }
}
