using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Firmware;

/// <summary>
/// The host side of the planned firmware, done before the emulator starts: a UEFI variable store that
/// does not exist yet is created as a copy of its template (as libvirt does on first start), and
/// flash images that are missing are refused here, naming the file, rather than by QEMU. An existing
/// store is kept: it holds the guest's variables.
/// </summary>
public static class FirmwareFiles
{
    public static IReadOnlyList<Diagnostic> Prepare(PlannedFirmware? firmware, SourceLocation where)
    {
        var diagnostics = new DiagnosticBag();
        if (firmware?.Code is { } code && !File.Exists(code.Path))
            diagnostics.Error(FirmwareDiagnostics.FlashImageMissing, where,
                $"the firmware flash image '{code.Path}'{From(firmware)} does not exist on this host");
        if (firmware?.Vars is { } vars && !File.Exists(vars.Path))
        {
            if (vars.BlockDevice || vars.Template is null)
                diagnostics.Error(FirmwareDiagnostics.FlashImageMissing, where,
                    $"the UEFI variable store '{vars.Path}' does not exist on this host, and no template to create it from is known "
                    + "(<nvram template='...'> or a firmware description naming the loader)");
            else if (!File.Exists(vars.Template))
                diagnostics.Error(FirmwareDiagnostics.FlashImageMissing, where,
                    $"the UEFI variable store template '{vars.Template}'{From(firmware)} does not exist on this host");
            else
            {
                try
                {
                    if (Path.GetDirectoryName(vars.Path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
                    File.Copy(vars.Template, vars.Path, overwrite: false);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    diagnostics.Error(FirmwareDiagnostics.NvramNotCreated, where,
                        $"the UEFI variable store '{vars.Path}' could not be copied from '{vars.Template}': {e.Message}");
                }
            }
        }
        return diagnostics.ToList();
    }

    private static string From(PlannedFirmware firmware) => firmware.ChosenFrom is { } source ? $" (from {source})" : "";
}
