using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests;

/// <summary>
/// Issue 11, item 8: <c>&lt;qemu:commandline&gt;</c> and <c>&lt;qemu:env&gt;</c> make a domain tainted.
/// <c>launch</c> and <c>check</c> refuse it (DL4307, saying how to allow it) unless <c>--allow-tainted</c>,
/// with which the words reach QEMU. Run as a user runs the tool.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class TaintedDomainTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly LifecycleSupport _support = new();

    public void Dispose()
    {
        _support.Dispose();
        _dir.Dispose();
    }

    /// <summary>A small domain whose raw words are harmless and visible: a QEMU option and an environment variable.</summary>
    private string TaintedDomain(string name) => _dir.Write(name + ".xml", $"""
        <domain type='qemu' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
          <name>{name}</name>
          <memory unit='KiB'>65536</memory>
          <vcpu>1</vcpu>
          <os><type arch='x86_64' machine='pc'>hvm</type></os>
          <devices>
            <emulator>{QemuInstalledFactAttribute.Qemu}</emulator>
            <memballoon model='virtio'/>
          </devices>
          <qemu:commandline>
            <qemu:arg value='-msg'/>
            <qemu:arg value='timestamp=on'/>
            <qemu:env name='DL_TAINTED_TEST' value='{name}'/>
          </qemu:commandline>
        </domain>
        """);

    [QemuInstalledFact]
    public void Launch_refuses_a_tainted_domain_and_says_how_to_allow_it()
    {
        var refused = _support.LaunchProcess(TaintedDomain("tainted-refused"));

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("error DL4307: ", refused.Stderr);
        Assert.Contains("timestamp=on", refused.Stderr);
        Assert.Contains("--allow-tainted", refused.Stderr);
        Assert.Equal("NAME  PID  STATE\n", _support.Run("list").Stdout);
    }

    [QemuInstalledFact]
    public void Launch_with_allow_tainted_passes_the_words_to_QEMU()
    {
        var launched = _support.LaunchProcess(TaintedDomain("tainted-allowed"), "--allow-tainted");

        Assert.True(launched.ExitCode == 0, launched.ToString());
        Assert.StartsWith("tainted-allowed: ", launched.Stdout);
        var pid = int.Parse(launched.Stdout.Split("(pid ")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
        var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
        Assert.Contains("timestamp=on", arguments);
        Assert.Contains("DL_TAINTED_TEST=tainted-allowed", File.ReadAllText($"/proc/{pid}/environ").Split('\0'));
        Assert.StartsWith("tainted-allowed: destroyed", _support.Run("destroy", "tainted-allowed").Stdout);
    }

    [QemuInstalledFact]
    public void Check_refuses_a_tainted_domain_and_says_how_to_allow_it()
    {
        var refused = CliProcess.Run("check", "--no-cache", TaintedDomain("tainted-check-refused"));

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("error DL4307: ", refused.Stderr);
        Assert.Contains("--allow-tainted", refused.Stderr);
        Assert.Equal("", refused.Stdout);
    }

    [QemuInstalledFact]
    public void Check_with_allow_tainted_runs_the_domain_with_its_words()
    {
        var checkedRun = CliProcess.Run("check", "--no-cache", "--allow-tainted", TaintedDomain("tainted-check-allowed"));

        Assert.True(checkedRun.ExitCode == 0, checkedRun.ToString());
        Assert.DoesNotContain("DL4307", checkedRun.Stderr);
        Assert.StartsWith("domain tainted-check-allowed on ", checkedRun.Stdout);
        Assert.Contains("memballoon", checkedRun.Stdout);
    }

    [Theory]
    [InlineData("launch")]
    [InlineData("check")]
    public void Help_explains_allow_tainted(string command)
    {
        var help = CliProcess.Run(command, "--help");

        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("--allow-tainted", help.Stdout);
        Assert.Contains("<qemu:commandline>", help.Stdout);
        Assert.Contains("DL4307", help.Stdout);
    }
}
