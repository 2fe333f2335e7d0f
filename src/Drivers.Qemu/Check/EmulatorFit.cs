using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Check;

/// <summary>
/// The second refusal before launch: a built command line that names a device type, machine type or
/// CPU model the probed emulator does not have is refused with a diagnostic naming it, instead of
/// letting QEMU fail on it. Only what the description knows is checked (hand-written descriptions list
/// no device types).
/// </summary>
public static class EmulatorFit
{
    public static IReadOnlyList<Diagnostic> Check(QemuCommandLine commandLine, EmulatorDescription emulator, SourceLocation where)
    {
        var diagnostics = new DiagnosticBag();
        var args = commandLine.Args;
        for (var i = 0; i + 1 < args.Length; i++)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "-device":
                    var driver = Leading(value);
                    if (!emulator.HasDeviceType(driver))
                        diagnostics.Error(CheckDiagnostics.DeviceTypeMissing, where,
                            $"the domain needs device type '{driver}', which {emulator.Path} does not have");
                    break;
                case "-M" or "-machine":
                    var machine = Leading(value);
                    if (!emulator.Machines.IsEmpty && !machine.Contains('=') && emulator.FindMachine(machine) is null)
                        diagnostics.Error(CheckDiagnostics.MachineMissing, where,
                            $"the domain needs machine type '{machine}', which {emulator.Path} does not have");
                    break;
                case "-cpu":
                    var model = Leading(value);
                    if (!emulator.CpuModels.IsEmpty && !emulator.SupportsCpuModel(model))
                        diagnostics.Error(CheckDiagnostics.CpuModelMissing, where,
                            $"the domain needs CPU model '{model}', which {emulator.Path} does not have");
                    break;
            }
        }
        return diagnostics.ToList();
    }

    /// <summary>The leading bare item of a QEMU option value (the driver or machine name): up to the first single comma.</summary>
    private static string Leading(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != ',') continue;
            if (i + 1 < value.Length && value[i + 1] == ',') { i++; continue; }
            return value[..i].Replace(",,", ",", StringComparison.Ordinal);
        }
        return value.Replace(",,", ",", StringComparison.Ordinal);
    }
}
