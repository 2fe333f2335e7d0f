using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// The requests virsh users make of a running guest besides changing its state: press the power button
/// and return at once, its domain XML as launched, its VNC display, and any monitor command (QMP, or
/// HMP through <c>human-monitor-command</c>).
/// </summary>
public static partial class GuestControl
{
    /// <summary>Presses the ACPI power button (<c>system_powerdown</c>) and returns: the guest decides when to stop.</summary>
    public static async Task<GuestControlResult> RequestPowerDownAsync(string runBase, string name, TimeSpan timeout)
    {
        var (directory, pid, error) = await FindAsync(runBase, name).ConfigureAwait(false);
        if (error is not null) return Failed(error);
        try
        {
            await using var monitor = await GuestMonitor.ConnectAsync(directory!.QmpSocket, timeout).ConfigureAwait(false);
            await monitor.PowerDownAsync().ConfigureAwait(false);
            return Done(new GuestStatus(name, pid, "shutdown requested", directory.QmpSocket, directory.Path));
        }
        catch (Exception e) when (IsMonitorFailure(e))
        {
            return Failed(MonitorError(directory!, "shutdown", e));
        }
    }

    /// <summary>The domain XML the guest was launched from, as the launch wrote it into the run directory.</summary>
    public static async Task<GuestRequestResult> DomainXmlAsync(string runBase, string name)
    {
        var (directory, _, error) = await FindAsync(runBase, name).ConfigureAwait(false);
        if (error is not null) return Refused(error);
        try
        {
            return new(await File.ReadAllTextAsync(directory!.DomainFile).ConfigureAwait(false), []);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refused(new Diagnostic(GuestRequestDiagnostics.NoDomainXml, Severity.Error,
                $"the domain XML of '{name}' cannot be read: {e.Message}", SourceLocation.OfFile(directory!.DomainFile)));
        }
    }

    /// <summary>
    /// The VNC display as virsh prints it: <c>HOST:DISPLAY</c> (<c>:DISPLAY</c> when it listens on every
    /// address), or <c>unix:PATH</c> for a socket; from QMP <c>query-vnc</c>.
    /// </summary>
    public static async Task<GuestRequestResult> VncDisplayAsync(string runBase, string name, TimeSpan timeout)
    {
        var answer = await SendAsync(runBase, name, "vncdisplay", "query-vnc", null, timeout).ConfigureAwait(false);
        if (answer.Value is not { } vnc) return Refused(answer.Error!);
        var where = SourceLocation.OfFile(answer.Directory!.Path);
        if (vnc.ValueKind != JsonValueKind.Object || !vnc.TryGetProperty("enabled", out var enabled) || enabled.ValueKind != JsonValueKind.True)
            return Refused(new Diagnostic(GuestRequestDiagnostics.NoVncDisplay, Severity.Error, $"domain '{name}' has no VNC display", where));
        var host = StringMember(vnc, "host") ?? "";
        var family = StringMember(vnc, "family");
        if (family == "unix")
        {
            // QEMU 7.2 reports no path for a unix socket: it is the one the launched domain names.
            var socket = host.Length > 0 ? host : VncSocketOf(answer.Directory!.DomainFile);
            return socket is null
                ? Refused(new Diagnostic(GuestRequestDiagnostics.NoVncDisplay, Severity.Error,
                    $"domain '{name}' has a VNC server on a unix socket whose path neither QEMU nor its domain XML gives", where))
                : new("unix:" + socket, []);
        }
        if (!int.TryParse(StringMember(vnc, "service"), out var port) || port < VncBasePort)
            return Refused(new Diagnostic(GuestRequestDiagnostics.NoVncDisplay, Severity.Error,
                $"domain '{name}' has a VNC server without a TCP display (service '{StringMember(vnc, "service")}')", where));
        var shown = host is "0.0.0.0" or "::" ? "" : family == "ipv6" ? $"[{host}]" : host;
        return new($"{shown}:{port - VncBasePort}", []);
    }

    /// <summary>
    /// Sends one monitor command. QMP: <paramref name="command"/> is a QMP command object
    /// (<c>{"execute": "query-status"}</c>, with <c>arguments</c> as needed) or a bare command name; the
    /// answer is <c>{"return": ...}</c> on one line. HMP (<paramref name="human"/>): the command line is
    /// passed to <c>human-monitor-command</c> and its text is the answer. QEMU's error is a DL6500.
    /// </summary>
    public static async Task<GuestRequestResult> MonitorCommandAsync(string runBase, string name, string command, bool human, TimeSpan timeout)
    {
        string execute;
        JsonElement? arguments;
        if (human)
        {
            execute = "human-monitor-command";
            arguments = QmpCommandText.Arguments("command-line", command);
        }
        else if (QmpCommandText.TryRead(command, out execute, out arguments, out var problem) is false)
        {
            return Refused(new Diagnostic(GuestRequestDiagnostics.MonitorCommandMalformed, Severity.Error, problem!, SourceLocation.OfFile("<command>")));
        }
        var answer = await SendAsync(runBase, name, "qemu-monitor-command", execute, arguments, timeout).ConfigureAwait(false);
        if (answer.Value is not { } value) return Refused(answer.Error!);
        if (human) return new(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), []);
        return new(ReturnObject(value), []);
    }

    private const int VncBasePort = 5900;

    private static string? VncSocketOf(string domainFile)
    {
        var vnc = DomainLoader.LoadFile(InputFiles.Disk, domainFile).Domain?.Devices.Graphics.OfType<VncGraphics>().FirstOrDefault();
        return vnc?.Socket ?? vnc?.Listens.OfType<SocketListen>().Select(l => l.Socket).FirstOrDefault(s => s is not null);
    }

    private static readonly JsonWriterOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string ReturnObject(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Readable))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("return");
            value.WriteTo(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string? StringMember(JsonElement value, string member) =>
        value.TryGetProperty(member, out var found) && found.ValueKind == JsonValueKind.String ? found.GetString() : null;

    private sealed record SendOutcome(JsonElement? Value, Diagnostic? Error, RunDirectory? Directory);

    private static async Task<SendOutcome> SendAsync(string runBase, string name, string what, string command, JsonElement? arguments, TimeSpan timeout)
    {
        var (directory, _, error) = await FindAsync(runBase, name).ConfigureAwait(false);
        if (error is not null) return new(null, error, null);
        try
        {
            await using var monitor = await GuestMonitor.ConnectAsync(directory!.QmpSocket, timeout).ConfigureAwait(false);
            return await monitor.SendAsync(command, arguments).ConfigureAwait(false) switch
            {
                QmpReturn reply => new(reply.Value, null, directory),
                QmpError refused => new(null, new Diagnostic(GuestRequestDiagnostics.MonitorCommandRefused, Severity.Error,
                    $"QEMU refused '{command}' for domain '{name}': {refused}", SourceLocation.OfFile(directory.Path)), directory),
                _ => throw new QmpProtocolException($"unexpected reply to '{command}'"),
            };
        }
        catch (Exception e) when (IsMonitorFailure(e))
        {
            return new(null, MonitorError(directory!, what, e), directory);
        }
    }

    private static GuestRequestResult Refused(Diagnostic error) => new(null, [error]);
}
