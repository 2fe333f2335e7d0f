using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.HostRuntime.CapabilitiesXml;
using DomainLauncher.HostRuntime.Check;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.HostRuntime.Tests.Probing;
using DomainLauncher.Tests.Shared;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.HostRuntime.Tests.Check;

/// <summary><c>check</c> passes for every bundled QEMU example (examples/ and examples/guests/), on the installed QEMU as probed, except those awaiting translation (below), which it refuses.</summary>
public sealed class ExampleCheckTests(ModernQemuFixture qemu) : IClassFixture<ModernQemuFixture>
{
    public static TheoryData<string> Examples()
    {
        var root = Path.Combine(SharedCorpus.RepositoryRoot, "examples");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(SharedCorpus.RepositoryRoot, file);
            if (DomainLoader.LoadFile(InputFiles.Disk, file).Domain is { Type: not DomainType.Xen } && !AwaitingTranslation.Contains(relative))
                data.Add(relative);
        }
        return data;
    }

    /// <summary>
    /// Examples of today's schema whose parts the QEMU driver reads but does not translate yet
    /// (issue 13): check must refuse them before starting anything, each refusal at an element
    /// naming what is missing (DL4310). When the driver learns them, the refusal test fails and the
    /// example moves to the passing ones.
    /// </summary>
    private static readonly HashSet<string> AwaitingTranslation = new(StringComparer.Ordinal)
    {
        Path.Combine("examples", "virt-install-q35.xml"),
    };

    public static TheoryData<string> ExamplesAwaitingTranslation() => [.. AwaitingTranslation];

    [Fact]
    public void There_are_at_least_ten_bundled_QEMU_examples() => Assert.True(Examples().Count >= 10, $"{Examples().Count} examples");

    [QemuBinaryTheory]
    [MemberData(nameof(Examples))]
    public async Task Check_finds_every_device_of_the_example(string example)
    {
        var parsed = DomainLoader.LoadFile(InputFiles.Disk, Path.Combine(SharedCorpus.RepositoryRoot, example));
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics.Select(d => d.Format())));

        var outcome = await DomainCheck.RunAsync(new DomainCheckRequest
        {
            Domain = parsed.Domain!,
            Emulator = qemu.Description,
            KvmUsable = HostKvm.IsUsable(),
            DomainFile = example,
            Timeout = TimeSpan.FromSeconds(30),
        }, CancellationToken.None);

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics.Select(d => d.Format())));
        Assert.True(outcome.Report!.AllFound, outcome.Report.ToTable());
        Assert.False(EmulatorProbeTests.ProcessExists(outcome.ProcessId!.Value));
    }
}

public sealed class ExampleAwaitingTranslationTests(ModernQemuFixture qemu) : IClassFixture<ModernQemuFixture>
{
    [QemuBinaryTheory]
    [MemberData(nameof(ExampleCheckTests.ExamplesAwaitingTranslation), MemberType = typeof(ExampleCheckTests))]
    public async Task Check_refuses_what_the_driver_cannot_translate_yet_before_starting_anything(string example)
    {
        var parsed = DomainLoader.LoadFile(InputFiles.Disk, Path.Combine(SharedCorpus.RepositoryRoot, example));
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics.Select(d => d.Format())));

        var outcome = await DomainCheck.RunAsync(new DomainCheckRequest
        {
            Domain = parsed.Domain!,
            Emulator = qemu.Description,
            Host = HostRuntime.Firmware.HostFirmware.With(Drivers.Qemu.Host.HostSettings.Default),
            KvmUsable = HostKvm.IsUsable(),
            DomainFile = example,
            Timeout = TimeSpan.FromSeconds(30),
        }, CancellationToken.None);

        Assert.False(outcome.Succeeded, $"{example} now checks: move it out of AwaitingTranslation");
        Assert.Null(outcome.ProcessId);
        var errors = outcome.Diagnostics.Where(d => d.IsError).ToList();
        Assert.NotEmpty(errors);
        // Refused at an element, naming what is not translated (DL4310) or what check cannot provide (DL43xx).
        Assert.All(errors, e => Assert.True(e.Code.Id.StartsWith("DL43", StringComparison.Ordinal) && e.Location.Line > 0, e.Format()));
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
