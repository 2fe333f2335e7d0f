using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// <c>&lt;smbios mode&gt;</c>: 'sysinfo' and 'host' need QEMU's <c>-smbios type=</c>; 'sysinfo' needs
/// the domain's <c>&lt;sysinfo&gt;</c>; 'host' needs the host's SMBIOS tables, which the host settings
/// do not carry, so it is refused. 'emulate' (QEMU's own values) needs nothing.
/// </summary>
internal sealed class SmbiosChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var os = input.Domain.Os;
        if (os?.Smbios is not ({ } mode and not SmbiosMode.Emulate)) return;
        var what = $"<smbios mode='{SmbiosModeXml.Table.ToXml(mode)}'>";
        CapabilityNeeds.Check(input, diagnostics, QemuCapability.SmbiosType, os.Location, what);
        if (mode == SmbiosMode.Host)
            diagnostics.Error(QemuDiagnostics.UnsupportedByHost, os.Location,
                $"{what} copies the host's SMBIOS tables, which the host settings do not provide");
        else if (input.Domain.Sysinfo is null)
            diagnostics.Error(QemuDiagnostics.MissingSysinfo, os.Location,
                $"{what} takes the values from <sysinfo type='smbios'>, which the domain does not have");
    }
}
