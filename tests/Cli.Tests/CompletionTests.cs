using System.Diagnostics;
using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests;

/// <summary>The completion scripts, run by the shell they are for.</summary>
public sealed class CompletionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Loads the bash script and completes the given words (the last one being typed).</summary>
    private string[] Complete(params string[] words)
    {
        var script = CliProcess.Run("completion", "bash");
        Assert.True(script.ExitCode == 0, script.ToString());
        var file = _temp.Write("completion.bash", script.Stdout);
        var quoted = string.Join(' ', words.Select(w => "'" + w + "'"));
        var start = new ProcessStartInfo("bash", ["--norc", "-c",
            $"source '{file}'; COMP_WORDS=(domainlauncher {quoted}); COMP_CWORD={words.Length}; _domainlauncher; printf '%s\\n' \"${{COMPREPLY[@]}}\""])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _temp.Path,
        };
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEnd();
        var error = bash.StandardError.ReadToEnd();
        bash.WaitForExit();
        Assert.True(bash.ExitCode == 0, error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Bash_completes_commands_and_virsh_names()
    {
        Assert.Equal(["to-native"], Complete("to-n"));
        Assert.Contains("domxml-to-native", Complete("domxml"));
        Assert.Contains("completion", Complete(""));
    }

    [Fact]
    public void Bash_completes_a_command_s_options_and_their_fixed_values()
    {
        Assert.Equal(["--format"], Complete("to-native", "qemu-argv", "--form"));
        Assert.Equal(["json", "lines", "shell"], Complete("to-native", "qemu-argv", "--format", "").Order(StringComparer.Ordinal));
        Assert.Equal(["qemu-argv"], Complete("to-native", "qemu"));
        Assert.Contains("--emulatorbin", Complete("probe", "--emu"));
        Assert.Contains("--wait", Complete("shutdown", "--w"));
    }

    [Fact]
    public void Bash_completes_file_names_for_documents()
    {
        _temp.Write("guest.xml", "<domain/>");

        Assert.Equal(["guest.xml"], Complete("validate", "gu"));
    }

    [Fact]
    public void Zsh_script_loads_bash_completion_support_and_the_same_function()
    {
        var zsh = CliProcess.Run("completion", "zsh");
        var bash = CliProcess.Run("completion", "bash");

        Assert.True(zsh.ExitCode == 0, zsh.ToString());
        Assert.Contains("bashcompinit", zsh.Stdout);
        Assert.EndsWith(bash.Stdout, zsh.Stdout);
        var unknown = CliProcess.Run("completion", "fish");
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
    }
}
