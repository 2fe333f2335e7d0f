using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Blockdev;

/// <summary>The floppy controller as a <c>-device isa-fdc</c> carrying the drives' boot indexes (<c>bootindexA</c>, <c>bootindexB</c>).</summary>
public sealed record PlannedFloppyController(string QemuType, uint? BootIndexA, uint? BootIndexB);

/// <summary>
/// Whether the floppy drives need a controller device: a q35 machine has no built-in floppy controller
/// (its floppy devices find no floppy bus otherwise); an i440fx machine's built-in one is set with <c>-global</c>.
/// </summary>
internal static class FloppyControllerPlanning
{
    public static PlannedFloppyController? Plan(IEnumerable<PlannedDisk> disks, string machine, EmulatorDescription emulator)
    {
        if (!emulator.Has(QemuCapability.Blockdev) || !IsQ35(machine)) return null;
        var floppies = disks.Where(d => d.Bus == DiskBus.Fdc).ToList();
        if (floppies.Count == 0) return null;
        uint? BootOf(uint unit) => floppies.FirstOrDefault(d => (d.Drive?.Unit ?? 0) == unit)?.BootIndex;
        return new PlannedFloppyController(Devices.QemuDeviceNames.FloppyController, BootOf(0), BootOf(1));
    }

    private static bool IsQ35(string machine) => machine == "q35" || machine.StartsWith("pc-q35-", StringComparison.Ordinal);
}
