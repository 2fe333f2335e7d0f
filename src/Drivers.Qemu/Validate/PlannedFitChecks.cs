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
        foreach (var (id, where) in Ids(domain, plan))
        {
            if (!ids.TryAdd(id, where))
                diagnostics.Error(QemuDiagnostics.HardwareImpossible, where,
                    $"the device id '{id}' is also the id of the device at line {ids[id].Line}: two devices of the domain have one name (such as one disk target twice)");
        }
        if (!launch) return;

        foreach (var (type, where) in DeviceTypes(domain, plan))
        {
            if (!emulator.HasDeviceType(type))
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

    /// <summary>The id of each device the plan gives QEMU, with the element it stands for.</summary>
    private static IEnumerable<(string Id, SourceLocation Where)> Ids(Domain domain, QemuPlan plan)
    {
        if (!plan.UseDevice) yield break;
        foreach (var p in plan.Disks) yield return (p.Alias, p.Disk.Location);
        foreach (var p in plan.Interfaces) yield return (p.Alias, p.Interface.Location);
        foreach (var p in plan.Controllers.Where(c => c.QemuType is not null && c.Master is null))
            yield return (p.Alias, p.Implicit ? domain.Location : p.Controller.Location);
        foreach (var p in plan.Serials.Concat(plan.Parallels).Concat(plan.Channels).Concat(plan.Consoles)) yield return (p.Alias, p.Device.Location);
        foreach (var p in plan.Sounds) yield return (p.Alias, p.Sound.Location);
        foreach (var p in plan.Videos.Where(v => v.QemuType is not null)) yield return (p.Alias, p.Location);
        foreach (var p in plan.Filesystems) yield return (p.Alias, p.Filesystem.Location);
        foreach (var p in plan.HostDevices) yield return (p.Alias, p.Location);
        foreach (var p in plan.Hubs) yield return (p.Alias, p.Hub.Location);
        foreach (var p in plan.RedirectedDevices) yield return (p.Alias, p.Device.Location);
        if (plan.Smartcard is { } card) yield return (card.Alias, card.Card.Location);
    }

    /// <summary>Each device type the plan gives QEMU with <c>-device</c>, with the element it stands for.</summary>
    private static IEnumerable<(string Type, SourceLocation Where)> DeviceTypes(Domain domain, QemuPlan plan)
    {
        if (!plan.UseDevice) yield break;
        foreach (var p in plan.Disks) if (p.QemuType is { } t) yield return (t, p.Disk.Location);
        foreach (var p in plan.Interfaces.Where(n => n.Interface is not HostdevInterface)) yield return (p.QemuType, p.Interface.Location);
        foreach (var p in plan.Controllers) if (p.QemuType is { } t) yield return (t, p.Implicit ? domain.Location : p.Controller.Location);
        foreach (var p in plan.Serials.Concat(plan.Parallels).Concat(plan.Channels).Concat(plan.Consoles))
            if (p.QemuType is { } t) yield return (t, p.Device.Location);
        foreach (var p in plan.Sounds)
        {
            if (p.QemuType is { } t) yield return (t, p.Sound.Location);
            foreach (var codec in p.Codecs) yield return (codec.QemuType, p.Sound.Location);
        }
        foreach (var p in plan.Videos) if (p.QemuType is { } t) yield return (t, p.Location);
        foreach (var p in plan.Inputs) yield return (p.QemuType, p.Input.Location);
        foreach (var p in plan.Filesystems) yield return (p.QemuType, p.Filesystem.Location);
        foreach (var p in plan.HostDevices) yield return (p.QemuType, p.Location);
        foreach (var p in plan.Hubs) yield return (p.QemuType, p.Hub.Location);
        foreach (var p in plan.RedirectedDevices) yield return (p.QemuType, p.Device.Location);
        if (plan.Smartcard is { } card) yield return (card.QemuType, card.Card.Location);
        if (plan.Watchdog is { } watchdog) yield return (watchdog.QemuType, domain.Devices.Watchdog?.Location ?? domain.Location);
        if (plan.Balloon is { } balloon) yield return (balloon.QemuType, domain.Devices.MemBalloon?.Location ?? domain.Location);
    }
}
