using System.Diagnostics;
using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests;

/// <summary>The tool installs as a .NET tool named domainlauncher, from a package dotnet pack makes.</summary>
public sealed class PackagingTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static (int ExitCode, string Output) Dotnet(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) process.Kill(entireProcessTree: true);
        return (process.ExitCode, output.Result + error.Result);
    }

    [Fact]
    public void Dotnet_pack_makes_a_tool_that_installs_as_domainlauncher_and_runs()
    {
        var packages = Path.Combine(_temp.Path, "nupkg");
        var tools = Path.Combine(_temp.Path, "tools");

        // The CLI is built already (this project references it): pack what was built.
        var pack = Dotnet("pack", "src/Cli", "--no-build", "-c", Configuration, "-o", packages, "-v", "q");
        Assert.True(pack.ExitCode == 0, pack.Output);
        var install = Dotnet("tool", "install", "--tool-path", tools, "--add-source", packages, "DomainLauncher");
        Assert.True(install.ExitCode == 0, install.Output);

        var tool = new ProcessStartInfo(Path.Combine(tools, "domainlauncher"), ["validate", Path.Combine(Repository.Examples, "minimal-qemu.xml")])
        {
            RedirectStandardOutput = true,
        };
        using var run = Process.Start(tool)!;
        var stdout = run.StandardOutput.ReadToEnd();
        run.WaitForExit();
        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("minimal-qemu.xml: valid\n", stdout);
    }
}
