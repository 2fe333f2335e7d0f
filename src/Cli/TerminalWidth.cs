namespace DomainLauncher.Cli;

/// <summary>
/// How wide a table on standard output may be: <c>$COLUMNS</c> when set to a number (as GNU tools
/// honour it), else the terminal's width when standard output is one, else unlimited (a file or a
/// pipe gets every row on one line, for grep).
/// </summary>
internal static class TerminalWidth
{
    public static int? ForStandardOutput()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0) return columns;
        if (Console.IsOutputRedirected) return null;
        try
        {
            return Console.WindowWidth is > 0 and var width ? width : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
