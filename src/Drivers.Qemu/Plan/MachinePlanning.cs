using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// Decides the machine properties of the domain's <c>&lt;features&gt;</c> (SMM and its TSEG, vmport, the
/// IOAPIC, vmcoreinfo) and of its firmware: flash firmware that needs SMM gets it on. Validation has already
/// refused these features on emulators whose machines predate them and an SMM switched off under such firmware.
/// </summary>
internal static class MachinePlanning
{
    public static PlannedMachineOptions Plan(Domain domain, EmulatorDescription emulator, PlannedFirmware? firmware, PlannedMemory memory)
    {
        var features = domain.Features;
        bool? smm = features?.Smm is { } s ? s.State ?? true : null;
        if (firmware?.NeedsSmm == true) smm = true;
        return new PlannedMachineOptions
        {
            Smm = smm,
            TsegMiB = features?.Smm?.Tseg is { } tseg ? (tseg.Kibibytes + 1023) / 1024 : null,
            Vmport = features?.Vmport is { } vmport ? vmport.State ?? true : null,
            Vmcoreinfo = features?.Vmcoreinfo is { } info && info.State != false,
            // 0.10.2 had no way to give <nosharepages/> to QEMU; a machine with -accel takes mem-merge.
            MemMerge = domain.MemoryBacking is { NoSharePages: true } && emulator.Has(QemuCapability.Accel) ? false : null,
            MemoryBackend = memory.MachineRam?.Id,
            Nvdimm = memory.Nvdimm ? true : null,
            Hmat = memory.Hmat ? true : null,
        };
    }
}
