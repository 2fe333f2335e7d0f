using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>
/// The orphan check every test class that launches QEMU runs when it is done: no live process may
/// still name the class's private run base on its command line (QEMU's -pidfile and monitor socket
/// are there). Any found are killed, then the check fails, so a leak shows as a test failure and
/// never as a stray QEMU on the CI machine.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class LeftoverEmulators
{
    public static void AssertNoneUnder(string runBase)
    {
        var left = GuestLaunchFailureTests.PidsOf(runBase);
        foreach (var pid in left) EmulatorLiveness.KillAsync(pid, TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
        Assert.True(left.Count == 0, $"QEMU processes outlived their test under {runBase}: {string.Join(", ", left)}");
    }
}
