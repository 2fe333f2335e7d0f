using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests;

/// <summary>What a virsh user types first: virsh's names, and mistakes that name what was meant.</summary>
public sealed class VirshHabitsTests
{
    private static readonly string Example = Path.Combine(Repository.Examples, "headless-qemu.xml");

    [Fact]
    public void Virsh_command_names_run_the_command_they_stand_for()
    {
        var ours = CliProcess.Run("to-native", "qemu-argv", "--format", "json", Example);
        var virsh = CliProcess.Run("domxml-to-native", "qemu-argv", "--format", "json", Example);
        Assert.True(virsh.ExitCode == 0, virsh.ToString());
        // The same translation (an empty <genid/> would differ; this example has none).
        Assert.Equal(ours.Stdout, virsh.Stdout);

        var xm = Path.Combine(Repository.Examples, "xen-hvm.cfg");
        Assert.Equal(CliProcess.Run("from-native", "xen-xm", xm).Stdout, CliProcess.Run("domxml-from-native", "xen-xm", xm).Stdout);

        var domstate = CliProcess.Run("domstate", "--run-dir", Path.GetTempPath(), "no-such-guest");
        Assert.True(domstate.ExitCode == 1, domstate.ToString());
        Assert.Contains("error DL6054: no domain named 'no-such-guest' is running", domstate.Stderr);

        var create = CliProcess.Run("create", "--help");
        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.Contains("domainlauncher launch", create.Stdout);
    }

    [Fact]
    public void Emulatorbin_is_emulator()
    {
        var run = CliProcess.Run("probe", "--emulatorbin", "/bin/true", "--no-cache");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("/bin/true: error DL6002: ", run.Stderr);
    }

    [Fact]
    public void The_tool_help_lists_the_virsh_names()
    {
        var run = CliProcess.Run("--help");

        Assert.Contains("virsh names: domxml-to-native (to-native), domxml-from-native (from-native), create (launch), domstate (status); --emulatorbin is --emulator.", run.Stdout);
    }

    [Fact]
    public void A_mistyped_command_is_named_with_the_closest_commands()
    {
        var run = CliProcess.Run("to-nativ", "qemu-argv", Example);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.StartsWith("domainlauncher: 'to-nativ' is not a domainlauncher command; did you mean 'to-native'", run.Stderr);
        Assert.DoesNotContain("Required command", run.Stderr);
    }

    [Fact]
    public void A_mistyped_option_is_named_with_the_closest_option_and_its_value_is_not_blamed()
    {
        var run = CliProcess.Run("to-native", "qemu-argv", "--fromat", "json", Example);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("domainlauncher: Unrecognized option '--fromat'; did you mean '--format'?\nRun 'domainlauncher to-native --help' for usage.\n", run.Stderr);

        var quiet = CliProcess.Run("validate", "--qiuet", Example);
        Assert.True(quiet.ExitCode == 2, quiet.ToString());
        Assert.Contains("Unrecognized option '--qiuet'; did you mean '--quiet'?", quiet.Stderr);
    }

    [Fact]
    public void An_option_value_that_starts_with_a_dash_is_not_taken_for_an_option()
    {
        var run = CliProcess.Run("shutdown", "--timeout", "-5", "guest");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--timeout must be 0 or more seconds.", run.Stderr);
        Assert.DoesNotContain("Unrecognized option", run.Stderr);
    }
}
