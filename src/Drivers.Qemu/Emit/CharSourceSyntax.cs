using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

/// <summary>A character device source in QEMU's two spellings: the legacy <c>-serial</c> word and <c>-chardev</c> options.</summary>
internal static class CharSourceSyntax
{
    /// <summary>
    /// The legacy form (<c>pty</c>, <c>file:/x</c>, <c>tcp:host:port,server,nowait</c>). QEMU reads it with
    /// <c>qemu_chr_parse_compat</c>: the rest of a <c>file:</c>/<c>pipe:</c> word and a <c>/dev/</c> path are taken
    /// whole; a <c>unix:</c> path goes through the option parser (its commas are doubled); tcp and udp hosts
    /// and services are cut at fixed characters with no escape. A source that does not fit is refused by
    /// validation (<see cref="LegacyProblem"/>), so reaching here with one is a bug.
    /// </summary>
    public static string Legacy(CharSource? source)
    {
        if (LegacyProblem(source) is { } problem)
            throw new InvalidOperationException($"a legacy character device string that {problem} passed validation");
        return source switch
        {
            null or NullCharSource => "null",
            VcCharSource => "vc",
            PtyCharSource => "pty",
            StdioCharSource => "stdio",
            DevCharSource d => d.Path,
            FileCharSource f => "file:" + f.Path,
            PipeCharSource p => "pipe:" + p.Path,
            UdpCharSource u => $"udp:{u.ConnectHost}:{u.ConnectService}@{u.BindHost}:{u.BindService ?? "0"}",
            TcpCharSource t => (t.Protocol == TcpProtocol.Telnet ? "telnet:" : "tcp:") + $"{t.Host}:{t.Service}"
                + (t.Mode == CharSourceMode.Bind ? ",server,nowait" : ""),
            // A socket without a path is refused by validation (UnixSocketPathChecks).
            UnixCharSource { Path: { } socket } x => "unix:" + QemuOpts.Escape(socket) + (x.Mode == CharSourceMode.Bind ? ",server,nowait" : ""),
            SpicevmcCharSource => throw new InvalidOperationException("a spicevmc source needs -chardev; validation lets none through"),
            _ => throw new InvalidOperationException($"unknown character source {source.GetType().Name}"),
        };
    }

    /// <summary>Why the source cannot be written in the legacy form so that QEMU reads it back exactly; null when it can.</summary>
    public static string? LegacyProblem(CharSource? source) => source switch
    {
        DevCharSource d => Control(d.Path) ?? (d.Path.StartsWith("/dev/", StringComparison.Ordinal) ? null
            : $"has the device path '{d.Path}', which QEMU reads as a device only under /dev/"),
        FileCharSource f => Control(f.Path),
        PipeCharSource p => Control(p.Path),
        // The option parser reads a first item whose '=' comes before any ',' as key=value, not as the path.
        UnixCharSource { Path: null } => null, // refused on its own by UnixSocketPathChecks
        UnixCharSource { Path: { } socket } => Control(socket) ?? (socket.AsSpan().IndexOfAny('=', ',') is var at and >= 0 && socket[at] == '='
            ? $"has the socket path '{socket}', whose '=' QEMU's legacy unix: syntax reads as an option" : null),
        TcpCharSource t => Host(t.Host, allowEmpty: true) ?? Service(t.Service),
        UdpCharSource u => Host(u.ConnectHost ?? "", allowEmpty: true) ?? Service(u.ConnectService)
            ?? Host(u.BindHost ?? "", allowEmpty: true) ?? (u.BindService is { } bind ? Service(bind) : null),
        _ => null,
    };

    private static string? Control(string value) =>
        HostNames.FirstControl(value) is { } c ? $"holds the control character U+{(int)c:X4}" : null;

    // tcp: and udp: hosts end at ':' and services at ',' or '@', with no escape: only names and IPv4 addresses fit.
    private static string? Host(string host, bool allowEmpty) =>
        (host.Length == 0 && allowEmpty) || HostNames.IsNameOrIPv4(host) ? null
            : $"has the host '{Printable(host)}', which is not a host name or IPv4 address (QEMU's legacy syntax has no escape)";

    private static string? Service(string service) =>
        HostNames.IsService(service) ? null : $"has the service '{Printable(service)}', which is not a port number or service name";

    private static string Printable(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    /// <summary>
    /// The <c>-chardev</c> value with the given id, in the emulator's syntax: explicit booleans and the
    /// <c>serial</c>/<c>parallel</c> backend names where the old spellings are deprecated.
    /// </summary>
    public static string Chardev(CharSource? source, string id, QemuContext ctx, bool parallel = false, string? spiceName = null, CharLog? log = null)
    {
        var explicitBooleans = ctx.ExplicitBooleans;
        var backendNames = ctx.Has(QemuCapability.ChardevSerial);
        QemuOpts Start(string backend) => new QemuOpts(backend).Add("id", id);
        bool? Listening(CharSourceMode? mode) => mode == CharSourceMode.Bind ? true : null;
        bool? NoWait(CharSourceMode? mode) => mode == CharSourceMode.Bind ? false : null;
        return (source switch
        {
            null or NullCharSource => Start("null"),
            VcCharSource => Start("vc"),
            PtyCharSource => Start("pty"),
            StdioCharSource => Start("stdio"),
            DevCharSource d => Start(parallel ? (backendNames ? "parallel" : "parport") : (backendNames ? "serial" : "tty")).Add("path", d.Path),
            FileCharSource f => Start("file").Add("path", f.Path).AddOnOff("append", f.Append),
            PipeCharSource p => Start("pipe").Add("path", p.Path),
            UdpCharSource u => Start("udp").Add("host", u.ConnectHost ?? "").Add("port", u.ConnectService)
                .Add("localaddr", u.BindHost ?? "").Add("localport", u.BindService ?? "0"),
            TcpCharSource t => Start("socket").Add("host", t.Host).Add("port", t.Service)
                .Switch("telnet", t.Protocol == TcpProtocol.Telnet ? true : null, explicitBooleans)
                .Switch("server", Listening(t.Mode), explicitBooleans).Switch("wait", NoWait(t.Mode), explicitBooleans)
                .Add("reconnect", ReconnectSeconds(t.Reconnect)),
            UnixCharSource x => Start("socket").Add("path", x.Path)
                .Switch("server", Listening(x.Mode), explicitBooleans).Switch("wait", NoWait(x.Mode), explicitBooleans)
                .Add("reconnect", ReconnectSeconds(x.Reconnect)),
            SpicevmcCharSource => Start("spicevmc").Add("name", spiceName ?? "vdagent"),
            SpiceportCharSource port => Start("spiceport").Add("name", port.Channel),
            // QEMU's own clipboard and mouse agent: on=client mouse mode (absolute), off=server.
            QemuVdagentCharSource agent => Start("qemu-vdagent").Add("name", "vdagent").AddOnOff("clipboard", agent.CopyPaste)
                .AddOnOff("mouse", agent.MouseMode is { } mouse ? mouse == VdagentMouseMode.Client : null),
            _ => throw new InvalidOperationException($"unknown character source {source.GetType().Name}"),
        }).Add("logfile", log?.File).AddOnOff("logappend", log?.Append).ToString();
    }

    /// <summary>Seconds between reconnection attempts of a client socket; null when it does not reconnect.</summary>
    private static long? ReconnectSeconds(CharReconnect? reconnect) =>
        reconnect is { Enabled: true, Timeout: { } seconds } ? seconds : null;
}
