using DomainLauncher.Conformance.Qemu;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.HostRuntime.Check;
using DomainLauncher.HostRuntime.Tests.Probing;
using DomainLauncher.Tests.Shared;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.HostRuntime.Tests.Check;

/// <summary>
/// A host whose /dev/kvm opens may still be unable to run what a domain asks for (nested KVM on some
/// CPUs aborts on a host CPU's MSRs). <c>check</c> then says so, keeps QEMU's reason and checks the guest
/// hardware under TCG. These tests do not need KVM: the emulator is the installed QEMU behind a
/// wrapper that fails the way such a host does whenever it is asked for KVM, and the request says KVM
/// is usable, so they behave the same on machines with and without /dev/kvm.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class KvmFallbackTests(ModernQemuFixture qemu) : IClassFixture<ModernQemuFixture>, IDisposable
{
    private const string SimulatedReason = "kvm_buf_set_msrs: Assertion failed (simulated)";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dl-kvm-fallback-");

    public void Dispose() => _folder.Delete(recursive: true);

    [QemuBinaryFact]
    public async Task A_domain_KVM_cannot_run_is_checked_under_TCG_with_the_reason_and_the_substitution_reported()
    {
        var outcome = await Check(cpu: "", HostSettings.Default);

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics.Select(d => d.Format())));
        Assert.True(outcome.Report!.AllFound, outcome.Report.ToTable());
        var warning = Assert.Single(outcome.Diagnostics, d => d.Code == CheckDiagnostics.KvmCouldNotRun);
        Assert.False(warning.IsError);
        Assert.Contains(SimulatedReason, warning.Message);
        Assert.Contains(outcome.Report.Substitutions, s => s.StartsWith("domain: kvm", StringComparison.Ordinal) && s.Contains(SimulatedReason, StringComparison.Ordinal));
        Assert.Contains("tcg", outcome.CommandLine!.Args);
        Assert.DoesNotContain("kvm", outcome.CommandLine.Args);
        Assert.False(EmulatorProbeTests.ProcessExists(outcome.ProcessId!.Value));
    }

    [QemuCorpusFact]
    public async Task A_host_passthrough_domain_KVM_cannot_run_is_checked_under_TCG_as_max_with_a_note_and_QEMU_is_not_blamed()
    {
        // Under TCG there is no host CPU to pass through: the emulator's richest TCG CPU (max) stands for it, said in a note.
        var host = QemuxmlSuite.Load(SharedCorpus.Suite("qemuxml2argv")).Value!.Host;
        var outcome = await Check("<cpu mode='host-passthrough'/>", host);

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Diagnostics.Select(d => d.Format())));
        Assert.Contains(outcome.Diagnostics, d => d.Code == CheckDiagnostics.KvmCouldNotRun && d.Message.Contains(SimulatedReason, StringComparison.Ordinal));
        Assert.Contains(outcome.Diagnostics, d => d.Code.Id == "DL4461" && d.Severity == Translator.Diagnostics.Severity.Warning);
        var args = outcome.CommandLine!.Args;
        Assert.Equal("max", args[args.IndexOf("-cpu") + 1]);
        Assert.DoesNotContain(outcome.Diagnostics, d => d.IsError && d.Code.Id.StartsWith("DL60", StringComparison.Ordinal));
        if (outcome.ProcessId is { } pid) Assert.False(EmulatorProbeTests.ProcessExists(pid));
    }

    private async Task<DomainCheckOutcome> Check(string cpu, HostSettings host)
    {
        var wrapper = Path.Combine(_folder.FullName, "qemu-without-working-kvm");
        File.WriteAllText(wrapper, $$"""
            #!/bin/sh
            for word in "$@"; do
              if [ "$word" = kvm ]; then echo "qemu-system-x86_64: {{SimulatedReason}}" >&2; exit 134; fi
            done
            exec {{QemuBinaryFactAttribute.Path}} "$@"

            """);
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var parsed = DomainLoader.LoadText($"""
            <domain type='kvm'><name>kvm-fallback</name><memory>131072</memory><vcpu>1</vcpu>{cpu}
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices><emulator>{wrapper}</emulator><memballoon model='virtio'/></devices>
            </domain>
            """);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics.Select(d => d.Format())));
        return await DomainCheck.RunAsync(new DomainCheckRequest
        {
            Domain = parsed.Domain!,
            Emulator = qemu.Description with { Path = wrapper },
            Host = host,
            KvmUsable = true,
            DomainFile = "kvm-fallback.xml",
            Timeout = TimeSpan.FromSeconds(30),
        }, CancellationToken.None);
    }
}
