using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// Channels, consoles and virtio-serial controllers: guestfwd needs <c>-chardev</c> and <c>-device</c>;
/// a virtio channel or console and a virtio-serial controller need <c>-device</c>; a spicevmc channel
/// needs one of QEMU's two spicevmc forms and can only be the spice agent port; a console after the
/// first must be a virtio (or serial) console.
/// </summary>
internal sealed class ChannelChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        void Needs(QemuCapability capability, SourceLocation where, string what) =>
            CapabilityNeeds.Check(input, diagnostics, capability, where, what);
        var devices = input.Domain.Devices;
        foreach (var channel in devices.Channels)
        {
            switch (channel.Target)
            {
                case GuestfwdChannelTarget:
                    Needs(QemuCapability.Chardev, channel.Location, "a guestfwd channel");
                    Needs(QemuCapability.Device, channel.Location, "a guestfwd channel");
                    break;
                case VirtioChannelTarget virtio:
                    Needs(QemuCapability.Device, channel.Location, "a virtio channel");
                    if (channel.Source is SpicevmcCharSource)
                    {
                        if (!input.Has(QemuCapability.ChardevSpicevmc) && !input.Has(QemuCapability.DeviceSpicevmc))
                            diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, channel.Location,
                                $"a spicevmc channel needs the emulator capability 'chardev-spicevmc' or 'device-spicevmc', which '{input.Emulator.Path}' lacks");
                        if (virtio.Name is { } name && name != QemuDeviceNames.SpiceAgentPort)
                            diagnostics.Error(QemuDiagnostics.UnsupportedDevice, channel.Location,
                                $"a spicevmc channel can only be the spice agent port '{QemuDeviceNames.SpiceAgentPort}', not '{name}'");
                    }
                    else
                    {
                        Needs(QemuCapability.Chardev, channel.Location, "a virtio channel");
                    }
                    break;
                default:
                    diagnostics.Error(QemuDiagnostics.UnsupportedDevice, channel.Location, "a channel needs a 'guestfwd' or 'virtio' target");
                    break;
            }
        }
        for (var i = 0; i < devices.Consoles.Length; i++)
        {
            var console = devices.Consoles[i];
            var type = (console.Target as ConsoleTarget)?.Type;
            if (type == ConsoleTargetType.Virtio)
            {
                Needs(QemuCapability.Device, console.Location, "a virtio console");
                Needs(QemuCapability.Chardev, console.Location, "a virtio console");
            }
            else if (i > 0 && type is not (null or ConsoleTargetType.Serial))
            {
                diagnostics.Error(QemuDiagnostics.UnsupportedDevice, console.Location,
                    $"console target type '{CharTargetXml.ConsoleType.ToXml(type.Value)}' is not supported by QEMU; allowed: 'serial', 'virtio'");
            }
        }
        foreach (var controller in devices.Controllers.OfType<VirtioSerialController>())
            Needs(QemuCapability.Device, controller.Location, "a virtio-serial controller");
    }
}
