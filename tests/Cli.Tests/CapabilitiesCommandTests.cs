using System.Xml.Linq;
using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests;

/// <summary>
/// <c>capabilities</c> and <c>domcapabilities</c> as a user runs them: the documents for the
/// installed QEMU, and clear, quick, non-zero refusals for emulators that are not QEMU, KVM where
/// there is none, and machines or archs the emulator does not have.
/// </summary>
public sealed class CapabilitiesCommandTests
{
    private const string Qemu = "/usr/bin/qemu-system-x86_64";
    private static readonly TimeSpan RefusalLimit = TimeSpan.FromSeconds(15);

    private static bool KvmUsable()
    {
        try
        {
            using var kvm = new FileStream("/dev/kvm", FileMode.Open, FileAccess.ReadWrite);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static CliRun AssertRefused(string code, params string[] args)
    {
        var run = CliProcess.Run(["domcapabilities", .. args]);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.True(run.WallTime < RefusalLimit, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains($"error {code}:", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        return run;
    }

    [QemuInstalledFact]
    public void Domcapabilities_of_the_installed_qemu_prints_the_document_and_exits_0()
    {
        var run = CliProcess.Run("domcapabilities", "--emulator", Qemu, "--virttype", "qemu", "--machine", "q35");

        Assert.True(run.ExitCode == 0, run.ToString());
        var root = XDocument.Parse(run.Stdout).Root!;
        Assert.Equal("domainCapabilities", root.Name.LocalName);
        Assert.Equal(Qemu, root.Element("path")!.Value);
        Assert.Equal("qemu", root.Element("domain")!.Value);
        Assert.StartsWith("pc-q35-", root.Element("machine")!.Value);
        Assert.Equal("x86_64", root.Element("arch")!.Value);
        Assert.StartsWith("<domainCapabilities>\n  <path>", run.Stdout);
    }

    [QemuInstalledFact]
    public void Domcapabilities_without_options_uses_the_hosts_emulator_and_default_machine()
    {
        var run = CliProcess.Run("domcapabilities");

        Assert.True(run.ExitCode == 0, run.ToString());
        var root = XDocument.Parse(run.Stdout).Root!;
        Assert.EndsWith("qemu-system-x86_64", root.Element("path")!.Value);
        Assert.StartsWith("pc-i440fx-", root.Element("machine")!.Value);
        Assert.Equal(KvmUsable() ? "kvm" : "qemu", root.Element("domain")!.Value);
    }

    [UnixFact]
    public void A_binary_that_is_not_qemu_is_refused_quickly()
    {
        var run = AssertRefused("DL6002", "--emulator", "/bin/true");
        Assert.Contains("/bin/true", run.Stderr);
    }

    [UnixFact]
    public void A_missing_emulator_is_refused_naming_it()
    {
        Assert.Contains("/no/such/qemu", AssertRefused("DL6000", "--emulator", "/no/such/qemu").Stderr);
    }

    [UnixFact]
    public void A_directory_as_emulator_is_refused()
    {
        AssertRefused("DL6001", "--emulator", "/tmp");
    }

    [NoKvmQemuFact]
    public void Kvm_without_a_usable_dev_kvm_is_refused_saying_why()
    {
        var run = AssertRefused("DL6100", "--emulator", Qemu, "--virttype", "kvm");
        Assert.Contains("/dev/kvm", run.Stderr);
    }

    [QemuInstalledFact]
    public void An_unknown_machine_is_refused_naming_the_available_ones()
    {
        var run = AssertRefused("DL6102", "--emulator", Qemu, "--virttype", "qemu", "--machine", "bogus");
        Assert.Contains("'bogus'", run.Stderr);
        Assert.Contains("q35", run.Stderr);
    }

    [QemuInstalledFact]
    public void An_arch_the_emulator_does_not_emulate_is_refused()
    {
        var run = AssertRefused("DL6103", "--emulator", Qemu, "--arch", "aarch64");
        Assert.Contains("aarch64", run.Stderr);
    }

    [Fact]
    public void An_unknown_virt_type_is_a_usage_error()
    {
        var run = CliProcess.Run("domcapabilities", "--virttype", "xen");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("xen", run.Stderr);
    }

    [QemuInstalledFact]
    public void Capabilities_prints_the_host_and_a_guest_for_the_installed_qemu()
    {
        var run = CliProcess.Run("capabilities");

        Assert.True(run.ExitCode == 0, run.ToString());
        var root = XDocument.Parse(run.Stdout).Root!;
        Assert.Equal("capabilities", root.Name.LocalName);
        Assert.NotEmpty(root.Element("host")!.Element("cpu")!.Element("arch")!.Value);
        var guest = root.Elements("guest").Single(g => g.Element("arch")!.Attribute("name")!.Value == "x86_64");
        Assert.Equal("hvm", guest.Element("os_type")!.Value);
        Assert.Equal("64", guest.Element("arch")!.Element("wordsize")!.Value);
        Assert.Contains(guest.Element("arch")!.Elements("machine"), m => m.Value == "pc" && m.Attribute("canonical") is not null);
        var domains = guest.Element("arch")!.Elements("domain").Select(d => d.Attribute("type")!.Value).ToList();
        Assert.Equal(KvmUsable() ? ["qemu", "kvm"] : ["qemu"], domains);
    }

    [Fact]
    public void Both_commands_have_help_with_examples()
    {
        foreach (var command in new[] { "capabilities", "domcapabilities" })
        {
            var run = CliProcess.Run(command, "--help");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("Examples:", run.Stdout);
            Assert.Contains("Exit status:", run.Stdout);
        }
        Assert.Contains("--virttype", CliProcess.Run("domcapabilities", "--help").Stdout);
    }

    /// <summary>A fact that runs the installed x86_64 QEMU, skipped (saying why) when it is not installed.</summary>
    /// <summary>A QEMU fact for a host where KVM is not usable (the refusal cannot happen elsewhere).</summary>
    private sealed class NoKvmQemuFactAttribute : FactAttribute
    {
        public NoKvmQemuFactAttribute()
        {
            if (!File.Exists(Qemu)) Skip = $"{Qemu} is not installed; these tests probe a real QEMU";
            else if (KvmUsable()) Skip = "/dev/kvm is usable on this host, so --virttype kvm is not refused";
        }
    }

    /// <summary>A fact that needs a Unix host (/bin/true, /tmp).</summary>
    private sealed class UnixFactAttribute : FactAttribute
    {
        public UnixFactAttribute()
        {
            if (!OperatingSystem.IsLinux()) Skip = "needs Linux (/bin/true, /tmp)";
        }
    }
}
