using System.Text;

namespace DomainLauncher.Drivers.Qemu.Output;

/// <summary>
/// Writes a command line for people to read and diff: each assignment, the emulator, and each
/// option with its value on a line of its own, continued with a trailing backslash, so the text is
/// still one valid shell command. An argument starting with <c>-</c> takes the next argument onto
/// its line unless that one also starts with <c>-</c>.
/// </summary>
public static class LinesCommandWriter
{
    public static string Write(QemuCommandLine commandLine)
    {
        var lines = new List<string>();
        foreach (var assignment in commandLine.Environment)
            lines.Add(assignment.Name + "=" + ShellQuoting.Quote(assignment.Value));
        lines.Add(ShellQuoting.Quote(commandLine.Emulator));
        var args = commandLine.Args;
        for (var i = 0; i < args.Length; i++)
        {
            var line = ShellQuoting.Quote(args[i]);
            if (args[i].StartsWith('-') && i + 1 < args.Length && !args[i + 1].StartsWith('-'))
                line += " " + ShellQuoting.Quote(args[++i]);
            lines.Add(line);
        }
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append(lines[i]);
            text.Append(i + 1 < lines.Count ? " \\\n" : "\n");
        }
        return text.ToString();
    }
}
