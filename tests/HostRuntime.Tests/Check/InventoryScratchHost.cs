using System.Net;
using System.Net.Sockets;
using CliWrap;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.HostRuntime.Tests.Check;

/// <summary>
/// Real host resources for live checks, all in one temporary folder: scratch disk images made by
/// qemu-img, paths for sockets and log files, and a TCP peer that accepts connections for the chardevs
/// that connect (USB redirection, smartcard pass-through). Disposing removes the folder and the peer.
/// </summary>
internal sealed class InventoryScratchHost : IDisposable
{
    private const string QemuImg = "/usr/bin/qemu-img";
    private readonly TcpListener _peer = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _accepted = [];

    public InventoryScratchHost()
    {
        Folder = Directory.CreateTempSubdirectory("dl-check-test-").FullName;
        _peer.Start();
        _ = AcceptAsync();
    }

    public string Folder { get; }

    /// <summary>The port of a local peer that accepts every connection and stays silent.</summary>
    public int PeerPort => ((IPEndPoint)_peer.LocalEndpoint).Port;

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Creates an image with qemu-img (started directly, an argument list) and returns its path.</summary>
    public async Task<string> ImageAsync(string name, string format, string size = "8M")
    {
        var path = PathOf(name);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await Cli.Wrap(QemuImg).WithArguments(["create", "-q", "-f", format, path, size])
            .WithValidation(CommandResultValidation.None).ExecuteAsync(limit.Token);
        Assert.Equal(0, result.ExitCode);
        return path;
    }

    /// <summary>Parses a domain written in a test; it must read without errors.</summary>
    public static Domain Parse(string xml)
    {
        var parsed = DomainLoader.LoadText(xml, "inline.xml");
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics.Select(d => d.Format())));
        return parsed.Domain!;
    }

    /// <summary>The probed emulator as the command-line builder sees it.</summary>
    public static EmulatorDescription Emulator(ProbeResult probe) => ProbeCapabilityRules.Describe(probe);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _peer.AcceptSocketAsync();
                lock (_accepted) _accepted.Add(socket);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The listener was stopped.
        }
    }

    public void Dispose()
    {
        _peer.Stop();
        lock (_accepted) foreach (var socket in _accepted) socket.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
