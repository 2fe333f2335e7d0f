using System.Diagnostics;
using DomainLauncher.Cli.Lifecycle;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.Cli.Commands;

/// <summary>
/// <c>domainlauncher console NAME</c>: joins the terminal to a running guest's serial console (a
/// pseudo-terminal or a unix socket), as <c>virsh console</c>; Ctrl-] leaves. On a terminal, the
/// terminal is put in raw mode (<c>stty raw -echo</c>) so every key reaches the guest, and restored after.
/// </summary>
internal static class ConsoleCommand
{
    public static CliCommand Create()
    {
        var name = GuestCommand.NameArgument();
        var runDir = RunBaseOption.Create();
        return new CliCommand(
            "console",
            "Attach the terminal to a running guest's serial console (pseudo-terminal or unix socket); Ctrl-] leaves.",
            $"""
            The console is the host end of the guest's first serial port (else its console), asked of
            QEMU over QMP (query-chardev). What the guest writes goes to standard output; what is
            typed goes to the guest, until Ctrl-] (or the end of standard input, or the guest's end
            closing). "Connected to domain 'NAME'" and the escape character are said on standard error.
            A guest without a serial port on a pty or unix socket is an error (DL6504).
            {GuestCommand.ExitStatus}
            """,
            [new("Log in on a guest's serial console", "domainlauncher console example-serial-unix")],
            (parse, context) =>
            {
                var guest = parse.GetRequiredValue(name);
                var found = GuestControl.ConsoleEndpointAsync(RunBaseOption.Resolve(parse.GetValue(runDir)), guest, GuestCommand.MonitorTimeout)
                    .GetAwaiter().GetResult();
                if (DiagnosticOutput.Print(found.Diagnostics, context.Error) || found.Text is not { } endpoint) return ExitCodes.InvalidInput;
                context.Error.WriteLine($"Connected to domain '{guest}'");
                context.Error.WriteLine("Escape character is ^] (Ctrl + ])");
                context.Out.Flush();
                var terminal = Console.IsInputRedirected ? null : Stty("-g");
                if (terminal is not null) Stty("raw", "-echo");
                try
                {
                    using var input = Console.OpenStandardInput();
                    using var output = Console.OpenStandardOutput();
                    var failed = GuestControl.AttachConsoleAsync(endpoint, input, output, CancellationToken.None).GetAwaiter().GetResult();
                    if (failed is not null) return DiagnosticOutput.Print([failed], context.Error) ? ExitCodes.InvalidInput : ExitCodes.Success;
                }
                finally
                {
                    if (terminal is not null) Stty(terminal.Trim());
                }
                context.Error.WriteLine();
                return ExitCodes.Success;
            })
        {
            name,
            runDir,
        };
    }

    /// <summary>Runs stty on this terminal (standard input is inherited); its output, or null when it failed.</summary>
    private static string? Stty(params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("stty", args) { RedirectStandardOutput = true, UseShellExecute = false };
            using var stty = Process.Start(start);
            if (stty is null) return null;
            var output = stty.StandardOutput.ReadToEnd();
            stty.WaitForExit();
            return stty.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
