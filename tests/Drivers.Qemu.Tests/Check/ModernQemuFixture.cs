using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Probing;
using DomainLauncher.Drivers.Qemu.Tests.Probing;

namespace DomainLauncher.Drivers.Qemu.Tests.Check;

/// <summary>
/// The installed QEMU (7.2), probed once, described as the command-line builder sees it. The capability
/// set is corrected here, and only here, to mirror the probe rules as they are being fixed in parallel:
/// options QEMU never lists over QMP (-uuid, -no-reboot, -vga, ...) are present on 7.2; the old `kvm`
/// (-no-kvm) and `mlock` (-realtime) are gone from it; and the modern names (accel, audiodev, overcommit,
/// explicit booleans, ...) hold. Remove the correction once ProbeCapabilityRules sets the same.
/// </summary>
public sealed class ModernQemuFixture : IAsyncLifetime
{
    public ProbeOutcome? Outcome { get; private set; }

    public EmulatorDescription? Emulator { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(QemuBinaryFactAttribute.Path)) return;
        Outcome = await EmulatorProbe.ProbeAsync(QemuBinaryFactAttribute.Path, TimeSpan.FromSeconds(30), CancellationToken.None);
        if (Outcome.Result is { } probe) Emulator = Corrected(ProbeCapabilityRules.Describe(probe));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public EmulatorDescription Description =>
        Emulator ?? throw new InvalidOperationException("probe failed: " + string.Join("; ", Outcome?.Diagnostics.Select(d => d.Message) ?? []));

    /// <summary>Mirrors the probe rules for QEMU 7.2 (see the class comment).</summary>
    public static EmulatorDescription Corrected(EmulatorDescription probed) => probed with
    {
        Capabilities = probed.Capabilities
            .Without(QemuCapability.Kvm, QemuCapability.Mlock)
            .With(
                QemuCapability.VncColon, QemuCapability.NoReboot, QemuCapability.Uuid, QemuCapability.DriveCacheV2,
                QemuCapability.Vga, QemuCapability.MemPath, QemuCapability.NoHpet, QemuCapability.NoShutdown,
                QemuCapability.NoAcpi, QemuCapability.NoUserConfig, QemuCapability.CacheDirectsync, QemuCapability.CacheUnsafe,
                QemuCapability.PciMultibus, QemuCapability.DeviceVideoPrimary, QemuCapability.DisableS3, QemuCapability.DisableS4,
                QemuCapability.MigrateQemuTcp, QemuCapability.MigrateQemuUnix, QemuCapability.MigrateQemuExec,
                QemuCapability.Accel, QemuCapability.Audiodev, QemuCapability.Blockdev, QemuCapability.DeviceJson,
                QemuCapability.Overcommit, QemuCapability.ExplicitBooleans, QemuCapability.DeviceFloppy,
                QemuCapability.MemoryBackendRam, QemuCapability.DeviceGeometry, QemuCapability.GuestfwdChardev,
                QemuCapability.WwnInteger, QemuCapability.MachineGraphics,
                QemuCapability.ChardevSerial, QemuCapability.TlsCredsX509),
    };
}
