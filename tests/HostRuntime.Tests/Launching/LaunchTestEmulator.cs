using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.HostRuntime.Tests.Probing;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>
/// The installed x86_64 QEMU as the launch tests describe it: probed once per test run, exactly as
/// product code describes it.
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
        return ProbeCapabilityRules.Describe(result);
    }
}
