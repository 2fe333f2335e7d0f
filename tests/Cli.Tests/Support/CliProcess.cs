using System.Diagnostics;
using System.Globalization;

namespace DomainLauncher.Cli.Tests.Support;

/// <summary>
/// Runs the built <c>domainlauncher</c> as a separate process, the way a user does (no shell), and
/// measures its wall time and peak resident memory. The CLI project is referenced by this test
/// project, so its apphost and dll are copied next to the test assembly. Set <c>DL_CLI</c> to a
/// binary's path (for example a NativeAOT publish) to test that binary instead.
/// </summary>
public static class CliProcess
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);
    private const string GnuTime = "/usr/bin/time";

    public static CliRun Run(params string[] args) => RunIn(Repository.Root, args);

    public static CliRun RunIn(string workingDirectory, params string[] args) => RunWithInput(workingDirectory, "", args);

    /// <summary>Runs the tool with <paramref name="standardInput"/> written to its standard input, then closed.</summary>
    public static CliRun RunWithInput(string workingDirectory, string standardInput, params string[] args) =>
        RunWith(workingDirectory, standardInput, null, args);

    /// <summary>Runs the tool with these environment variables set (a null value removes one).</summary>
    public static CliRun RunWithEnvironment(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunWith(Repository.Root, "", environment, args);

    private static CliRun RunWith(string workingDirectory, string standardInput, IReadOnlyDictionary<string, string?>? environment, string[] args)
    {
        // GNU time reports the peak RSS the kernel recorded for the whole process lifetime (%M, KiB).
        var rssFile = File.Exists(GnuTime) ? Path.GetTempFileName() : null;
        var start = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        var (program, programArgs) = Command();
        if (rssFile is not null)
        {
            start.FileName = GnuTime;
            foreach (var a in (string[])["-f", "%M", "-o", rssFile, program]) start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = program;
        }
        foreach (var a in programArgs.Concat(args)) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        try
        {
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            long? polledPeak = null;
            while (!process.WaitForExit(10))
            {
                if (rssFile is null) polledPeak = Math.Max(polledPeak ?? 0, ReadVmHwm(process.Id) ?? 0);
                if (clock.Elapsed > HangLimit)
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"domainlauncher {string.Join(' ', args)} ran longer than {HangLimit}");
                }
            }
            process.WaitForExit();
            clock.Stop();
            long? peak = rssFile is not null ? ReadGnuTimePeak(rssFile) : polledPeak;
            return new CliRun(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed, peak);
        }
        finally
        {
            if (rssFile is not null) File.Delete(rssFile);
        }
    }

    /// <summary><c>DL_CLI</c> if set, else the apphost when the build made one, else <c>dotnet domainlauncher.dll</c>.</summary>
    public static (string Program, string[] Args) Command()
    {
        var chosen = Environment.GetEnvironmentVariable("DL_CLI");
        if (!string.IsNullOrEmpty(chosen)) return (Path.GetFullPath(chosen), []);
        var directory = AppContext.BaseDirectory;
        var apphost = Path.Combine(directory, OperatingSystem.IsWindows() ? "domainlauncher.exe" : "domainlauncher");
        if (File.Exists(apphost)) return (apphost, []);
        var dll = Path.Combine(directory, "domainlauncher.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("the built CLI is not beside the tests", dll);
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return (dotnet, [dll]);
    }

    private static long? ReadGnuTimePeak(string file)
    {
        // time writes "Command exited with non-zero status N" before the format line when N != 0.
        var last = File.ReadAllLines(file).LastOrDefault(l => l.Trim().Length > 0);
        return long.TryParse(last?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kib) ? kib : null;
    }

    private static long? ReadVmHwm(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            var number = line?["VmHWM:".Length..].Trim().Split(' ')[0];
            return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kib) ? kib : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
