using System.Globalization;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Native;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// What a domain about to be started cannot have, found in the domain before anything is planned
/// (<see cref="Build.QemuBuildOptions.RefuseUnfit"/>, <see cref="Build.QemuBuildOptions.RefuseTainted"/>):
/// raw arguments QEMU is not asked about, and hardware the PC does not have. libvirt 0.10.2 built command
/// lines for such domains (to-native still does); QEMU then refuses them or aborts.
/// </summary>
internal sealed class LaunchFitChecks : IQemuCheck
{
    /// <summary>The PC's IDE controller: two buses, two units each.</summary>
    private const uint PcIdeBuses = 2;

    private const uint PcIdeUnits = 2;

    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var domain = input.Domain;
        if (input.Options.RefuseTainted && domain.QemuCommandLine is { } raw && (!raw.Args.IsEmpty || !raw.Environment.IsEmpty))
            diagnostics.Error(QemuDiagnostics.Tainted, raw.Location,
                $"the domain passes raw words to QEMU (<qemu:commandline>: {string.Join(" ", raw.Args.Concat(raw.Environment.Select(e => $"{e.Name}={e.Value}")))}); " +
                $"whether {input.Emulator.Path} accepts them, and what they make it do, is not checked");
        if (input.Options.RefuseTainted && domain.QemuCapabilities is { } overrides)
            diagnostics.Error(QemuDiagnostics.Tainted, overrides.Location,
                $"the domain overrides QEMU capabilities (<qemu:capabilities>: add {string.Join(" ", overrides.Add)}; del {string.Join(" ", overrides.Remove)}); " +
                $"what {input.Emulator.Path} then does is not checked");
        if (input.Options.RefuseTainted && domain.QemuOverride is { } properties)
            diagnostics.Error(QemuDiagnostics.Tainted, properties.Location,
                $"the domain sets QEMU device properties unchecked (<qemu:override> of {string.Join(" ", properties.Devices.Select(d => d.Alias))}); " +
                $"what {input.Emulator.Path} then does is not checked");
        if (!input.Options.RefuseUnfit) return;

        // A launch or check builds for the binary it probed, whose architecture is its own (to-native refuses a named
        // emulator of another architecture as it describes it, EmulatorResolver).
        if (domain.Os?.Arch is { } arch && !GuestArchitectures.EmulatorRuns(input.Emulator.Arch, arch))
            diagnostics.Error(EmulatorChoiceDiagnostics.ArchNotEmulated, domain.Os.Location,
                EmulatorChoiceDiagnostics.ArchNotEmulatedMessage(arch, input.Emulator.Path, input.Emulator.Arch));

        var pc = PcMachines.IsPc(input.Emulator, domain);
        foreach (var disk in domain.Devices.Disks)
        {
            var bus = DiskTargetNames.BusOf(disk);
            if (pc && bus == DiskBus.Ide && DiskTargetNames.DriveAddressOf(disk) is { } drive
                && ((drive.Controller ?? 0) != 0 || (drive.Bus ?? 0) >= PcIdeBuses || (drive.Unit ?? 0) >= PcIdeUnits))
                diagnostics.Error(QemuDiagnostics.HardwareImpossible, disk.Location,
                    $"IDE disk {disk.Target.Dev} is on controller {drive.Controller ?? 0} bus {drive.Bus ?? 0} unit {drive.Unit ?? 0}; " +
                    "the PC has one IDE controller, with buses 0 and 1 and units 0 and 1");
            // QEMU's IDE hard disks (ide-hd, also on SATA) cannot be read-only; only CD-ROMs are.
            if (bus is DiskBus.Ide or DiskBus.Sata && (disk.Device ?? DiskDevice.Disk) == DiskDevice.Disk && disk.ReadOnly
                && input.Has(QemuCapability.Device) && input.Has(QemuCapability.IdeCd))
                diagnostics.Error(QemuDiagnostics.HardwareImpossible, disk.Location,
                    $"IDE disk {disk.Target.Dev} is read-only; QEMU's IDE hard disks cannot be (only CD-ROMs are)");
        }
        UsbPorts(input, diagnostics);
    }

    /// <summary>A USB device on a port its controller does not have.</summary>
    private static void UsbPorts(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var devices = input.Domain.Devices;
        var addressed = devices.Inputs.Select(d => ((DeviceAddress?)d.Address, d.Location, What: "input"))
            .Concat(devices.Hubs.Select(d => ((DeviceAddress?)d.Address, d.Location, What: "hub")))
            .Concat(devices.RedirectedDevices.Select(d => ((DeviceAddress?)d.Address, d.Location, What: "redirected device")))
            .Concat(devices.HostDevices.Select(d => ((DeviceAddress?)d.Address, d.Location, What: "host device")))
            .Concat(devices.Disks.Select(d => ((DeviceAddress?)d.Address, d.Location, What: "disk " + d.Target.Dev)));
        foreach (var (address, location, what) in addressed)
        {
            if (address is not UsbAddress { Port: { } port } usb) continue;
            var first = port.Split('.', 2)[0];
            if (!uint.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) continue;
            var bus = usb.Bus ?? 0;
            if (RootPorts(input, bus) is { } count && number > count)
                diagnostics.Error(QemuDiagnostics.HardwareImpossible, location,
                    $"USB {what} is on port {number} of USB bus {bus}, a controller with {count} ports");
        }
    }

    /// <summary>The root ports of the USB controller at <paramref name="index"/> (QEMU's defaults per model); null when unknown.</summary>
    private static uint? RootPorts(QemuCheckInput input, uint index)
    {
        // Companion controllers share the index of the EHCI master whose ports they serve.
        var controller = input.Domain.Devices.Controllers.OfType<UsbController>()
            .FirstOrDefault(c => c.Index == index && c.MasterStartPort is null);
        var model = controller?.Model ?? (input.Has(QemuCapability.Piix3UsbUhci) && controller is not null ? UsbControllerModel.Piix3Uhci : null);
        return model switch
        {
            UsbControllerModel.Piix3Uhci or UsbControllerModel.Piix4Uhci or UsbControllerModel.Vt82c686bUhci
                or UsbControllerModel.Ich9Uhci1 or UsbControllerModel.Ich9Uhci2 or UsbControllerModel.Ich9Uhci3 => 2,
            UsbControllerModel.Ehci or UsbControllerModel.Ich9Ehci1 => 6,
            UsbControllerModel.PciOhci => 3,
            UsbControllerModel.NecXhci => 8,
            _ => null,
        };
    }
}
