using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.HostRuntime.CapabilitiesXml;
using DomainLauncher.HostRuntime.Check;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.HostRuntime.Tests.Probing;
using DomainLauncher.Tests.Shared;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.HostRuntime.Tests.Check;

/// <summary>
/// <c>check</c> passes for every bundled QEMU example (examples/ and examples/guests/), on the installed QEMU as
/// probed. Examples with an emulated TPM run with the real swtpm (skipped, saying so, where swtpm is not
/// installed); a virtiofs share runs with the real virtiofsd where this host can run it, else as 9p.
/// </summary>
[Collection(Launching.HelperProcessTests.Name)]
public sealed class ExampleCheckTests(ModernQemuFixture qemu) : IClassFixture<ModernQemuFixture>
{
    public static TheoryData<string> Examples() => [.. QemuExamples(tpm: false)];

    public static TheoryData<string> ExamplesWithTpm() => [.. QemuExamples(tpm: true)];

    /// <summary>The QEMU examples with (or without) an emulated TPM, by path from the repository root.</summary>
    private static IEnumerable<string> QemuExamples(bool tpm)
    {
        var root = Path.Combine(SharedCorpus.RepositoryRoot, "examples");
        foreach (var file in Directory.EnumerateFiles(root, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (DomainLoader.LoadFile(InputFiles.Disk, file).Domain is not { Type: not DomainType.Xen } domain) continue;
            if (domain.Devices.Tpms.Any(t => t.Backend is EmulatorTpmBackend) == tpm)
                yield return Path.GetRelativePath(SharedCorpus.RepositoryRoot, file);
        }
    }

    [Fact]
    public void There_are_at_least_ten_bundled_QEMU_examples() =>
        Assert.True(Examples().Count + ExamplesWithTpm().Count >= 10, $"{Examples().Count} + {ExamplesWithTpm().Count} examples");

    [QemuBinaryTheory]
    [MemberData(nameof(Examples))]
    public Task Check_finds_every_device_of_the_example(string example) => CheckAsync(example);

    [Launching.SwtpmTheory]
    [MemberData(nameof(ExamplesWithTpm))]
    public async Task Check_finds_every_device_of_the_example_with_a_TPM_on_a_real_swtpm(string example)
    {
        var report = await CheckAsync(example);
        Assert.Contains(report.Substitutions, s => s.StartsWith("tpm ", StringComparison.Ordinal) && s.Contains("the real swtpm", StringComparison.Ordinal));
    }

    private async Task<DeviceCheckReport> CheckAsync(string example)
    {
        var parsed = DomainLoader.LoadFile(InputFiles.Disk, Path.Combine(SharedCorpus.RepositoryRoot, example));
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics.Select(d => d.Format())));

        var outcome = await DomainCheck.RunAsync(new DomainCheckRequest
        {
            Domain = parsed.Domain!,
            Emulator = qemu.Description,
            // <os firmware> chooses from this host's firmware descriptions, as the check command does.
            Host = HostRuntime.Firmware.HostFirmware.With(HostSettings.Default),
            KvmUsable = HostKvm.IsUsable(),
            DomainFile = example,
            Timeout = TimeSpan.FromSeconds(30),
        }, CancellationToken.None);

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics.Select(d => d.Format())));
        Assert.True(outcome.Report!.AllFound, outcome.Report.ToTable());
        Assert.False(EmulatorProbeTests.ProcessExists(outcome.ProcessId!.Value));
        return outcome.Report;
    }
}

/// <summary>A theory that runs the real x86_64 emulator, skipped (saying why) when it is not installed.</summary>
public sealed class QemuBinaryTheoryAttribute : TheoryAttribute
{
    public QemuBinaryTheoryAttribute()
    {
        if (!File.Exists(QemuBinaryFactAttribute.Path)) Skip = $"{QemuBinaryFactAttribute.Path} is not installed; these tests start a real QEMU";
    }
}
