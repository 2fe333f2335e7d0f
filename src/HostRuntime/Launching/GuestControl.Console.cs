using System.Net.Sockets;
using System.Text.Json;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// A running guest's serial console, as <c>virsh console</c> attaches to it: the host end of its first
/// serial port (QMP <c>query-chardev</c>), a pseudo-terminal or a unix socket, joined to the caller's
/// input and output until the escape byte (Ctrl-], 0x1D) arrives, the input ends or the guest's end closes.
/// </summary>
public static partial class GuestControl
{
    /// <summary>Ctrl-]: the byte that leaves the console, as in virsh and telnet.</summary>
    public const byte ConsoleEscape = 0x1D;

    /// <summary>The host end of the guest's serial console: <c>pty:/dev/pts/N</c> or <c>unix:PATH</c>.</summary>
    public static async Task<GuestRequestResult> ConsoleEndpointAsync(string runBase, string name, TimeSpan timeout)
    {
        var answer = await SendAsync(runBase, name, "console", "query-chardev", null, timeout).ConfigureAwait(false);
        if (answer.Value is not { } chardevs) return Refused(answer.Error!);
        var where = SourceLocation.OfFile(answer.Directory!.Path);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (chardevs.ValueKind == JsonValueKind.Array)
            foreach (var chardev in chardevs.EnumerateArray())
                if (StringMember(chardev, "label") is { } label && StringMember(chardev, "filename") is { } filename)
                    found[label] = filename;
        // libvirt's names: the first serial port's chardev, else a console's.
        var chosen = new[] { "charserial0", "charconsole0" }.Select(l => found.GetValueOrDefault(l))
            .Concat(found.Where(f => f.Key.StartsWith("charserial", StringComparison.Ordinal)).Select(f => f.Value))
            .FirstOrDefault(f => f is not null && (f.StartsWith("pty:", StringComparison.Ordinal) || f.StartsWith("unix:", StringComparison.Ordinal)));
        if (chosen is null)
            return Refused(new Diagnostic(GuestRequestDiagnostics.NoSerialConsole, Severity.Error,
                $"domain '{name}' has no serial console on a pseudo-terminal or unix socket to attach to", where));
        // A unix socket's filename carries QEMU's options after a comma: unix:PATH,server=on.
        return new(chosen.StartsWith("unix:", StringComparison.Ordinal) ? chosen.Split(',')[0] : chosen, []);
    }

    /// <summary>
    /// Joins <paramref name="input"/> and <paramref name="output"/> to the console at <paramref name="endpoint"/>
    /// until the escape byte, the end of the input or the console closing; null when that happened, else the error.
    /// </summary>
    public static async Task<Diagnostic?> AttachConsoleAsync(string endpoint, Stream input, Stream output, CancellationToken cancellation)
    {
        Stream console;
        try
        {
            if (endpoint.StartsWith("pty:", StringComparison.Ordinal))
            {
                console = new FileStream(endpoint["pty:".Length..], FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
            }
            else
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(endpoint["unix:".Length..]), cancellation).ConfigureAwait(false);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
                console = new NetworkStream(socket, ownsSocket: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SocketException)
        {
            return new Diagnostic(GuestRequestDiagnostics.ConsoleFailed, Severity.Error,
                $"the console '{endpoint}' cannot be opened: {e.Message}", SourceLocation.OfFile(endpoint));
        }
        await using (console)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var toGuest = Task.Run(() => PumpInputAsync(input, console, stop.Token), CancellationToken.None);
            var fromGuest = Task.Run(() => PumpOutputAsync(console, output, stop.Token), CancellationToken.None);
            await Task.WhenAny(toGuest, fromGuest).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            console.Close(); // ends a read still waiting on the guest's end
        }
        return null;
    }

    private static async Task PumpInputAsync(Stream input, Stream console, CancellationToken cancellation)
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var read = await input.ReadAsync(buffer, cancellation).ConfigureAwait(false);
                if (read == 0) return;
                var escape = Array.IndexOf(buffer, ConsoleEscape, 0, read);
                await console.WriteAsync(buffer.AsMemory(0, escape < 0 ? read : escape), cancellation).ConfigureAwait(false);
                await console.FlushAsync(cancellation).ConfigureAwait(false);
                if (escape >= 0) return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // The console closed, or the user left.
        }
    }

    private static async Task PumpOutputAsync(Stream console, Stream output, CancellationToken cancellation)
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var read = await console.ReadAsync(buffer, cancellation).ConfigureAwait(false);
                if (read == 0) return;
                await output.WriteAsync(buffer.AsMemory(0, read), cancellation).ConfigureAwait(false);
                await output.FlushAsync(cancellation).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // The console closed, or the user left.
        }
    }
}
