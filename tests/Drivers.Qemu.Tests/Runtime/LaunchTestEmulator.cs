using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Probing;
using DomainLauncher.Drivers.Qemu.Tests.Probing;

namespace DomainLauncher.Drivers.Qemu.Tests.Runtime;

/// <summary>
/// The installed x86_64 QEMU as the launch tests describe it: probed once per test run, then
/// corrected. THE ONE PLACE the launch tests bend the probed set, and only until the builder emits
/// modern syntax for modern QEMU (issue 6, "Modern command lines"): the probe rightly grants kvm
/// (compiled in) and mlock (-overcommit mem-lock), but for them the legacy builder emits -no-kvm and
/// -realtime, which QEMU 7.2 no longer has; and vnc-colon and vga (any QEMU since 0.10) are not
/// visible over QMP: without them the builder writes '-vnc 5' rather than '-vnc 127.0.0.1:5', and the
/// removed '-std-vga' rather than '-vga std'. Product code takes the probe as it is.
/// </summary>
public static class LaunchTestEmulator
{
    private static readonly Lazy<Task<EmulatorDescription>> Probed = new(ProbeAsync);

    public static Task<EmulatorDescription> DescribeAsync() => Probed.Value;

    private static async Task<EmulatorDescription> ProbeAsync()
    {
        var outcome = await EmulatorProbe.ProbeAsync(QemuBinaryFactAttribute.Path, TimeSpan.FromSeconds(30), CancellationToken.None);
        if (outcome.Result is not { } result)
            throw new InvalidOperationException("probing the installed QEMU failed: " + string.Join("; ", outcome.Diagnostics.Select(d => d.Message)));
        var described = ProbeCapabilityRules.Describe(result);
        return described with
        {
            Capabilities = described.Capabilities.Without(QemuCapability.Kvm, QemuCapability.Mlock).With(QemuCapability.VncColon, QemuCapability.Vga),
        };
    }
}
