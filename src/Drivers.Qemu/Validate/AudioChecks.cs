using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// Audio backends against the emulator: <c>&lt;audio&gt;</c> needs <c>-audiodev</c> (an older QEMU took one backend from its
/// environment, which cannot carry the XML's settings), the backend's driver must be one this QEMU was built with,
/// and every <c>&lt;audio id&gt;</c> a sound card or display names must be a backend the domain defines.
/// </summary>
internal sealed class AudioChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var devices = input.Domain.Devices;
        var audiodev = input.Has(QemuCapability.Audiodev);
        foreach (var audio in devices.Audios)
        {
            var type = AudioXml.Type.ToXml(audio.Type);
            if (!audiodev)
            {
                diagnostics.Error(QemuDiagnostics.AudioBackendNeedsAudiodev, audio.Location,
                    $"<audio type='{type}'> needs the emulator capability '{QemuCapabilityNames.Name(QemuCapability.Audiodev)}', which '{input.Emulator.Path}' lacks");
                continue;
            }
            var driver = AudioPlanning.DriverName(audio.Type);
            if (input.Emulator.HasAudiodevDriver(driver)) continue;
            // Like a device type the emulator lacks: a dry run still writes it; a launch is refused.
            UnfitReport.Add(diagnostics, input.Options.RefuseUnfit, QemuDiagnostics.AudioDriverMissing, audio.Location,
                $"<audio type='{type}'> needs the -audiodev driver '{driver}', which '{input.Emulator.Path}' was not built with; it has: {string.Join(", ", input.Emulator.AudiodevDrivers)}",
                "this QEMU would refuse the command line");
        }
        // The defined ids are gathered at the first device that names one: most domains have none.
        HashSet<uint>? ids = null;
        void Named(uint? id, SourceLocation where, string element)
        {
            if (id is not { } n) return;
            ids ??= [.. devices.Audios.Select(a => a.Id)];
            if (!ids.Contains(n))
                diagnostics.Error(QemuDiagnostics.UndefinedAudioBackend, where,
                    $"{element}<audio id='{n}'/> names an audio backend the domain does not define (no <audio id='{n}'>)");
        }
        foreach (var sound in devices.Sounds) Named(sound.AudioId, sound.Location, "<sound>");
        foreach (var graphics in devices.Graphics)
        {
            if (graphics is VncGraphics vnc) Named(vnc.AudioId, vnc.Location, "<graphics type='vnc'>");
            if (graphics is DbusGraphics dbus) Named(dbus.AudioId, dbus.Location, "<graphics type='dbus'>");
        }
    }
}
