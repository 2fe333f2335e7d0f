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
    // Plain loops and a table made at the first index: nearly every document has none, and an iterator and a
    // dictionary were made for each.
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var d = input.Domain.Devices;
        Dictionary<uint, SourceLocation>? seen = null;
        foreach (var disk in d.Disks) if (disk.AcpiIndex is { } i) Index(input, diagnostics, ref seen, i, disk.Location);
        foreach (var nic in d.Interfaces) if (nic.Options?.AcpiIndex is { } i) Index(input, diagnostics, ref seen, i, nic.Location);
        foreach (var video in d.Videos) if (video.AcpiIndex is { } i) Index(input, diagnostics, ref seen, i, video.Location);
        foreach (var sound in d.Sounds) if (sound.AcpiIndex is { } i) Index(input, diagnostics, ref seen, i, sound.Location);
        foreach (var device in d.Inputs) if (device.AcpiIndex is { } i) Index(input, diagnostics, ref seen, i, device.Location);
        foreach (var serial in d.Serials) if (serial.AcpiIndex is { } i) Index(input, diagnostics, ref seen, i, serial.Location);
        if (d.MemBalloon is { AcpiIndex: { } b } balloon) Index(input, diagnostics, ref seen, b, balloon.Location);
    }

    private static void Index(QemuCheckInput input, DiagnosticBag diagnostics, ref Dictionary<uint, SourceLocation>? seen, uint index, SourceLocation where)
    {
        if (!input.Has(QemuCapability.AcpiIndex))
            diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, where,
                $"<acpi index='{index}'> needs the emulator capability '{QemuCapabilityNames.Name(QemuCapability.AcpiIndex)}', which '{input.Emulator.Path}' lacks");
        else if (!(seen ??= []).TryAdd(index, where))
            diagnostics.Error(QemuDiagnostics.HardwareImpossible, where,
                $"<acpi index='{index}'> is also the index of the device at line {seen[index].Line}; the guest's ACPI tables name each device once");
    }
}
