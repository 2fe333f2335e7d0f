using System.Net.Sockets;
using System.Text.Json;
using DomainLauncher.HostRuntime.Probing;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// A QMP conversation with a launched guest over its run directory's socket (QEMU's monitor
/// chardev, which serves one client at a time: keep conversations short). Every call is bounded by
/// <see cref="Timeout"/>; failures surface as <see cref="QmpProtocolException"/>, <see cref="QmpCommandException"/>,
/// <see cref="TimeoutException"/>, <see cref="IOException"/> or <see cref="SocketException"/>.
/// </summary>
public sealed class GuestMonitor : IAsyncDisposable
{
    private readonly QmpClient _qmp;

    private GuestMonitor(QmpClient qmp, TimeSpan timeout)
    {
        _qmp = qmp;
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }

    public static async Task<GuestMonitor> ConnectAsync(string socketPath, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var stream = await ConnectSocketAsync(socketPath, timeout, cancellation).ConfigureAwait(false);
        var qmp = await QmpClient.ConnectAsync(stream, timeout, cancellation).ConfigureAwait(false);
        return new GuestMonitor(qmp, timeout);
    }

    /// <summary>
    /// Connects and runs <paramref name="commands"/> in the same round trip as the capability negotiation
    /// (see <see cref="QmpClient.ConnectAndExecuteAsync"/>); a command QEMU refused is a <see cref="QmpCommandException"/>
    /// (the first one, in order). The return values come in the order of the commands.
    /// </summary>
    public static async Task<(GuestMonitor Monitor, IReadOnlyList<JsonElement> Values)> ConnectAndExecuteAsync(
        string socketPath, IReadOnlyList<string> commands, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var stream = await ConnectSocketAsync(socketPath, timeout, cancellation).ConfigureAwait(false);
        var (qmp, replies) = await QmpClient.ConnectAndExecuteAsync(stream, commands, timeout, cancellation).ConfigureAwait(false);
        var monitor = new GuestMonitor(qmp, timeout);
        try
        {
            return (monitor, [.. replies.Select((reply, i) => ValueOf(commands[i], reply))]);
        }
        catch
        {
            await monitor.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The run state a <c>query-status</c> returned: running, paused, prelaunch, ...</summary>
    public static string StatusOf(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
            ? status.GetString()!
            : throw new QmpProtocolException("query-status returned no 'status' string: " + value.GetRawText());

    /// <summary>The monitor's socket, read and written with blocking calls (see <see cref="BlockingSocketStream"/> for why).</summary>
    private static Task<Stream> ConnectSocketAsync(string socketPath, TimeSpan timeout, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        return Task.FromResult<Stream>(BlockingSocketStream.Connect(socketPath, timeout));
    }

    /// <summary>Wraps a negotiated client (a foreground emulator's).</summary>
    public static GuestMonitor Over(QmpClient qmp, TimeSpan timeout) => new(qmp, timeout);

    /// <summary>QEMU's run state from <c>query-status</c>: running, paused, shutdown, prelaunch, inmigrate, guest-panicked, ...</summary>
    public async Task<string> StatusAsync(CancellationToken cancellation = default)
    {
        return StatusOf(await ExecuteAsync("query-status", cancellation).ConfigureAwait(false));
    }

    /// <summary>Pauses the vCPUs (<c>stop</c>).</summary>
    public Task PauseAsync(CancellationToken cancellation = default) => ExecuteAsync("stop", cancellation);

    /// <summary>Runs the vCPUs (<c>cont</c>).</summary>
    public Task ContinueAsync(CancellationToken cancellation = default) => ExecuteAsync("cont", cancellation);

    /// <summary>Presses the ACPI power button (<c>system_powerdown</c>); the guest decides what to do.</summary>
    public Task PowerDownAsync(CancellationToken cancellation = default) => ExecuteAsync("system_powerdown", cancellation);

    /// <summary>Asks QEMU to exit now (<c>quit</c>); the socket may close before the reply arrives, which is success too.</summary>
    public async Task QuitAsync(CancellationToken cancellation = default)
    {
        try
        {
            await ExecuteAsync("quit", cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is QmpProtocolException or IOException or SocketException)
        {
            // QEMU closed the connection as it exited.
        }
    }

    public ValueTask DisposeAsync() => _qmp.DisposeAsync();

    /// <summary>Any QMP command, its reply as QEMU gave it (an error is a reply here, not an exception).</summary>
    public Task<QmpReply> SendAsync(string command, JsonElement? arguments, CancellationToken cancellation = default) =>
        _qmp.ExecuteAsync(command, arguments, Timeout, cancellation);

    private async Task<JsonElement> ExecuteAsync(string command, CancellationToken cancellation)
    {
        return ValueOf(command, await _qmp.ExecuteAsync(command, null, Timeout, cancellation).ConfigureAwait(false));
    }

    private static JsonElement ValueOf(string command, QmpReply reply)
    {
        return reply switch
        {
            QmpReturn value => value.Value,
            QmpError error => throw new QmpCommandException(command, error),
            _ => throw new QmpProtocolException($"unexpected reply to '{command}'"),
        };
    }
}
