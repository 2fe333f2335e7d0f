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
        // The devices are listed in a list of the thread's, emptied again before returning: no iterator and no
        // list made per document.
        var devices = t_devices ??= new List<(string? Id, string? Type, SourceLocation Where)>(64);
        devices.Clear();
        try
        {
            Devices(domain, plan, devices);
            CheckIds(devices, diagnostics);
            if (!launch) return;
            foreach (var (_, type, where) in devices)
            {
                if (type is not null && !emulator.HasDeviceType(type))
                    diagnostics.Error(QemuDiagnostics.DeviceTypeMissing, where,
                        $"the domain needs device type '{type}', which {emulator.Path} does not have");
            }
        }
        finally
        {
            devices.Clear();
            if (devices.Capacity > MaxKeptDevices) t_devices = null;
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

    [ThreadStatic] private static List<(string? Id, string? Type, SourceLocation Where)>? t_devices;

    private const int MaxKeptDevices = 1024;

    /// <summary>Up to this many devices, an id is looked for among the ones before it, not in a dictionary made for the document.</summary>
    private const int FewDevices = 64;

    /// <summary>QEMU refuses a second device with an id it already has (one disk target twice, one alias twice): each is refused at its element, naming the first.</summary>
    private static void CheckIds(List<(string? Id, string? Type, SourceLocation Where)> devices, DiagnosticBag diagnostics)
    {
        Dictionary<string, SourceLocation>? ids = devices.Count > FewDevices ? new(StringComparer.Ordinal) : null;
        for (var i = 0; i < devices.Count; i++)
        {
            var (id, _, where) = devices[i];
            if (id is null) continue;
            SourceLocation? first = null;
            if (ids is not null)
            {
                if (!ids.TryAdd(id, where)) first = ids[id];
            }
            else
            {
                for (var j = 0; j < i; j++)
                {
                    if (devices[j].Id is { } other && other.Length == id.Length && other == id)
                    {
                        first = devices[j].Where;
                        break;
                    }
                }
            }
            if (first is { } at)
                diagnostics.Error(QemuDiagnostics.HardwareImpossible, where,
                    $"the device id '{id}' is also the id of the device at line {at.Line}: two devices of the domain have one name (such as one disk target twice)");
        }
    }

    /// <summary>
    /// Each device the plan gives QEMU, with the id QEMU knows it by (null where the plan gives none that
    /// can clash: codecs, inputs, watchdog, balloon, USB companions), its type after <c>-device</c> (null
    /// where none is written) and the element it stands for. One list, so ids and types never disagree.
    /// </summary>
    private static void Devices(Domain domain, QemuPlan plan, List<(string? Id, string? Type, SourceLocation Where)> devices)
    {
        if (!plan.UseDevice) return;
        foreach (var p in plan.Disks) devices.Add((p.Alias, p.QemuType, p.Disk.Location));
        foreach (var p in plan.Interfaces)
            devices.Add((p.Alias, p.Interface is HostdevInterface ? null : p.QemuType, p.Interface.Location));
        foreach (var p in plan.Controllers)
            devices.Add((p.QemuType is not null && p.Master is null ? p.Alias : null, p.QemuType, p.Implicit ? domain.Location : p.Controller.Location));
        foreach (var p in plan.Serials) devices.Add((p.Alias, p.QemuType, p.Device.Location));
        foreach (var p in plan.Parallels) devices.Add((p.Alias, p.QemuType, p.Device.Location));
        foreach (var p in plan.Channels) devices.Add((p.Alias, p.QemuType, p.Device.Location));
        foreach (var p in plan.Consoles) devices.Add((p.Alias, p.QemuType, p.Device.Location));
        foreach (var p in plan.Sounds)
        {
            devices.Add((p.Alias, p.QemuType, p.Sound.Location));
            foreach (var codec in p.Codecs) devices.Add((null, codec.QemuType, p.Sound.Location));
        }
        foreach (var p in plan.Videos) devices.Add((p.QemuType is null ? null : p.Alias, p.QemuType, p.Location));
        foreach (var p in plan.Inputs) devices.Add((null, p.QemuType, p.Input.Location));
        foreach (var p in plan.VirtioInputs) devices.Add((p.Alias, p.QemuType, p.Input.Location));
        foreach (var p in plan.Filesystems) devices.Add((p.Alias, p.QemuType, p.Filesystem.Location));
        foreach (var p in plan.HostDevices) devices.Add((p.Alias, p.QemuType, p.Location));
        foreach (var p in plan.Hubs) devices.Add((p.Alias, p.QemuType, p.Hub.Location));
        foreach (var p in plan.RedirectedDevices) devices.Add((p.Alias, p.QemuType, p.Device.Location));
        if (plan.Smartcard is { } card) devices.Add((card.Alias, card.QemuType, card.Card.Location));
        if (plan.Watchdog is { } watchdog) devices.Add((null, watchdog.QemuType, domain.Devices.Watchdog?.Location ?? domain.Location));
        if (plan.Balloon is { } balloon) devices.Add((null, balloon.QemuType, domain.Devices.MemBalloon?.Location ?? domain.Location));
        plan.Misc.AddDevices(devices);
    }
}
