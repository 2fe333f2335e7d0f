using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

/// <summary>A character device source in QEMU's two spellings: the legacy <c>-serial</c> word and <c>-chardev</c> options.</summary>
internal static class CharSourceSyntax
{
    /// <summary>The legacy form (<c>pty</c>, <c>file:/x</c>, <c>tcp:host:port,server,nowait</c>).</summary>
    public static string Legacy(CharSource? source) => source switch
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
        UnixCharSource x => "unix:" + x.Path + (x.Mode == CharSourceMode.Bind ? ",server,nowait" : ""),
        SpicevmcCharSource => throw new InvalidOperationException("a spicevmc source needs -chardev; validation lets none through"),
        _ => throw new InvalidOperationException($"unknown character source {source.GetType().Name}"),
    };

    /// <summary>
    /// The <c>-chardev</c> value with the given id, in the emulator's syntax: explicit booleans and the
    /// <c>serial</c>/<c>parallel</c> backend names where the old spellings are deprecated.
    /// </summary>
    public static string Chardev(CharSource? source, string id, QemuContext ctx, bool parallel = false, string? spiceName = null)
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
            FileCharSource f => Start("file").Add("path", f.Path),
            PipeCharSource p => Start("pipe").Add("path", p.Path),
            UdpCharSource u => Start("udp").Add("host", u.ConnectHost ?? "").Add("port", u.ConnectService)
                .Add("localaddr", u.BindHost ?? "").Add("localport", u.BindService ?? "0"),
            TcpCharSource t => Start("socket").Add("host", t.Host).Add("port", t.Service)
                .Switch("telnet", t.Protocol == TcpProtocol.Telnet ? true : null, explicitBooleans)
                .Switch("server", Listening(t.Mode), explicitBooleans).Switch("wait", NoWait(t.Mode), explicitBooleans),
            UnixCharSource x => Start("socket").Add("path", x.Path)
                .Switch("server", Listening(x.Mode), explicitBooleans).Switch("wait", NoWait(x.Mode), explicitBooleans),
            SpicevmcCharSource => Start("spicevmc").Add("name", spiceName ?? "vdagent"),
            _ => throw new InvalidOperationException($"unknown character source {source.GetType().Name}"),
        }).ToString();
    }
}
