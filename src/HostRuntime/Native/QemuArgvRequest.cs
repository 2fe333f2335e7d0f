using DomainLauncher.Drivers.Qemu.Build;

namespace DomainLauncher.HostRuntime.Native;

/// <summary>What <see cref="NativeTranslation.QemuArgv"/> is told: the domain file and what the caller knows of the emulator and host.</summary>
public sealed record QemuArgvRequest
{
    /// <summary>The domain XML document.</summary>
    public required string DomainFile { get; init; }

    /// <summary>Capability names, libvirt's, comma-separated (<c>--caps</c>); an unknown one is a usage error.</summary>
    public string? CapabilityNames { get; init; }

    /// <summary>A file of capability names (<c>--caps-file</c>), added to <see cref="CapabilityNames"/>.</summary>
    public string? CapabilityFile { get; init; }

    /// <summary>A recorded emulator profile whose capabilities, machines and CPU models replace the defaults.</summary>
    public string? EmulatorProfileFile { get; init; }

    /// <summary>Host settings as JSON; null for a stock libvirt host.</summary>
    public string? HostSettingsFile { get; init; }

    /// <summary>An incoming migration source (<c>-incoming</c>), or null.</summary>
    public string? MigrateFrom { get; init; }

    /// <summary>The accelerator the user insists on, or null to follow the domain type and this host's <c>/dev/kvm</c>.</summary>
    public QemuAccelerator? Accelerator { get; init; }

    /// <summary>Leave out what the reader does not understand instead of refusing the domain (<c>--allow-unknown</c>).</summary>
    public bool AllowUnknown { get; init; }
}
