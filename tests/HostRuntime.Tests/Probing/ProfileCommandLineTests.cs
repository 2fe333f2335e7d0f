using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Drivers.Qemu;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.HostRuntime.Profiles;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.HostRuntime.Tests.Probing;

/// <summary>
/// "The QEMU driver builds a command line from a probed or recorded profile exactly as from --caps."
/// What a profile gives the builder is its capability names, its machine types (an alias such as
/// <c>pc</c> becomes the versioned machine), its device types (a device type QEMU renamed is written
/// with its current name), its default machine, its CPU models and each accelerator's CPU view
/// (definitions and expansion, which --caps cannot carry); the version is not read by the
/// builder. So the comparison is: the recorded profile's description against a description holding
/// only the profile's capability names (parsed back from text, as --caps reads them) with the same
/// machines, device types, CPU models and CPU views and no version, and against a live probe of the
/// installed binary. For every domain, the builder must give the same words, or refuse with the same
/// diagnostics. (Without the machine list, --caps writes the domain's machine name as given: the CLI
/// test in ProbeCommandTests shows that is the only difference.)
/// </summary>
public sealed class ProfileCommandLineTests
{
    private static readonly string ProfilePath = Path.Combine(SharedCorpus.RepositoryRoot, "profiles", "qemu-7.2-x86_64.json");

    private static EmulatorDescription Recorded()
    {
        var read = EmulatorProfileFile.Read(ProfilePath);
        return read.Profile?.Describe() ?? throw new InvalidOperationException(string.Join("; ", read.Diagnostics.Select(d => d.Format())));
    }

    private static EmulatorDescription FromCapabilityNames(EmulatorDescription profile)
    {
        var parsed = QemuCapabilitySet.Parse(profile.Capabilities.ToString());
        Assert.Empty(parsed.Diagnostics);
        return new EmulatorDescription
        {
            Path = profile.Path,
            Arch = profile.Arch,
            Capabilities = parsed.Set,
            Machines = profile.Machines,
            DeviceTypes = profile.DeviceTypes,
            DefaultMachineName = profile.DefaultMachineName,
            CpuModels = profile.CpuModels,
            AcceleratorCpus = profile.AcceleratorCpus,
        };
    }

    /// <summary>As to-native does: the binary is the domain's, the architecture the domain's when it names one.</summary>
    private static EmulatorDescription For(Domain domain, EmulatorDescription emulator) =>
        emulator with { Path = domain.Devices.Emulator ?? emulator.Path, Arch = domain.Os?.Arch ?? emulator.Arch };

    private static string Outcome(Domain domain, EmulatorDescription emulator)
    {
        // TCG, as asked for with --accel tcg: this host may have no KVM, and kvm domains would be refused alike.
        var result = QemuCommandBuilder.Build(domain, For(domain, emulator), HostSettings.Default, new QemuBuildOptions { Accelerator = QemuAccelerator.Tcg });
        return result.CommandLine is { } line
            ? string.Join("\n", line.Words)
            : "refused: " + string.Join("\n", result.Diagnostics.Select(d => $"{d.Code.Id} {d.Message}"));
    }

    private static IEnumerable<(string Name, Domain Domain)> Domains(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal))
        {
            var parsed = DomainLoader.LoadFile(InputFiles.Disk, file);
            if (parsed.Domain is { } domain && domain.Type != DomainType.Xen) yield return (Path.GetFileName(file), domain);
        }
    }

    private static void AssertSame(IEnumerable<(string Name, Domain Domain)> domains, EmulatorDescription expected, EmulatorDescription actual, int atLeast)
    {
        var compared = 0;
        var built = 0;
        foreach (var (name, domain) in domains)
        {
            var want = Outcome(domain, expected);
            Assert.True(want == Outcome(domain, actual), $"{name}: the command lines differ");
            compared++;
            if (!want.StartsWith("refused", StringComparison.Ordinal)) built++;
        }
        Assert.True(compared >= atLeast, $"only {compared} domains compared");
        Assert.True(built > 0, "no domain was built at all");
    }

    [Fact]
    public void The_bundled_examples_build_the_same_from_the_profile_as_from_its_capability_names()
    {
        var profile = Recorded();

        AssertSame(Domains(Path.Combine(SharedCorpus.RepositoryRoot, "examples")), profile, FromCapabilityNames(profile), atLeast: 2);
    }

    [SharedCorpusFact]
    public void The_qemuxml2argv_domains_build_the_same_from_the_profile_as_from_its_capability_names()
    {
        var profile = Recorded();

        AssertSame(Domains(SharedCorpus.Suite("qemuxml2argv")), profile, FromCapabilityNames(profile), atLeast: 150);
    }

    [QemuBinaryFact]
    public async Task A_live_probe_of_the_installed_qemu_builds_what_the_recorded_profile_builds()
    {
        var outcome = await EmulatorProbe.ProbeAsync(QemuBinaryFactAttribute.Path, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Diagnostics.Select(d => d.Message)));
        var live = ProbeCapabilityRules.Describe(outcome.Result!);
        var recorded = Recorded();
        if (live.Version != recorded.Version) return; // another QEMU is installed: re-record profiles/ (see its README)

        Assert.Equal(recorded.Capabilities, live.Capabilities);
        AssertSame(Domains(Path.Combine(SharedCorpus.RepositoryRoot, "examples")), recorded, live, atLeast: 2);
        if (SharedCorpus.Root is not null) AssertSame(Domains(SharedCorpus.Suite("qemuxml2argv")), recorded, live, atLeast: 150);
    }

    // Only options a capability decides: -soundhw pcspk (removed in QEMU 7.1) is written whatever the
    // capabilities say, so it is the sound emitter's to change (with audiodev), not the probe's.
    [Fact]
    public void On_qemu_7_2_the_profile_never_makes_the_builder_write_a_removed_option()
    {
        var profile = Recorded();
        string[] removed = ["-no-kvm", "-no-kqemu", "-nodefconfig", "-pcidevice", "-realtime", "-sdl", "-balloon", "-no-kvm-pit-reinjection", "-tdf", "-rtc-td-hack", "-domid", "-localtime"];
        var folders = new List<string> { Path.Combine(SharedCorpus.RepositoryRoot, "examples") };
        if (SharedCorpus.Root is not null) folders.Add(SharedCorpus.Suite("qemuxml2argv"));

        var built = 0;
        foreach (var (name, domain) in folders.SelectMany(Domains))
        {
            var result = QemuCommandBuilder.Build(domain, For(domain, profile), HostSettings.Default);
            if (result.CommandLine is not { } line) continue;
            built++;
            Assert.True(!line.Args.Intersect(removed).Any(), $"{name}: writes {string.Join(", ", line.Args.Intersect(removed))}");
            Assert.DoesNotContain(line.Args, a => a.Contains("boot=on", StringComparison.Ordinal) || a.StartsWith("ide-drive", StringComparison.Ordinal));
        }
        Assert.True(built > 0);
    }
}
