using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu;
using System.Collections.Immutable;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary>
/// Decides the domain capabilities of one probed emulator on one host, each value by a rule on
/// what the emulator reported (its machines, devices, options, accelerators) and the host facts.
/// A pure function: no file system or process access; the caller probes and reads the host.
/// </summary>
public static class DomainCapabilitiesBuilder
{
    public static LoadResult<DomainCapabilities> Build(ProbeResult probe, HostFacts host, DomainCapabilitiesRequest request)
    {
        var diagnostics = new DiagnosticBag();
        var where = SourceLocation.OfFile(probe.Path);
        var arch = GuestArchitectures.NameOf(probe.Arch);
        if (request.Arch is { } wanted && wanted != arch)
            diagnostics.Error(CapabilitiesXmlDiagnostics.ArchMismatch, where,
                $"'{probe.Path}' emulates {arch}, not the requested arch '{wanted}'; choose an emulator for '{wanted}' (--emulator)");

        var virtType = request.VirtType ?? (KvmProblem(probe, host, arch) is null ? DomainType.Kvm : DomainType.Qemu);
        if (virtType == DomainType.Kvm && KvmProblem(probe, host, arch) is { } problem)
            diagnostics.Error(problem.Code, where, problem.Message);
        // TCG is plain emulation: an emulator built without it (KVM-only builds) cannot run type 'qemu'.
        if (virtType == DomainType.Qemu && !probe.Accelerators.IsEmpty && !probe.Accelerators.Contains("tcg"))
            diagnostics.Error(CapabilitiesXmlDiagnostics.NoTcg, where,
                $"'{probe.Path}' has no TCG accelerator (it has {string.Join(", ", probe.Accelerators)}); use --virttype kvm");

        var machine = ChooseMachine(probe, request.Machine, where, diagnostics);
        if (machine is null || diagnostics.HasErrors) return LoadResult<DomainCapabilities>.From(null, diagnostics);

        var capabilities = new DomainCapabilities
        {
            Path = probe.Path,
            Domain = virtType,
            Machine = machine.Name,
            Arch = arch,
            // QEMU's own limit for the machine type. (Under KVM libvirt also caps it by the host's
            // KVM_CAP_MAX_VCPUS, which only an ioctl on /dev/kvm tells; not known here.)
            VcpuMax = machine.MaxCpus is > 0 ? (uint)machine.MaxCpus.Value : null,
            Loader = Loader(probe, host, machine),
            Disk = Disk(probe, machine),
            Hostdev = Hostdev(probe, host),
        };
        return LoadResult<DomainCapabilities>.From(capabilities, diagnostics);
    }

    /// <summary>Why KVM cannot run this emulator's guests here, or null when it can.</summary>
    internal static (DiagnosticCode Code, string Message)? KvmProblem(ProbeResult probe, HostFacts host, string arch)
    {
        if (!host.KvmUsable)
            return (CapabilitiesXmlDiagnostics.KvmNotUsable, "KVM is not usable on this host: /dev/kvm is missing or does not open read-write; use --virttype qemu");
        if (probe.KvmBuiltIn == false || (!probe.Accelerators.IsEmpty && !probe.Accelerators.Contains("kvm")))
            return (CapabilitiesXmlDiagnostics.KvmNotInEmulator, $"'{probe.Path}' was built without KVM support; use --virttype qemu");
        if (!GuestArchitectures.KvmRuns(host.Arch, arch))
            return (CapabilitiesXmlDiagnostics.KvmNotUsable, $"KVM on this {host.Arch} host cannot run {arch} guests; use --virttype qemu");
        return null;
    }

    // 'none' is QEMU's placeholder for running without a board (the probe uses it); no guest runs on it.
    private static IEnumerable<ProbedMachine> GuestMachines(ProbeResult probe) => probe.Machines.Where(m => m.Name != "none");

    private static ProbedMachine? ChooseMachine(ProbeResult probe, string? requested, SourceLocation where, DiagnosticBag diagnostics)
    {
        var machines = GuestMachines(probe).ToList();
        if (requested is null)
        {
            var fallback = machines.FirstOrDefault(m => m.IsDefault);
            if (fallback is null)
                diagnostics.Error(CapabilitiesXmlDiagnostics.NoDefaultMachine, where,
                    $"'{probe.Path}' names no default machine type; choose one with --machine ({Available(machines)})");
            return fallback;
        }
        var found = machines.FirstOrDefault(m => m.Name == requested) ?? machines.FirstOrDefault(m => m.Alias == requested);
        if (found is null)
            diagnostics.Error(CapabilitiesXmlDiagnostics.UnknownMachine, where,
                $"'{probe.Path}' has no machine type '{requested}'; available: {Available(machines)}");
        return found;
    }

    private static string Available(IEnumerable<ProbedMachine> machines) =>
        string.Join(", ", machines.SelectMany(m => m.Alias is null ? [m.Name] : new[] { m.Alias, m.Name })
            .Order(StringComparer.Ordinal));

    private static LoaderCapabilities Loader(ProbeResult probe, HostFacts host, ProbedMachine machine) => new()
    {
        // Only images whose description file names this arch and a machine pattern matching the
        // canonical machine, and that are really on disk (the spec: "only listed if they exist").
        Values = [.. host.Firmware
            .Where(f => f.ExecutableExists && f.Fits(probe.Arch, machine.Name))
            .Select(f => f.Executable)
            .Distinct(StringComparer.Ordinal)],
        // Every emulator maps a BIOS image as ROM (-bios); UEFI code goes on a flash device, which
        // QEMU offers through -drive if=pflash.
        Types = probe.HasOption("drive") ? [LoaderType.Rom, LoaderType.Pflash] : [LoaderType.Rom],
        // A flash image can be mapped read-only or writable; a ROM is read-only but the attribute is still accepted.
        ReadOnly = [true, false],
    };

    /// <summary>Machines whose board has IDE controllers built in: the i440FX PC (every version), the ISA PC, MIPS Malta, Sun4u and the G3 Mac.</summary>
    internal static bool HasBuiltInIde(ProbedMachine machine)
    {
        var name = machine.Name;
        return name is "pc" or "isapc" or "malta" or "sun4u" or "g3beige"
            || name.StartsWith("pc-i440fx-", StringComparison.Ordinal)
            || name.StartsWith("pc-0.", StringComparison.Ordinal)
            || name.StartsWith("pc-1.", StringComparison.Ordinal);
    }

    private static DiskCapabilities Disk(ProbeResult probe, ProbedMachine machine)
    {
        // A bus is offered when the emulator has the device a disk on it needs: a floppy controller,
        // a SCSI disk, a virtio block device, USB mass storage, an AHCI controller. IDE needs no
        // device: only boards with IDE built in have it. xen and uml are other hypervisors' buses;
        // sd (-drive if=sd) is not offered: libvirt dropped it and modern boards wire SD cards themselves.
        var floppy = probe.HasDevice("isa-fdc") || probe.HasDevice("sysbus-fdc");
        var buses = new List<DiskBus>();
        if (HasBuiltInIde(machine)) buses.Add(DiskBus.Ide);
        if (floppy) buses.Add(DiskBus.Fdc);
        if (probe.HasDevice("scsi-hd")) buses.Add(DiskBus.Scsi);
        if (probe.DeviceTypes.Any(d => d.StartsWith("virtio-blk", StringComparison.Ordinal))) buses.Add(DiskBus.Virtio);
        if (probe.HasDevice("usb-storage")) buses.Add(DiskBus.Usb);
        if (probe.HasDevice("ich9-ahci")) buses.Add(DiskBus.Sata);

        var devices = new List<DiskDevice> { DiskDevice.Disk, DiskDevice.Cdrom };
        if (floppy) devices.Add(DiskDevice.Floppy);
        // A LUN is a host SCSI device passed through with SG_IO: QEMU's scsi-block.
        if (probe.HasDevice("scsi-block")) devices.Add(DiskDevice.Lun);
        return new DiskCapabilities { Supported = buses.Count > 0, DiskDevice = [.. devices], Bus = [.. buses] };
    }

    private static HostdevCapabilities Hostdev(ProbeResult probe, HostFacts host)
    {
        // Each kind of host device needs QEMU's device for it: usb-host, vfio-pci (or the old KVM
        // pci-assign), scsi-generic.
        var pciAssign = probe.HasDevice("pci-assign") || probe.HasDevice("kvm-pci-assign");
        var subsys = new List<HostdevSubsysType>();
        if (probe.HasDevice("usb-host")) subsys.Add(HostdevSubsysType.Usb);
        if (probe.HasDevice("vfio-pci") || pciAssign) subsys.Add(HostdevSubsysType.Pci);
        if (probe.HasDevice("scsi-generic")) subsys.Add(HostdevSubsysType.Scsi);

        // A PCI backend is listed only when it can work here: VFIO needs the host's IOMMU and vfio
        // driver, legacy assignment needs KVM. 'default' stands for the first of them. Xen's
        // backend belongs to the Xen driver.
        var backends = new List<PciBackend>();
        var vfio = host.VfioUsable && probe.HasDevice("vfio-pci");
        var kvm = host.KvmUsable && pciAssign;
        if (vfio || kvm) backends.Add(PciBackend.Default);
        if (kvm) backends.Add(PciBackend.Kvm);
        if (vfio) backends.Add(PciBackend.Vfio);

        return new HostdevCapabilities
        {
            Supported = subsys.Count > 0,
            // 'capabilities' mode hands a container a host resource; QEMU guests take devices only.
            Mode = subsys.Count > 0 ? [HostdevMode.Subsystem] : [],
            // startupPolicy is libvirt's own decision about a missing USB device at start; every value applies.
            StartupPolicy = [HostdevStartupPolicy.Default, HostdevStartupPolicy.Mandatory, HostdevStartupPolicy.Requisite, HostdevStartupPolicy.Optional],
            SubsysType = [.. subsys],
            CapsType = [],
            PciBackend = [.. backends],
        };
    }
}
