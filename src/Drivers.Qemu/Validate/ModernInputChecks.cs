using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// Inputs of today's schema against the emulator: a virtio input (or a passthrough one, virtio-input-host) is a
/// <c>-device</c>, which an emulator without the <c>device</c> capability cannot take.
/// </summary>
internal sealed class ModernInputChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        if (input.Has(QemuCapability.Device)) return;
        foreach (var device in input.Domain.Devices.Inputs)
        {
            if (InputBuses.Effective(device, input.Domain) == InputBus.Virtio || device.Type == InputType.Passthrough)
                diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, device.Location,
                    $"a virtio input needs the emulator capability '{QemuCapabilityNames.Name(QemuCapability.Device)}', which '{input.Emulator.Path}' lacks");
        }
    }
}
