using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Check;

/// <summary>
/// The second refusal before launch: a built command line that names a device type, machine type or
/// CPU model the probed emulator does not have is refused with a diagnostic naming it, instead of
/// letting QEMU fail on it. Only what the description knows is checked (hand-written descriptions list
/// no device types). So are domains whose hardware the PC cannot have (a third IDE bus or unit, more
/// than three BIOS boot devices, two devices with one id) and raw arguments QEMU is not asked about.
/// </summary>
public static class EmulatorFit
{
    /// <summary>The PC's CMOS boot order holds this many devices.</summary>
    private const int PcBootDevices = 3;

    public static IReadOnlyList<Diagnostic> Check(Domain domain, Drivers.Qemu.Output.QemuCommandLine commandLine, EmulatorDescription emulator)
    {
        var diagnostics = new DiagnosticBag();
        var where = domain.Location;
        if (domain.QemuCommandLine is { Args: { Length: > 0 } passed })
            diagnostics.Error(CheckDiagnostics.OptionMissing, where,
                $"the domain passes raw arguments to QEMU (<qemu:commandline>: {string.Join(" ", passed)}); check cannot tell whether {emulator.Path} accepts them");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var readOnlyDrives = new HashSet<string>(StringComparer.Ordinal);
        var usbPorts = new Dictionary<string, int>(StringComparer.Ordinal);
        var pc = IsPc(commandLine.Args);
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
                    if (pc && driver is "ide-hd" or "ide-cd" or "ide-drive" && Item(value, "bus") is { } bus && bus.StartsWith("ide.", StringComparison.Ordinal)
                        && (bus != "ide.0" && bus != "ide.1" || Item(value, "unit") is not (null or "0" or "1")))
                        diagnostics.Error(CheckDiagnostics.HardwareImpossible, where,
                            $"IDE disk {Item(value, "id")} is on {bus} unit {Item(value, "unit")}; the PC's IDE controller has buses 0 and 1 with units 0 and 1");
                    if (driver == "ide-hd" && Item(value, "drive") is { } drive && readOnlyDrives.Contains(drive))
                        diagnostics.Error(CheckDiagnostics.HardwareImpossible, where,
                            $"IDE disk {Item(value, "id")} is read-only; QEMU's IDE hard disks cannot be (only CD-ROMs are)");
                    if (UsbControllerPorts.TryGetValue(driver, out var ports) && Item(value, "id") is { } controller)
                        usbPorts[controller + ".0"] = ports;
                    if (Item(value, "bus") is { } usbBus && usbPorts.TryGetValue(usbBus, out var count)
                        && int.TryParse(Item(value, "port"), System.Globalization.CultureInfo.InvariantCulture, out var port) && port > count)
                        diagnostics.Error(CheckDiagnostics.HardwareImpossible, where,
                            $"USB device {Item(value, "id")} is on port {port} of {usbBus}, a controller with {count} ports");
                    Unique(Item(value, "id"), "-device");
                    break;
                case "-drive":
                    if (Item(value, "readonly") == "on" && Item(value, "id") is { } readOnly) readOnlyDrives.Add(readOnly);
                    Unique(Item(value, "id"), args[i]);
                    break;
                case "-chardev" or "-netdev":
                    Unique(Item(value, "id"), args[i]);
                    break;
                case "-boot" when pc && Item(value, "order") is { Length: > PcBootDevices } order:
                    diagnostics.Error(CheckDiagnostics.HardwareImpossible, where,
                        $"the domain boots from {order.Length} devices in order ({order}); the PC BIOS boot order holds {PcBootDevices}");
                    break;
                case "-M" or "-machine":
                    var machine = Leading(value);
                    if (!emulator.Machines.IsEmpty && !machine.Contains('=') && emulator.FindMachine(machine) is null)
                        diagnostics.Error(CheckDiagnostics.MachineMissing, where,
                            $"the domain needs machine type '{machine}', which {emulator.Path} does not have");
                    break;
                case "-cpu":
                    var model = Leading(value);
                    // The probe runs under TCG, whose model list lacks 'host'; under KVM it exists.
                    var kvmHost = model == "host" && domain.Type == DomainType.Kvm;
                    if (!emulator.CpuModels.IsEmpty && !emulator.SupportsCpuModel(model) && !kvmHost)
                        diagnostics.Error(CheckDiagnostics.CpuModelMissing, where,
                            $"the domain needs CPU model '{model}', which {emulator.Path} does not have");
                    break;
            }
        }
        return diagnostics.ToList();

        void Unique(string? id, string option)
        {
            if (id is not null && !ids.Add(option + " " + id))
                diagnostics.Error(CheckDiagnostics.HardwareImpossible, where,
                    $"two {option} options have the id '{id}' (two devices of the domain have one name, such as one disk target twice)");
        }
    }

    /// <summary>Root ports of the USB controllers QEMU emulates (its defaults).</summary>
    private static readonly Dictionary<string, int> UsbControllerPorts = new(StringComparer.Ordinal)
    {
        ["piix3-usb-uhci"] = 2, ["piix4-usb-uhci"] = 2, ["vt82c686b-usb-uhci"] = 2,
        ["ich9-usb-uhci1"] = 2, ["ich9-usb-uhci2"] = 2, ["ich9-usb-uhci3"] = 2,
        ["usb-ehci"] = 6, ["ich9-usb-ehci1"] = 6, ["pci-ohci"] = 3, ["nec-usb-xhci"] = 8,
    };

    private static bool IsPc(IReadOnlyList<string> args)
    {
        for (var i = 0; i + 1 < args.Count; i++)
            if (args[i] is "-M" or "-machine" && Leading(args[i + 1]) is var name && !name.Contains('='))
                return name == "pc" || name.StartsWith("pc-", StringComparison.Ordinal) && !name.Contains("q35", StringComparison.Ordinal);
        return false;
    }

    /// <summary>The value of <c>key=</c> in a QEMU option value, commas unescaped; null when absent.</summary>
    private static string? Item(string value, string key)
    {
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && value[i] != ',') continue;
            if (i + 1 < value.Length && value[i + 1] == ',') { i++; continue; }
            var item = value[start..i];
            if (item.StartsWith(key + "=", StringComparison.Ordinal)) return item[(key.Length + 1)..].Replace(",,", ",", StringComparison.Ordinal);
            start = i + 1;
        }
        return null;
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
