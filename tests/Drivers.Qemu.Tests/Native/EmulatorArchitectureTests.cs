using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Native;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Native;

/// <summary>
/// An emulator builds for its own architecture and the narrower sibling its machines take (libvirt's rule); a domain
/// of any other architecture is refused at its &lt;os&gt; (DL1105) instead of getting that emulator's machine, CPU and
/// devices: when to-native describes a named binary or recorded profile, and when a launch or check builds for the
/// binary it probed.
/// </summary>
public sealed class EmulatorArchitectureTests
{
    private static readonly EmulatorDescription RecordedX86 = new()
    {
        Path = "/usr/bin/qemu-system-x86_64",
        Arch = "x86_64",
        Capabilities = QemuCapabilitySet.Of(QemuCapability.Device, QemuCapability.Drive),
    };

    private static Translator.Model.Domain Domain(string arch, string emulator = "/usr/bin/qemu-system-x86_64")
    {
        var archAttribute = arch.Length == 0 ? "" : $" arch='{arch}'";
        var parsed = DomainLoader.LoadText($"""
            <domain type='qemu'><name>g</name><memory>219100</memory>
              <os><type{archAttribute}>hvm</type></os>
              <devices><emulator>{emulator}</emulator></devices>
            </domain>
            """, "arch.xml");
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        return parsed.Domain!;
    }

    [Theory]
    [InlineData("x86_64", "x86_64", true)]
    [InlineData("x86_64", "i686", true)]
    [InlineData("aarch64", "armv7l", true)]
    [InlineData("armv7l", "armv6l", true)]
    [InlineData("ppc64", "ppc64le", true)]
    [InlineData("i686", "x86_64", false)]
    [InlineData("x86_64", "alpha", false)]
    [InlineData("x86_64", "aarch64", false)]
    [InlineData("ppc64le", "ppc64", false)]
    public void An_emulator_runs_its_own_architecture_and_its_narrower_sibling(string emulator, string guest, bool runs) =>
        Assert.Equal(runs, GuestArchitectures.EmulatorRuns(emulator, guest));

    [Fact]
    public void A_recorded_emulator_of_another_architecture_is_refused_at_the_os_element()
    {
        var diagnostics = new List<Diagnostic>();

        var described = EmulatorResolver.Describe(Domain("alpha"), null, HostSettings.Default, "arch.xml", diagnostics, RecordedX86);

        Assert.Null(described);
        var error = Assert.Single(diagnostics);
        Assert.Equal((EmulatorChoiceDiagnostics.ArchNotEmulated, "domain/os", 2),
            (error.Code, error.Location.Path, error.Location.Line));
        Assert.Equal("the domain's architecture is 'alpha', and the emulator '/usr/bin/qemu-system-x86_64' runs x86_64 guests; name an emulator for alpha",
            error.Message);
    }

    [Fact]
    public void A_recorded_emulator_describes_a_guest_of_its_narrower_sibling_by_the_guests_architecture()
    {
        var diagnostics = new List<Diagnostic>();

        var described = EmulatorResolver.Describe(Domain("i686"), null, HostSettings.Default, "arch.xml", diagnostics, RecordedX86);

        Assert.Empty(diagnostics);
        Assert.Equal("i686", described?.Arch);
    }

    [Theory]
    [InlineData("ppc64", "/usr/bin/qemu-system-x86_64", "x86_64")]
    [InlineData("x86_64", "/usr/bin/qemu-system-i386", "i686")]
    public void A_binary_named_for_another_architecture_is_refused(string arch, string emulator, string emulatorArch)
    {
        var diagnostics = new List<Diagnostic>();

        Assert.Null(EmulatorResolver.Describe(Domain(arch, emulator), null, HostSettings.Default, "arch.xml", diagnostics));

        Assert.Contains($"runs {emulatorArch} guests", Assert.Single(diagnostics, d => d.Code == EmulatorChoiceDiagnostics.ArchNotEmulated).Message);
    }

    [Fact]
    public void A_binary_named_by_qemus_target_gives_the_guest_libvirts_architecture_name()
    {
        var diagnostics = new List<Diagnostic>();

        var described = EmulatorResolver.Describe(Domain("", "/usr/bin/qemu-system-i386"), null, HostSettings.Default, "arch.xml", diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal("i686", described?.Arch);
    }

    [Fact]
    public void A_binary_named_otherwise_is_taken_for_the_domains_architecture()
    {
        var diagnostics = new List<Diagnostic>();

        var described = EmulatorResolver.Describe(Domain("s390x", "/usr/bin/qemu-kvm"), null, HostSettings.Default, "arch.xml", diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal("s390x", described?.Arch);
    }

    [Fact]
    public void A_launch_refuses_a_domain_the_probed_emulator_does_not_run_and_to_native_builds_for_its_described_one()
    {
        var domain = Domain("aarch64");
        var forLaunch = new QemuBuildOptions { RefuseUnfit = true };

        var launch = QemuCommandBuilder.Build(domain, RecordedX86, HostSettings.Default, forLaunch);

        Assert.False(launch.Succeeded);
        Assert.Equal("domain/os", Assert.Single(launch.Diagnostics, d => d.Code == EmulatorChoiceDiagnostics.ArchNotEmulated).Location.Path);
        var described = RecordedX86 with { Arch = "aarch64" };
        Assert.DoesNotContain(QemuCommandBuilder.Build(domain, described, HostSettings.Default, forLaunch).Diagnostics,
            d => d.Code == EmulatorChoiceDiagnostics.ArchNotEmulated);
    }
}
