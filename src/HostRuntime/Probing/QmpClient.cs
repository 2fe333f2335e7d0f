using DomainLauncher.Drivers.Qemu.Capabilities;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace DomainLauncher.HostRuntime.Probing;

/// <summary>
/// A QMP client over any duplex stream (a unix socket to QEMU, or a scripted fake in tests).
/// <see cref="ConnectAsync"/> reads the greeting and leaves capability negotiation with
/// <c>qmp_capabilities</c>; <see cref="ExecuteAsync"/> sends one command and waits for its reply,
/// skipping asynchronous events. Every wait is bounded by a timeout and a cancellation token; a
/// timeout surfaces as <see cref="TimeoutException"/>. One command at a time (not thread-safe).
/// </summary>
public sealed class QmpClient : IAsyncDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Stream _stream;
    private readonly QmpLineReader _reader;
    private long _nextId;

    private QmpClient(Stream stream, QemuVersion? greetingVersion)
    {
        _stream = stream;
        _reader = new QmpLineReader(stream);
        GreetingVersion = greetingVersion;
    }

    /// <summary>The QEMU version the greeting announced.</summary>
    public QemuVersion? GreetingVersion { get; private set; }

    /// <summary>Reads the greeting and negotiates capabilities, all within <paramref name="timeout"/>.</summary>
    public static async Task<QmpClient> ConnectAsync(Stream stream, TimeSpan timeout, CancellationToken cancellation)
    {
        var client = new QmpClient(stream, null);
        try
        {
            using (var limit = Limit(timeout, cancellation))
                await client.ReadGreetingAsync(timeout, limit.Token, cancellation).ConfigureAwait(false);
            var reply = await client.ExecuteAsync("qmp_capabilities", null, timeout, cancellation).ConfigureAwait(false);
            if (reply is QmpError error)
                throw new QmpProtocolException("qmp_capabilities was refused: " + error);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Negotiates capabilities and runs <paramref name="commands"/> (without arguments) in one round trip:
    /// <c>qmp_capabilities</c> and the commands go out in one write before the greeting is read, and the
    /// replies are read in the order of the commands. QMP runs the commands of a connection in the order
    /// they arrive (without out-of-band execution, which is not negotiated here), so each command sees the
    /// capabilities negotiated and the effect of the one before it. A command's error is its reply, not an
    /// exception; a refused <c>qmp_capabilities</c> is a <see cref="QmpProtocolException"/>. All within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<(QmpClient Client, IReadOnlyList<QmpReply> Replies)> ConnectAndExecuteAsync(
        Stream stream, IReadOnlyList<string> commands, TimeSpan timeout, CancellationToken cancellation)
    {
        var client = new QmpClient(stream, null);
        try
        {
            using var limit = Limit(timeout, cancellation);
            string[] names = ["qmp_capabilities", .. commands];
            var ids = new long[names.Length];
            var batch = new ArrayBufferWriter<byte>();
            for (var i = 0; i < names.Length; i++)
            {
                ids[i] = ++client._nextId;
                batch.Write(Line(names[i], null, ids[i]));
            }
            await client.WriteAsync(batch.WrittenMemory, string.Join(", ", names), timeout, limit.Token, cancellation).ConfigureAwait(false);
            await client.ReadGreetingAsync(timeout, limit.Token, cancellation).ConfigureAwait(false);
            var replies = new List<QmpReply>(commands.Count);
            for (var i = 0; i < names.Length; i++)
            {
                var reply = await client.ReadReplyAsync(names[i], ids[i], timeout, limit.Token, cancellation).ConfigureAwait(false);
                if (i == 0)
                {
                    if (reply is QmpError error) throw new QmpProtocolException("qmp_capabilities was refused: " + error);
                }
                else replies.Add(reply);
            }
            return (client, replies);
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends <paramref name="command"/> with optional arguments (a JSON object) and returns its reply.</summary>
    public async Task<QmpReply> ExecuteAsync(string command, JsonElement? arguments, TimeSpan timeout, CancellationToken cancellation)
    {
        using var limit = Limit(timeout, cancellation);
        var id = ++_nextId;
        await WriteAsync(Line(command, arguments, id), command, timeout, limit.Token, cancellation).ConfigureAwait(false);
        return await ReadReplyAsync(command, id, timeout, limit.Token, cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// One command as one line. It is written in one write holding the newline: QEMU acts on a complete
    /// JSON object before the newline arrives, and after 'quit' a second write would hit a closed socket.
    /// </summary>
    private static byte[] Line(string command, JsonElement? arguments, long id)
    {
        // Written directly rather than through a serializer context, whose set-up cost a launch paid for three small objects.
        var line = new ArrayBufferWriter<byte>(64);
        using (var json = new Utf8JsonWriter(line))
        {
            json.WriteStartObject();
            json.WriteString("execute", command);
            if (arguments is { } value)
            {
                json.WritePropertyName("arguments");
                value.WriteTo(json);
            }
            json.WriteNumber("id", id);
            json.WriteEndObject();
        }
        line.Write("\n"u8);
        return line.WrittenSpan.ToArray();
    }

    private async Task WriteAsync(ReadOnlyMemory<byte> lines, string what, TimeSpan timeout, CancellationToken limit, CancellationToken cancellation)
    {
        try
        {
            await _stream.WriteAsync(lines, limit).ConfigureAwait(false);
            await _stream.FlushAsync(limit).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"sending '{what}' took longer than {timeout.TotalSeconds:0.###} s");
        }
    }

    private async Task ReadGreetingAsync(TimeSpan timeout, CancellationToken limit, CancellationToken cancellation)
    {
        using var greeting = await ReadMessageAsync("the greeting", timeout, limit, cancellation).ConfigureAwait(false);
        if (!greeting.RootElement.TryGetProperty("QMP", out var qmp) || qmp.ValueKind != JsonValueKind.Object)
            throw new QmpProtocolException("the peer did not greet with a QMP object: " + Shorten(greeting.RootElement.GetRawText()));
        if (qmp.TryGetProperty("version", out var version))
            GreetingVersion = ReadVersion(version);
    }

    /// <summary>The reply with <paramref name="id"/>, skipping events, repeated greetings and late replies to earlier commands.</summary>
    private async Task<QmpReply> ReadReplyAsync(string command, long id, TimeSpan timeout, CancellationToken limit, CancellationToken cancellation)
    {
        while (true)
        {
            using var message = await ReadMessageAsync($"the reply to '{command}'", timeout, limit, cancellation).ConfigureAwait(false);
            var root = message.RootElement;
            if (root.TryGetProperty("event", out _)) continue;
            // A greeting is never a reply: a second one, which a live probe of QEMU 7.2 on a loaded CI machine received
            // where qmp_capabilities' reply was due, is passed over like an event.
            if (root.TryGetProperty("QMP", out _)) continue;
            if (root.TryGetProperty("id", out var replyId) && !(replyId.ValueKind == JsonValueKind.Number && replyId.TryGetInt64(out var n) && n == id))
                continue; // a late reply to an earlier command that timed out
            if (root.TryGetProperty("return", out var value)) return new QmpReturn(value.Clone());
            if (root.TryGetProperty("error", out var error))
                return new QmpError(StringMember(error, "class") ?? "GenericError", StringMember(error, "desc") ?? "");
            throw new QmpProtocolException($"the reply to '{command}' has neither 'return' nor 'error': " + Shorten(root.GetRawText()));
        }
    }

    /// <summary>Sends a command and deserializes its return value; a QMP error becomes <see cref="QmpCommandException"/>.</summary>
    internal async Task<T> QueryAsync<T>(string command, JsonElement? arguments, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type,
        TimeSpan timeout, CancellationToken cancellation)
    {
        var reply = await ExecuteAsync(command, arguments, timeout, cancellation).ConfigureAwait(false);
        if (reply is QmpError error) throw new QmpCommandException(command, error);
        var value = ((QmpReturn)reply).Value;
        try
        {
            return value.Deserialize(type) ?? throw new QmpProtocolException($"'{command}' returned null");
        }
        catch (JsonException e)
        {
            throw new QmpProtocolException($"'{command}' returned an unexpected shape: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync() => await _stream.DisposeAsync().ConfigureAwait(false);

    private async Task<JsonDocument> ReadMessageAsync(string what, TimeSpan timeout, CancellationToken limit, CancellationToken cancellation)
    {
        while (true)
        {
            ReadOnlyMemory<byte>? read;
            try
            {
                read = await _reader.ReadLineAsync(limit).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                throw new TimeoutException($"{what} did not arrive within {timeout.TotalSeconds:0.###} s");
            }
            if (read is not { } line) throw new QmpProtocolException($"the stream ended while waiting for {what}");
            if (IsBlank(line.Span)) continue;
            // JSON text must be UTF-8; a message that is not is refused here, not when a string in it is read.
            if (!System.Text.Unicode.Utf8.IsValid(line.Span))
                throw new QmpProtocolException($"{what} is not valid UTF-8: {Shorten(line)}");
            try
            {
                var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
                document.Dispose();
            }
            catch (JsonException e)
            {
                throw new QmpProtocolException($"{what} is not JSON: {Shorten(line)}", e);
            }
            throw new QmpProtocolException($"{what} is not a JSON object: {Shorten(line)}");
        }
    }

    private static CancellationTokenSource Limit(TimeSpan timeout, CancellationToken cancellation)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        source.CancelAfter(timeout);
        return source;
    }

    /// <summary>The <c>qemu</c> triple of a version object (the greeting's, <c>query-version</c>'s), else null.</summary>
    internal static QemuVersion? ReadVersion(JsonElement version) =>
        version.ValueKind == JsonValueKind.Object && version.TryGetProperty("qemu", out var qemu) && qemu.ValueKind == JsonValueKind.Object
        && Int(qemu, "major") is { } major && Int(qemu, "minor") is { } minor && Int(qemu, "micro") is { } micro
            ? new QemuVersion(major, minor, micro)
            : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static string? StringMember(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";

    private static string Shorten(ReadOnlyMemory<byte> line) => Shorten(Utf8.GetString(line.Span[..Math.Min(line.Length, 800)]));

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        return true;
    }
}
