using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// <c>&lt;acpi index&gt;</c> is a property of QEMU's PCI devices (<see cref="QemuCapability.AcpiIndex"/>); an emulator
/// without it cannot name the device in the guest's ACPI tables. Each index must be unique in the guest, as QEMU
/// requires.
/// </summary>
internal sealed class AcpiIndexChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<uint, SourceLocation>();
        foreach (var (index, where) in Indexes(input.Domain.Devices))
        {
            if (!input.Has(QemuCapability.AcpiIndex))
                diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, where,
                    $"<acpi index='{index}'> needs the emulator capability '{QemuCapabilityNames.Name(QemuCapability.AcpiIndex)}', which '{input.Emulator.Path}' lacks");
            else if (!seen.TryAdd(index, where))
                diagnostics.Error(QemuDiagnostics.HardwareImpossible, where,
                    $"<acpi index='{index}'> is also the index of the device at line {seen[index].Line}; the guest's ACPI tables name each device once");
        }
    }

    private static IEnumerable<(uint Index, SourceLocation Where)> Indexes(Translator.Model.Devices d)
    {
        foreach (var disk in d.Disks) if (disk.AcpiIndex is { } i) yield return (i, disk.Location);
        foreach (var nic in d.Interfaces) if (nic.Options?.AcpiIndex is { } i) yield return (i, nic.Location);
        foreach (var video in d.Videos) if (video.AcpiIndex is { } i) yield return (i, video.Location);
        foreach (var sound in d.Sounds) if (sound.AcpiIndex is { } i) yield return (i, sound.Location);
        foreach (var input in d.Inputs) if (input.AcpiIndex is { } i) yield return (i, input.Location);
        foreach (var serial in d.Serials) if (serial.AcpiIndex is { } i) yield return (i, serial.Location);
        if (d.MemBalloon is { AcpiIndex: { } b } balloon) yield return (b, balloon.Location);
    }
}
