using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>Whether a domain runs on QEMU's PC (i440FX) machine, whose IDE controller and BIOS set the limits the fit checks hold.</summary>
internal static class PcMachines
{
    public static bool IsPc(EmulatorDescription emulator, Domain domain) =>
        IsPc(domain.Os?.Machine is { } machine ? emulator.CanonicalMachine(machine) : emulator.DefaultMachine?.Resolved);

    /// <summary><c>pc</c> and its versions (<c>pc-i440fx-7.2</c>, <c>pc-1.2</c>), not <c>pc-q35-*</c>.</summary>
    public static bool IsPc(string? machine) =>
        machine is not null && (machine == "pc" || machine.StartsWith("pc-", StringComparison.Ordinal) && !machine.Contains("q35", StringComparison.Ordinal));
}
