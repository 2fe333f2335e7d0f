using System.Collections.Immutable;
using System.Text;
using CliWrap;
using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Probing;

/// <summary>
/// Runs <c>BINARY -help</c> (CliWrap, an argument list, no shell, a deadline, the process tree killed
/// when it is passed) and reads the options it lists with their synopses. QMP describes most options
/// (<c>query-command-line-options</c>), but not the flags without parameters nor the removed ones,
/// which is what libvirt 0.10.2 looked for in this text: <c>-no-kvm</c>, <c>-uuid</c>, <c>-vga</c>, <c>-sdl</c>.
/// </summary>
public static class EmulatorHelp
{
    private const int MaxCharacters = 1 << 20;

    /// <summary>The parsed <c>-help</c> text of <paramref name="path"/>, or an error naming what went wrong.</summary>
    public static async Task<(NameTable? Options, Diagnostic? Error)> ReadAsync(
        string path, TimeSpan timeout, CancellationToken cancellation)
    {
        var where = SourceLocation.OfFile(path);
        var text = new StringBuilder();
        using var kill = new CancellationTokenSource();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        CommandTask<CommandResult> running;
        try
        {
            running = Cli.Wrap(path)
                .WithArguments(["-help"])
                .WithValidation(CommandResultValidation.None)
                .WithStandardInputPipe(PipeSource.Null)
                .WithStandardOutputPipe(PipeTarget.ToDelegate(line => Append(text, line)))
                .WithStandardErrorPipe(PipeTarget.ToDelegate(line => Append(text, line)))
                .ExecuteAsync(kill.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return (null, new Diagnostic(ProbeDiagnostics.EmulatorNotStartable, Severity.Error, $"'{path}' could not be started: {e.Message}", where));
        }

        try
        {
            var result = await running.Task.WaitAsync(deadline.Token).ConfigureAwait(false);
            var options = Parse(Text(text));
            if (result.ExitCode != 0 || options.Count == 0)
                return (null, new Diagnostic(ProbeDiagnostics.HelpUnreadable, Severity.Error,
                    $"'{path} -help' exited with code {result.ExitCode} and listed {options.Count} options; a QEMU lists its options and exits with 0",
                    where));
            return (options, null);
        }
        catch (OperationCanceledException)
        {
            await ProcessTree.KillAsync(running, kill).ConfigureAwait(false);
            return cancellation.IsCancellationRequested
                ? (null, new Diagnostic(ProbeDiagnostics.ProbeCancelled, Severity.Error, $"reading '{path} -help' was cancelled", where))
                : (null, new Diagnostic(ProbeDiagnostics.ProbeTimedOut, Severity.Error,
                    $"'{path} -help' did not finish within {timeout.TotalSeconds:0.###} s", where));
        }
    }

    /// <summary>
    /// Reads the option lines of a <c>-help</c> text: a line starting with <c>-NAME</c> gives the option
    /// and a synopsis (what follows the name, up to a gap of two blanks that starts the description);
    /// an indented line starting with <c>[</c> or <c>,</c> continues the synopsis before it.
    /// </summary>
    public static NameTable Parse(string help)
    {
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var line in help.Split('\n'))
        {
            if (line.Length > 1 && line[0] == '-' && char.IsAsciiLetter(line.TrimStart('-').FirstOrDefault()))
            {
                var body = line.TrimStart('-');
                var end = body.IndexOfAny([' ', '\t', '[']);
                var name = end < 0 ? body.TrimEnd() : body[..end];
                var rest = end < 0 ? "" : body[end..];
                var gap = rest.IndexOf("  ", StringComparison.Ordinal);
                var synopsis = (gap < 0 ? rest : rest[..gap]).Trim();
                if (!options.TryGetValue(name, out current)) options[name] = current = [];
                current.Add(synopsis);
            }
            else if (current is { Count: > 0 } && line.Length > 0 && char.IsWhiteSpace(line[0])
                     && line.TrimStart() is { Length: > 0 } continued && continued[0] is '[' or ',')
            {
                current[^1] += continued.TrimEnd();
            }
            else
            {
                current = null;
            }
        }
        return NameTable.Of(options.Select(o =>
            KeyValuePair.Create(o.Key, o.Value.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToImmutableArray())));
    }

    private static void Append(StringBuilder text, string line)
    {
        lock (text)
        {
            if (text.Length < MaxCharacters) text.Append(line).Append('\n');
        }
    }

    private static string Text(StringBuilder text)
    {
        lock (text) return text.ToString();
    }

}
