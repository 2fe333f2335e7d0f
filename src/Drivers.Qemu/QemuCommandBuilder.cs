using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Emit;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Validate;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu;

/// <summary>
/// Turns a domain into the QEMU command line libvirt 0.10.2 would run for it: validate against the
/// emulator and host (all problems reported, nothing built on error), plan every decision once
/// (the guest CPU, which may still refuse, defaults, device types and addresses), then emit each section in the order QEMU's command line reads. Pure: no file system,
/// clock or process access.
/// </summary>
public static class QemuCommandBuilder
{
    public static QemuBuildResult Build(Domain domain, EmulatorDescription emulator, HostSettings host, QemuBuildOptions? options = null)
    {
        options ??= QemuBuildOptions.Default;
        var diagnostics = new DiagnosticBag();
        QemuValidator.Validate(new QemuCheckInput(domain, emulator, host, options), diagnostics);
        if (diagnostics.HasErrors) return new QemuBuildResult(null, diagnostics.ToList());
        var rootBusHotplug = ImplicitRootBus.Hotplug(domain);
        domain = ImplicitRootBus.Without(domain);

        var planned = QemuPlanner.Plan(domain, emulator, host, options);
        diagnostics.AddRange(planned.Diagnostics);
        if (planned.Plan is not { } plan || diagnostics.HasErrors) return new QemuBuildResult(null, diagnostics.ToList());
        plan = plan with { RootBusHotplug = rootBusHotplug };
        PlannedFitChecks.Check(domain, plan, emulator, options.RefuseUnfit, diagnostics);
        if (diagnostics.HasErrors) return new QemuBuildResult(null, diagnostics.ToList());

        var ctx = new QemuContext(domain, emulator, host, options, plan);
        var environment = EnvironmentEmitter.Emit(ctx).ToImmutableArray();
        var commandLine = new Output.QemuCommandLine(environment, emulator.Path, [.. Sections(ctx).SelectMany(section => section(ctx))]);
        return new QemuBuildResult(commandLine, diagnostics.ToList()) { Plan = plan, Context = ctx };
    }

    /// <summary>The sections of the command line, in the order QEMU receives them.</summary>
    private static IEnumerable<Func<QemuContext, IEnumerable<string>>> Sections(QemuContext ctx)
    {
        yield return IdentityEmitter.Name;
        yield return _ => ["-S"];
        yield return FirmwareEmitter.Blockdevs;
        yield return MachineEmitter.Emit;
        yield return FirmwareEmitter.Globals;
        yield return c => c.Plan.Cpu.Words;
        yield return MachineEmitter.Accelerator;
        yield return MachineEmitter.Bios;
        yield return MemoryEmitter.Emit;
        yield return SmpEmitter.Emit;
        yield return MemoryDeviceEmitter.IoThreads;
        yield return NumaEmitter.Emit;
        yield return MemoryDeviceEmitter.Dimms;
        yield return IdentityEmitter.Uuid;
        yield return IdentityEmitter.DomainId;
        yield return SmbiosEmitter.Emit;
        yield return DefaultsEmitter.Emit;
        yield return MonitorEmitter.Emit;
        yield return ClockEmitter.Emit;
        yield return LifecycleEmitter.Emit;
        yield return BootEmitter.Emit;
        yield return MiscDeviceEmitter.GenerationId;
        // QEMU wants the IOMMU before the PCI devices it translates for.
        yield return MiscDeviceEmitter.Iommu;
        yield return PciControllerEmitter.Emit;
        yield return MemoryDeviceEmitter.PciDevices;
        yield return ControllerEmitter.Emit;
        yield return DiskEmitter.Emit;
        yield return FilesystemEmitter.Emit;
        yield return NetworkEmitter.Emit;
        yield return SmartcardEmitter.Emit;
        yield return CharDeviceEmitter.Serials;
        yield return CharDeviceEmitter.Parallels;
        yield return ChannelEmitter.Channels;
        yield return ChannelEmitter.Consoles;
        yield return UsbInputEmitter.Usb;
        yield return UsbHubEmitter.Emit;
        yield return UsbInputEmitter.Inputs;
        yield return VirtioInputEmitter.Emit;
        yield return AudioEmitter.Emit;
        yield return GraphicsEmitter.Emit;
        yield return VideoEmitter.Emit;
        yield return SoundEmitter.Emit;
        yield return TpmEmitter.Emit;
        yield return WatchdogEmitter.Emit;
        yield return RedirectedDeviceEmitter.Emit;
        yield return HostDeviceEmitter.Emit;
        yield return MigrationEmitter.Emit;
        yield return BalloonEmitter.Emit;
        yield return RngEmitter.Emit;
        yield return MiscDeviceEmitter.Panics;
        yield return MiscDeviceEmitter.Shmems;
        yield return MiscDeviceEmitter.Vsock;
        yield return MachineDeviceEmitter.Emit;
        yield return PassthroughEmitter.Emit;
    }
}
