using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// The plan held against what QEMU accepts: never two devices with one id; and before a launch
/// (<see cref="QemuBuildOptions.RefuseUnfit"/>), against what this emulator has: every device type the plan chose, its machine type and
/// CPU model must be ones the emulator lists (a hand-written description lists none, and is not held to
/// this), and the PC's BIOS must be able to hold the boot order. Each refusal is at the element the
/// planned thing came from. Reads the plan; decides nothing.
/// </summary>
internal static class PlannedFitChecks
{
    /// <summary>The PC's CMOS boot order holds this many devices.</summary>
    private const int PcBootDevices = 3;

    // launch: everything is checked (QemuBuildOptions.RefuseUnfit); otherwise only that no two devices share an id, which no QEMU accepts.
    public static void Check(Domain domain, QemuPlan plan, EmulatorDescription emulator, bool launch, DiagnosticBag diagnostics)
    {
        // QEMU refuses a second device with an id it already has (one disk target twice, one alias twice).
        var ids = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        // The list is walked again for a launch rather than kept: a batch translation only needs the ids.
        foreach (var (id, _, where) in Devices(domain, plan))
        {
            if (id is not null && !ids.TryAdd(id, where))
                diagnostics.Error(QemuDiagnostics.HardwareImpossible, where,
                    $"the device id '{id}' is also the id of the device at line {ids[id].Line}: two devices of the domain have one name (such as one disk target twice)");
        }
        if (!launch) return;

        foreach (var (_, type, where) in Devices(domain, plan))
        {
            if (type is not null && !emulator.HasDeviceType(type))
                diagnostics.Error(QemuDiagnostics.DeviceTypeMissing, where,
                    $"the domain needs device type '{type}', which {emulator.Path} does not have");
        }

        var os = domain.Os?.Location ?? domain.Location;
        if (!emulator.Machines.IsEmpty && !plan.Machine.Contains('=', StringComparison.Ordinal) && emulator.FindMachine(plan.Machine) is null)
            diagnostics.Error(QemuDiagnostics.MachineMissing, os,
                $"the domain needs machine type '{plan.Machine}', which {emulator.Path} does not have");

        // The probe runs under TCG, whose model list lacks 'host'; under KVM it exists.
        var kvm = plan.Accelerator == QemuAccelerator.Kvm || plan.Accelerator is null && domain.Type == DomainType.Kvm;
        if (plan.Cpu.Model is { } model && !emulator.CpuModels.IsEmpty && !emulator.SupportsCpuModel(model) && !(model == "host" && kvm))
            diagnostics.Error(QemuDiagnostics.CpuModelMissing, domain.Cpu?.Location ?? domain.Location,
                $"the domain needs CPU model '{model}', which {emulator.Path} does not have");

        if (!plan.EmitBootIndex && PcMachines.IsPc(plan.Machine) && domain.Os is { BootDevices.Length: > PcBootDevices } bootOs)
            diagnostics.Error(QemuDiagnostics.HardwareImpossible, bootOs.Location,
                $"the domain boots from {bootOs.BootDevices.Length} devices in order; the PC BIOS boot order holds {PcBootDevices}");
    }

    /// <summary>
    /// Each device the plan gives QEMU, with the id QEMU knows it by (null where the plan gives none that
    /// can clash: codecs, inputs, watchdog, balloon, USB companions), its type after <c>-device</c> (null
    /// where none is written) and the element it stands for. One list, so ids and types never disagree.
    /// </summary>
    private static IEnumerable<(string? Id, string? Type, SourceLocation Where)> Devices(Domain domain, QemuPlan plan)
    {
        if (!plan.UseDevice) yield break;
        foreach (var p in plan.Disks) yield return (p.Alias, p.QemuType, p.Disk.Location);
        foreach (var p in plan.Interfaces)
            yield return (p.Alias, p.Interface is HostdevInterface ? null : p.QemuType, p.Interface.Location);
        foreach (var p in plan.Controllers)
            yield return (p.QemuType is not null && p.Master is null ? p.Alias : null, p.QemuType, p.Implicit ? domain.Location : p.Controller.Location);
        foreach (var p in plan.Serials) yield return (p.Alias, p.QemuType, p.Device.Location);
        foreach (var p in plan.Parallels) yield return (p.Alias, p.QemuType, p.Device.Location);
        foreach (var p in plan.Channels) yield return (p.Alias, p.QemuType, p.Device.Location);
        foreach (var p in plan.Consoles) yield return (p.Alias, p.QemuType, p.Device.Location);
        foreach (var p in plan.Sounds)
        {
            yield return (p.Alias, p.QemuType, p.Sound.Location);
            foreach (var codec in p.Codecs) yield return (null, codec.QemuType, p.Sound.Location);
        }
        foreach (var p in plan.Videos) yield return (p.QemuType is null ? null : p.Alias, p.QemuType, p.Location);
        foreach (var p in plan.Inputs) yield return (null, p.QemuType, p.Input.Location);
        foreach (var p in plan.VirtioInputs) yield return (p.Alias, p.QemuType, p.Input.Location);
        foreach (var p in plan.Filesystems) yield return (p.Alias, p.QemuType, p.Filesystem.Location);
        foreach (var p in plan.HostDevices) yield return (p.Alias, p.QemuType, p.Location);
        foreach (var p in plan.Hubs) yield return (p.Alias, p.QemuType, p.Hub.Location);
        foreach (var p in plan.RedirectedDevices) yield return (p.Alias, p.QemuType, p.Device.Location);
        if (plan.Smartcard is { } card) yield return (card.Alias, card.QemuType, card.Card.Location);
        if (plan.Watchdog is { } watchdog) yield return (null, watchdog.QemuType, domain.Devices.Watchdog?.Location ?? domain.Location);
        if (plan.Balloon is { } balloon) yield return (null, balloon.QemuType, domain.Devices.MemBalloon?.Location ?? domain.Location);
        foreach (var device in plan.Misc.Devices()) yield return device;
    }
}
