using System.Text.Json;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Probing;

namespace DomainLauncher.HostRuntime.Tests.Probing;

public sealed class QmpClientTests
{
    private const string Greeting = """{"QMP": {"version": {"qemu": {"micro": 1, "minor": 2, "major": 7}, "package": ""}, "capabilities": ["oob"]}}""";
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(5);

    private static long Id(string request) => JsonDocument.Parse(request).RootElement.GetProperty("id").GetInt64();

    private static string Execute(string request) => JsonDocument.Parse(request).RootElement.GetProperty("execute").GetString()!;

    private static ScriptedQmpStream Peer(Func<string, string, IEnumerable<string>> answer) =>
        new([Greeting], request => Execute(request) == "qmp_capabilities"
            ? [$$"""{"return": {}, "id": {{Id(request)}}}"""]
            : answer(Execute(request), request));

    [Fact]
    public async Task Connecting_reads_the_greeting_version_and_negotiates_capabilities()
    {
        var peer = Peer((_, _) => []);
        await using var client = await QmpClient.ConnectAsync(peer, Long, CancellationToken.None);

        Assert.Equal(new QemuVersion(7, 2, 1), client.GreetingVersion);
        Assert.Equal("qmp_capabilities", Execute(Assert.Single(peer.Received)));
    }

    [Fact]
    public async Task A_command_returns_its_return_value_skipping_events_before_it()
    {
        var peer = Peer((command, request) =>
        [
            """{"event": "RESUME", "timestamp": {"seconds": 1, "microseconds": 2}}""",
            $$"""{"return": {"arch": "x86_64"}, "id": {{Id(request)}}}""",
        ]);
        await using var client = await QmpClient.ConnectAsync(peer, Long, CancellationToken.None);

        var reply = await client.ExecuteAsync("query-target", null, Long, CancellationToken.None);

        var value = Assert.IsType<QmpReturn>(reply).Value;
        Assert.Equal("x86_64", value.GetProperty("arch").GetString());
    }

    [Fact]
    public async Task A_greeting_repeated_before_the_reply_to_qmp_capabilities_is_skipped()
    {
        // As a live probe of QEMU 7.2 on a loaded machine once received it, where qmp_capabilities' reply was due.
        var peer = new ScriptedQmpStream([Greeting, Greeting], request => [$$"""{"return": {}, "id": {{Id(request)}}}"""]);
        await using var client = await QmpClient.ConnectAsync(peer, Long, CancellationToken.None);

        Assert.Equal(new QemuVersion(7, 2, 1), client.GreetingVersion);
        Assert.IsType<QmpReturn>(await client.ExecuteAsync("query-target", null, Long, CancellationToken.None));
    }

    [Fact]
    public async Task A_command_sends_its_arguments()
    {
        var peer = Peer((_, request) => [$$"""{"return": [], "id": {{Id(request)}}}"""]);
        await using var client = await QmpClient.ConnectAsync(peer, Long, CancellationToken.None);

        using var arguments = JsonDocument.Parse("""{"typename": "virtio-blk-pci"}""");
        await client.ExecuteAsync("device-list-properties", arguments.RootElement, Long, CancellationToken.None);

        var sent = JsonDocument.Parse(peer.Received[^1]).RootElement;
        Assert.Equal("device-list-properties", sent.GetProperty("execute").GetString());
        Assert.Equal("virtio-blk-pci", sent.GetProperty("arguments").GetProperty("typename").GetString());
    }

    [Fact]
    public async Task A_qmp_error_is_returned_with_its_class_and_description()
    {
        var peer = Peer((_, request) =>
            [$$"""{"error": {"class": "CommandNotFound", "desc": "The command nope has not been found"}, "id": {{Id(request)}}}"""]);
        await using var client = await QmpClient.ConnectAsync(peer, Long, CancellationToken.None);

        var reply = await client.ExecuteAsync("nope", null, Long, CancellationToken.None);

        var error = Assert.IsType<QmpError>(reply);
        Assert.Equal("CommandNotFound", error.Class);
        Assert.Contains("nope", error.Description);
    }

    [Fact]
    public async Task A_reply_with_another_id_is_skipped()
    {
        var peer = Peer((_, request) =>
        [
            """{"return": "stale", "id": 999}""",
            $$"""{"return": "fresh", "id": {{Id(request)}}}""",
        ]);
        await using var client = await QmpClient.ConnectAsync(peer, Long, CancellationToken.None);

        var reply = await client.ExecuteAsync("x", null, Long, CancellationToken.None);

        Assert.Equal("fresh", Assert.IsType<QmpReturn>(reply).Value.GetString());
    }

    [Fact]
    public async Task A_silent_peer_times_out_within_the_timeout()
    {
        var peer = Peer((_, _) => []);
        await using var client = await QmpClient.ConnectAsync(peer, Long, CancellationToken.None);
        var started = DateTime.UtcNow;

        var e = await Assert.ThrowsAsync<TimeoutException>(() => client.ExecuteAsync("query-version", null, Short, CancellationToken.None));

        Assert.Contains("query-version", e.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_a_cancellation_not_a_timeout()
    {
        var peer = Peer((_, _) => []);
        await using var client = await QmpClient.ConnectAsync(peer, Long, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ExecuteAsync("query-version", null, Long, cancel.Token));
    }

    [Fact]
    public async Task A_peer_that_does_not_greet_with_QMP_is_a_protocol_error()
    {
        var peer = new ScriptedQmpStream(["""{"hello": 1}"""], _ => []);

        var e = await Assert.ThrowsAsync<QmpProtocolException>(() => QmpClient.ConnectAsync(peer, Long, CancellationToken.None));

        Assert.Contains("QMP", e.Message);
    }

    [Fact]
    public async Task A_peer_that_sends_text_is_a_protocol_error()
    {
        var peer = new ScriptedQmpStream(["qemu: unknown option"], _ => []);

        var e = await Assert.ThrowsAsync<QmpProtocolException>(() => QmpClient.ConnectAsync(peer, Long, CancellationToken.None));

        Assert.Contains("not JSON", e.Message);
    }

    [Fact]
    public async Task A_peer_that_closes_the_stream_is_a_protocol_error()
    {
        var peer = new ScriptedQmpStream([], _ => []);
        peer.End();

        var e = await Assert.ThrowsAsync<QmpProtocolException>(() => QmpClient.ConnectAsync(peer, Long, CancellationToken.None));

        Assert.Contains("ended", e.Message);
    }

    [Fact]
    public async Task A_refused_capability_negotiation_is_a_protocol_error()
    {
        var peer = new ScriptedQmpStream([Greeting],
            request => [$$"""{"error": {"class": "GenericError", "desc": "no"}, "id": {{Id(request)}}}"""]);

        var e = await Assert.ThrowsAsync<QmpProtocolException>(() => QmpClient.ConnectAsync(peer, Long, CancellationToken.None));

        Assert.Contains("qmp_capabilities", e.Message);
    }

    [Fact]
    public async Task A_command_and_its_newline_go_out_in_one_write()
    {
        // QEMU acts on a complete JSON object at once; after 'quit' a separate newline write would fail.
        var peer = Peer((_, request) => [$$"""{"return": {}, "id": {{Id(request)}}}"""]);
        await using var client = await QmpClient.ConnectAsync(peer, Long, CancellationToken.None);
        var before = peer.WriteCount;

        await client.ExecuteAsync("quit", null, Long, CancellationToken.None);

        Assert.Equal(before + 1, peer.WriteCount);
    }

    [Fact]
    public async Task Connecting_with_commands_sends_them_with_qmp_capabilities_in_one_write_and_returns_their_replies_in_order()
    {
        var peer = new ScriptedQmpStream([Greeting], request => Execute(request) switch
        {
            "qmp_capabilities" => [$$"""{"return": {}, "id": {{Id(request)}}}"""],
            "cont" =>
            [
                $$"""{"error": {"class": "GenericError", "desc": "not now"}, "id": {{Id(request)}}}""",
                """{"event": "RESUME", "timestamp": {"seconds": 1, "microseconds": 2}}""",
            ],
            _ => [$$"""{"return": {"status": "running"}, "id": {{Id(request)}}}"""],
        });

        var (client, replies) = await QmpClient.ConnectAndExecuteAsync(peer, ["cont", "query-status"], Long, CancellationToken.None);
        await using var _ = client;

        Assert.Equal(1, peer.WriteCount);
        Assert.Equal(["qmp_capabilities", "cont", "query-status"], peer.Received.Select(Execute));
        Assert.Equal(new QemuVersion(7, 2, 1), client.GreetingVersion);
        Assert.Equal(2, replies.Count);
        Assert.Equal("not now", Assert.IsType<QmpError>(replies[0]).Description);
        Assert.Equal("running", Assert.IsType<QmpReturn>(replies[1]).Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Connecting_with_commands_refuses_a_peer_that_refuses_qmp_capabilities()
    {
        var peer = new ScriptedQmpStream([Greeting], request =>
            [$$"""{"error": {"class": "CommandNotFound", "desc": "no"}, "id": {{Id(request)}}}"""]);

        var e = await Assert.ThrowsAsync<QmpProtocolException>(() =>
            QmpClient.ConnectAndExecuteAsync(peer, ["query-status"], Long, CancellationToken.None));

        Assert.Contains("qmp_capabilities was refused", e.Message);
    }
}
