using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.HostRuntime.Tests.Probing;

namespace DomainLauncher.HostRuntime.Tests.Check;

/// <summary>
/// The installed QEMU (7.2), probed once, described as the command-line builder sees it: exactly what
/// ProbeCapabilityRules make of the probe. <see cref="ModernNames"/> lists what the modern command line
/// relies on; a test asserts the probe sets every one of them.
/// </summary>
public sealed class ModernQemuFixture : IAsyncLifetime
{
    public ProbeOutcome? Outcome { get; private set; }

    public EmulatorDescription? Emulator { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(QemuBinaryFactAttribute.Path)) return;
        Outcome = await EmulatorProbe.ProbeAsync(QemuBinaryFactAttribute.Path, TimeSpan.FromSeconds(30), CancellationToken.None);
        if (Outcome.Result is { } probe) Emulator = ProbeCapabilityRules.Describe(probe);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public EmulatorDescription Description =>
        Emulator ?? throw new InvalidOperationException("probe failed: " + string.Join("; ", Outcome?.Diagnostics.Select(d => d.Message) ?? []));

    /// <summary>Capabilities the modern command line for QEMU 7.2 relies on.</summary>
    public static readonly QemuCapability[] ModernNames =
    [
        QemuCapability.VncColon, QemuCapability.NoReboot, QemuCapability.Uuid, QemuCapability.DriveCacheV2,
        QemuCapability.Vga, QemuCapability.MemPath, QemuCapability.NoHpet, QemuCapability.NoShutdown,
        QemuCapability.NoAcpi, QemuCapability.NoUserConfig, QemuCapability.CacheDirectsync, QemuCapability.CacheUnsafe,
        QemuCapability.PciMultibus, QemuCapability.DeviceVideoPrimary, QemuCapability.DisableS3, QemuCapability.DisableS4,
        QemuCapability.MigrateQemuTcp, QemuCapability.MigrateQemuUnix, QemuCapability.MigrateQemuExec,
        QemuCapability.Accel, QemuCapability.Audiodev, QemuCapability.Blockdev, QemuCapability.DeviceJson,
        QemuCapability.Overcommit, QemuCapability.ExplicitBooleans, QemuCapability.DeviceFloppy,
        QemuCapability.MemoryBackendRam, QemuCapability.DeviceGeometry, QemuCapability.GuestfwdChardev,
        QemuCapability.WwnInteger, QemuCapability.MachineGraphics,
        QemuCapability.ChardevSerial, QemuCapability.TlsCredsX509, QemuCapability.CpuModelExpansion,
    ];

    /// <summary>Legacy capabilities 7.2 must not have: each would make the builder write an option 7.2 rejects.</summary>
    public static readonly QemuCapability[] RemovedNames = [QemuCapability.Kvm, QemuCapability.Mlock];
}

public sealed class ModernQemuProbeTests(ModernQemuFixture qemu) : IClassFixture<ModernQemuFixture>
{
    [QemuBinaryFact]
    public void The_probe_of_QEMU_7_2_sets_every_name_the_modern_command_line_relies_on_and_none_it_rejects()
    {
        var capabilities = qemu.Description.Capabilities;
        var missing = ModernQemuFixture.ModernNames.Where(c => !capabilities.Has(c)).Select(QemuCapabilityNames.Name).ToList();
        var present = ModernQemuFixture.RemovedNames.Where(capabilities.Has).Select(QemuCapabilityNames.Name).ToList();

        Assert.True(missing.Count == 0, "not set by the probe: " + string.Join(", ", missing));
        Assert.True(present.Count == 0, "set by the probe though 7.2 rejects their options: " + string.Join(", ", present));
    }
}
