using System.Text;

namespace DomainLauncher.Drivers.Qemu.Output;

/// <summary>
/// Writes a command line as one shell line, the form libvirt logs and the corpus <c>.args</c> files
/// hold once their backslash-newlines are joined: <c>NAME=value ... emulator arg ...</c>. An
/// assignment's value is quoted on its own (<c>BAR=''</c>), since a quoted <c>'BAR=x'</c> is no assignment.
/// </summary>
public static class ShellCommandWriter
{
    public static string Write(QemuCommandLine commandLine)
    {
        var text = new StringBuilder();
        foreach (var assignment in commandLine.Environment)
            text.Append(assignment.Name).Append('=').Append(ShellQuoting.Quote(assignment.Value)).Append(' ');
        text.Append(ShellQuoting.Quote(commandLine.Emulator));
        foreach (var arg in commandLine.Args)
            text.Append(' ').Append(ShellQuoting.Quote(arg));
        return text.ToString();
    }
}
