using System.Net;
using System.Net.Sockets;
using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.HostRuntime.Tests.Probing;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>Launches that must fail with QEMU's own words (or ours), leaving no process and no run directory.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class GuestLaunchFailureTests : GuestTestBase
{
    [QemuBinaryFact]
    public async Task A_missing_disk_image_fails_with_QEMU_s_message_and_leaves_nothing()
    {
        var domain = await Guests.LoadAsync("virtio-qcow2");
        File.Delete(Path.Combine(Guests.HostFolder, "virtio-qcow2.qcow2"));

        var error = await LaunchFailsAsync(domain);

        Assert.Equal(RuntimeDiagnostics.StartFailed, error.Code);
        Assert.Contains("virtio-qcow2.qcow2", error.Message);
        Assert.Contains("No such file or directory", error.Message);
    }

    [QemuBinaryFact]
    public async Task An_option_QEMU_rejects_fails_with_QEMU_s_message_and_leaves_nothing()
    {
        // <qemu:commandline> passes words to QEMU unchecked: the way a domain can carry an option QEMU refuses.
        var domain = DomainLoader.LoadText("""
            <domain type='qemu' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
              <name>bad-option</name>
              <memory>65536</memory>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator></devices>
              <qemu:commandline><qemu:arg value='-no-such-option'/></qemu:commandline>
            </domain>
            """).Domain!;

        var error = await LaunchFailsAsync(domain);

        Assert.Contains("-no-such-option: invalid option", error.Message);
    }

    [QemuBinaryFact]
    public async Task A_VNC_port_in_use_fails_with_QEMU_s_message_and_leaves_nothing()
    {
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        holder.Listen();
        var port = ((IPEndPoint)holder.LocalEndPoint!).Port;
        var domain = await Guests.LoadAsync("usb-tablet-vnc-tcp");
        domain = domain with
        {
            Devices = domain.Devices with
            {
                Graphics = [.. domain.Devices.Graphics.Select(g => g is VncGraphics vnc ? vnc with { Port = port, AutoPort = false } : g)],
            },
        };

        var error = await LaunchFailsAsync(domain);

        Assert.Contains("Address already in use", error.Message);
    }

    [QemuBinaryFact]
    public async Task A_bridge_the_helper_s_ACL_does_not_allow_is_refused_before_anything_starts_saying_how_to_allow_it()
    {
        var domain = DomainLoader.LoadText("""
            <domain type='qemu'>
              <name>bridged</name>
              <memory>65536</memory>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices>
                <emulator>/usr/bin/qemu-system-x86_64</emulator>
                <interface type='bridge'><source bridge='br0'/><model type='virtio'/></interface>
              </devices>
            </domain>
            """, "bridged.xml").Domain!;

        // This host as the rule sees it: the helper installed, the bridge there, its ACL allowing another bridge only.
        var networks = new HostRuntime.Helpers.HostNetworks.Host
        {
            ReadFile = path => path == HostRuntime.Helpers.BridgeHelperAcl.DefaultFile ? "allow virbr0\n" : null,
            BridgeExists = _ => true,
            BridgeHelper = "/usr/lib/qemu/qemu-bridge-helper",
        };
        var error = await LaunchFailsAsync(domain, request => request with { Networks = networks });

        Assert.Equal(HostRuntime.Helpers.HelperDiagnostics.BridgeNotAllowed, error.Code);
        Assert.Contains("'allow br0'", error.Message);
        Assert.Equal(7, error.Location.Line);
    }

    [QemuBinaryFact]
    public async Task A_macvtap_interface_is_refused_before_anything_starts()
    {
        var domain = DomainLoader.LoadText("""
            <domain type='qemu'>
              <name>macvtap</name>
              <memory>65536</memory>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices>
                <emulator>/usr/bin/qemu-system-x86_64</emulator>
                <interface type='direct'><source dev='eth0' mode='bridge'/><model type='virtio'/></interface>
              </devices>
            </domain>
            """, "macvtap.xml").Domain!;

        var error = await LaunchFailsAsync(domain);

        Assert.Equal(RuntimeDiagnostics.HostNetworkRefused, error.Code);
        Assert.Contains("'direct'", error.Message);
        Assert.Equal(7, error.Location.Line);
    }

    [QemuBinaryFact]
    public async Task A_second_launch_of_a_running_name_is_refused_and_leaves_the_first_alone()
    {
        var domain = await Guests.LoadAsync("watchdog");
        var first = await GuestLauncher.LaunchAsync(await Request(domain));
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        try
        {
            var second = await GuestLauncher.LaunchAsync(await Request(domain));

            var error = Assert.Single(second.Diagnostics, d => d.IsError);
            Assert.Equal(RuntimeDiagnostics.AlreadyRunning, error.Code);
            Assert.Contains($"pid {first.Guest!.Pid}", error.Message);
            Assert.True(EmulatorLiveness.IsAlive(first.Guest.Pid));
            Assert.True(File.Exists(Path.Combine(first.Guest.RunDirectory, "qmp.sock")));
        }
        finally
        {
            await GuestControl.DestroyAsync(RunBase.FullName, domain.Name, Timeout);
            Assert.False(EmulatorLiveness.IsAlive(first.Guest!.Pid));
        }
    }

    [QemuBinaryFact]
    public async Task Two_launches_of_one_name_at_once_start_one_guest()
    {
        var domain = await Guests.LoadAsync("sound");
        var request = await Request(domain);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => GuestLauncher.LaunchAsync(request))));

        try
        {
            var winner = Assert.Single(outcomes, o => o.Succeeded);
            Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Contains(o.Diagnostics, d =>
                d.Code == RuntimeDiagnostics.AlreadyRunning || d.Code == RuntimeDiagnostics.DomainBusy));
            Assert.Equal("running", winner.Guest!.State);
        }
        finally
        {
            await GuestControl.DestroyAsync(RunBase.FullName, domain.Name, Timeout);
            foreach (var o in outcomes.Where(o => o.Succeeded)) Assert.False(EmulatorLiveness.IsAlive(o.Guest!.Pid));
        }
    }

    [QemuBinaryFact]
    public async Task A_stale_run_directory_of_a_dead_emulator_is_cleaned_and_the_name_launches()
    {
        var domain = await Guests.LoadAsync("two-nics");
        var stale = Path.Combine(RunBase.FullName, domain.Name);
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "qemu.pid"), "999999\n");
        File.WriteAllText(Path.Combine(stale, "emulator.log"), "from an earlier run\n");
        File.WriteAllText(Path.Combine(stale, "qmp.sock"), "");

        var launch = await GuestLauncher.LaunchAsync(await Request(domain));

        Assert.True(launch.Succeeded, string.Join("\n", launch.Diagnostics));
        Assert.DoesNotContain("earlier run", File.ReadAllText(Path.Combine(stale, "emulator.log")));
        var destroyed = await GuestControl.DestroyAsync(RunBase.FullName, domain.Name, Timeout);
        Assert.True(destroyed.Succeeded);
        Assert.False(Directory.Exists(stale));
    }

    [UnixFact]
    public async Task A_command_on_a_stale_name_reports_it_not_running_and_removes_the_directory()
    {
        var stale = Path.Combine(RunBase.FullName, "gone");
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "qemu.pid"), Environment.ProcessId + "\n"); // alive, but not an emulator of this directory

        var status = await GuestControl.StatusAsync(RunBase.FullName, "gone", Timeout);

        var error = Assert.Single(status.Diagnostics);
        Assert.Equal(RuntimeDiagnostics.NotRunning, error.Code);
        Assert.Contains("stale run directory", error.Message);
        Assert.False(Directory.Exists(stale));
        Assert.Empty(await GuestControl.ListAsync(RunBase.FullName, Timeout));
    }

    [UnixFact]
    public async Task List_reports_a_stale_name_dead_once_and_removes_its_directory()
    {
        var stale = Path.Combine(RunBase.FullName, "crashed");
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "qemu.pid"), Environment.ProcessId + "\n"); // alive, but not an emulator of this directory

        var listed = Assert.Single(await GuestControl.ListAsync(RunBase.FullName, Timeout));

        Assert.Equal(("crashed", null, "dead"), (listed.Name, listed.Pid, listed.State));
        Assert.False(Directory.Exists(stale));
        Assert.Empty(await GuestControl.ListAsync(RunBase.FullName, Timeout));
    }

    [UnixFact]
    public async Task A_command_on_an_unknown_name_says_so()
    {
        foreach (var command in new[]
        {
            GuestControl.StatusAsync(RunBase.FullName, "nobody", Timeout),
            GuestControl.SuspendAsync(RunBase.FullName, "nobody", Timeout),
            GuestControl.ResumeAsync(RunBase.FullName, "nobody", Timeout),
            GuestControl.ShutdownAsync(RunBase.FullName, "nobody", TimeSpan.FromSeconds(1), Timeout),
            GuestControl.DestroyAsync(RunBase.FullName, "nobody", Timeout),
        })
        {
            var error = Assert.Single((await command).Diagnostics);
            Assert.Equal(RuntimeDiagnostics.NotRunning, error.Code);
            Assert.Contains("no domain named 'nobody' is running", error.Message);
        }
    }

    private async Task<Translator.Diagnostics.Diagnostic> LaunchFailsAsync(Domain domain, Func<LaunchRequest, LaunchRequest>? adjust = null)
    {
        var before = EmulatorsOf(RunBase.FullName);
        var request = await Request(domain);
        var outcome = await GuestLauncher.LaunchAsync(adjust is null ? request : adjust(request));
        Assert.False(outcome.Succeeded);
        Assert.False(Directory.Exists(Path.Combine(RunBase.FullName, domain.Name)), "the run directory was left behind");
        Assert.Equal(before, EmulatorsOf(RunBase.FullName));
        return Assert.Single(outcome.Diagnostics, d => d.IsError);
    }

    /// <summary>Live processes whose command line mentions the run base: emulators this class started.</summary>
    internal static int EmulatorsOf(string runBase) => PidsOf(runBase).Count;

    internal static List<int> PidsOf(string runBase) =>
        [.. Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && EmulatorLiveness.IsAlive(pid) && ReadCommandLine(pid).Contains(runBase, StringComparison.Ordinal))];

    private static string ReadCommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline"); }
        catch (IOException) { return ""; }
    }

}
