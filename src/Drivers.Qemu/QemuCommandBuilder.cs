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
        emulator = DomainCapabilityOverrides.Apply(domain, emulator, diagnostics);
        QemuValidator.Validate(new QemuCheckInput(domain, emulator, host, options), diagnostics);
        if (diagnostics.HasErrors) return new QemuBuildResult(null, diagnostics.ToList());
        var rootBusHotplug = ImplicitRootBus.Hotplug(domain);
        domain = ImplicitRootBus.Without(domain);

        var planned = QemuPlanner.Plan(domain, emulator, host, options, rootBusHotplug);
        diagnostics.AddRange(planned.Diagnostics);
        if (planned.Plan is not { } plan || diagnostics.HasErrors) return new QemuBuildResult(null, diagnostics.ToList());
        PlannedFitChecks.Check(domain, plan, emulator, options.RefuseUnfit, diagnostics);
        if (diagnostics.HasErrors) return new QemuBuildResult(null, diagnostics.ToList());

        var ctx = new QemuContext(domain, emulator, host, options, plan);
        // The thread's lists, emptied, for every command it builds: only the command line's own arrays are made.
        var environment = t_environment ??= new List<Output.EnvironmentAssignment>(16);
        var args = t_args ??= new List<string>(128);
        environment.Clear();
        args.Clear();
        EnvironmentEmitter.Emit(ctx, environment);
        // Each section appends its words to the one list: no sequence per section to enumerate and copy.
        foreach (var section in Sections)
            section(ctx, args);
        // The document's raw arguments are the last words (PassthroughEmitter): overrides reach only the driver's own.
        DevicePropertyOverrides.Apply(domain, args, args.Count - (domain.QemuCommandLine?.Args.Length ?? 0), diagnostics);
        if (diagnostics.HasErrors)
        {
            args.Clear();
            environment.Clear();
            return new QemuBuildResult(null, diagnostics.ToList());
        }
        var commandLine = new Output.QemuCommandLine([.. environment], emulator.Path, [.. args]);
        environment.Clear();
        args.Clear();
        // A list grown by a very large command is not kept for the next.
        if (args.Capacity > MaxKeptWords) t_args = null;
        if (environment.Capacity > MaxKeptWords) t_environment = null;
        return new QemuBuildResult(commandLine, diagnostics.ToList()) { Plan = plan, Context = ctx };
    }

    // A command's words and environment are gathered in lists of the thread's, reused from one command to the
    // next: a list of 128 words made for each command is a kilobyte of fresh memory per document of a batch.
    [ThreadStatic] private static List<string>? t_args;
    [ThreadStatic] private static List<Output.EnvironmentAssignment>? t_environment;

    private const int MaxKeptWords = 4096;

    /// <summary>The sections of the command line, in the order QEMU receives them (one table: the same for every domain).</summary>
    private static readonly Action<QemuContext, List<string>>[] Sections =
    [
        IdentityEmitter.Name,
        CompatEmitter.Emit,
        (c, args) =>
        {
            if (c.Options.StartPaused) args.Add("-S");
        },
        FirmwareEmitter.Blockdevs,
        MachineEmitter.Emit,
        FirmwareEmitter.Globals,
        (c, args) => args.AddRange(c.Plan.Cpu.Words),
        MachineEmitter.Accelerator,
        MachineEmitter.Bios,
        MemoryEmitter.Emit,
        SmpEmitter.Emit,
        MemoryDeviceEmitter.IoThreads,
        NumaEmitter.Emit,
        MemoryDeviceEmitter.Dimms,
        IdentityEmitter.Uuid,
        IdentityEmitter.DomainId,
        SmbiosEmitter.Emit,
        DefaultsEmitter.Emit,
        MonitorEmitter.Emit,
        ClockEmitter.Emit,
        LifecycleEmitter.Emit,
        BootEmitter.Emit,
        MiscDeviceEmitter.GenerationId,
        // QEMU wants the IOMMU before the PCI devices it translates for.
        MiscDeviceEmitter.Iommu,
        PciControllerEmitter.Emit,
        MemoryDeviceEmitter.PciDevices,
        ControllerEmitter.Emit,
        DiskEmitter.Emit,
        FilesystemEmitter.Emit,
        NetworkEmitter.Emit,
        SmartcardEmitter.Emit,
        CharDeviceEmitter.Serials,
        CharDeviceEmitter.Parallels,
        ChannelEmitter.Channels,
        ChannelEmitter.Consoles,
        UsbInputEmitter.Usb,
        UsbHubEmitter.Emit,
        UsbInputEmitter.Inputs,
        VirtioInputEmitter.Emit,
        AudioEmitter.Emit,
        GraphicsEmitter.Emit,
        VideoEmitter.Emit,
        SoundEmitter.Emit,
        TpmEmitter.Emit,
        WatchdogEmitter.Emit,
        RedirectedDeviceEmitter.Emit,
        HostDeviceEmitter.Emit,
        MigrationEmitter.Emit,
        BalloonEmitter.Emit,
        RngEmitter.Emit,
        MiscDeviceEmitter.Panics,
        MiscDeviceEmitter.Shmems,
        MiscDeviceEmitter.Vsock,
        MachineDeviceEmitter.Emit,
        PassthroughEmitter.Emit,
    ];
}
