using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Emit;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// Without <c>-chardev</c> a serial or parallel port is one legacy <c>-serial</c>/<c>-parallel</c> word
/// (issue 11, item 5): a source that word cannot carry exactly (a unix path such as
/// <c>s1,logfile=/x</c> is escaped, but one with <c>=</c> before any <c>,</c>, a host that is not a name or
/// address, a control character) is refused at its device, by the rule of the word's writer.
/// </summary>
internal sealed class LegacyCharDeviceChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        if (input.Has(QemuCapability.Device) && input.Has(QemuCapability.Chardev)) return;
        var devices = input.Domain.Devices;
        // The first console becomes the serial port when the domain has none.
        var consoles = devices.Serials.IsEmpty ? devices.Consoles.Take(1) : [];
        foreach (var device in devices.Serials.Concat(devices.Parallels).Concat(consoles))
        {
            if (CharSourceSyntax.LegacyProblem(device.Source) is { } problem)
                diagnostics.Error(QemuDiagnostics.UnwritableValue, device.Location,
                    $"without -chardev this <{device.Kind.ToString().ToLowerInvariant()}> is a legacy -serial/-parallel word, and its source {problem}");
        }
    }
}
