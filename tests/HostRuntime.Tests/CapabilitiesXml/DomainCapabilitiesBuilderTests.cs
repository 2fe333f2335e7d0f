using LoaderType = DomainLauncher.HostRuntime.CapabilitiesXml.LoaderType;
using PciBackend = DomainLauncher.HostRuntime.CapabilitiesXml.PciBackend;
using System.Collections.Immutable;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.HostRuntime.CapabilitiesXml;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Tests.CapabilitiesXml;

/// <summary>Each rule of the domain capabilities, varied one fact at a time on hand-made probes and hosts.</summary>
public sealed class DomainCapabilitiesBuilderTests
{
    private static DomainCapabilities Build(
        DomainCapabilitiesRequest? request = null, DomainLauncher.HostRuntime.Probing.ProbeResult? probe = null, HostFacts? host = null)
    {
        var built = DomainCapabilitiesBuilder.Build(probe ?? HandMadeHosts.X86_64, host ?? HandMadeHosts.TcgOnlyHost, request ?? new());
        Assert.False(built.HasErrors, string.Join("; ", built.Diagnostics.Select(d => d.Format())));
        return built.Value!;
    }

    private static IReadOnlyList<string> Errors(DomainCapabilitiesRequest request, HostFacts? host = null, DomainLauncher.HostRuntime.Probing.ProbeResult? probe = null)
    {
        var built = DomainCapabilitiesBuilder.Build(probe ?? HandMadeHosts.X86_64, host ?? HandMadeHosts.TcgOnlyHost, request);
        Assert.Null(built.Value);
        return [.. built.Diagnostics.Where(d => d.IsError).Select(d => d.Format())];
    }

    [Fact]
    public void Default_machine_is_the_emulators_default_under_its_canonical_name()
    {
        var caps = Build();
        Assert.Equal("pc-i440fx-7.2", caps.Machine);
        Assert.Equal(255u, caps.VcpuMax);
    }

    [Fact]
    public void An_alias_resolves_to_its_versioned_machine_and_that_machines_cpu_limit()
    {
        var caps = Build(new DomainCapabilitiesRequest { Machine = "q35" });
        Assert.Equal("pc-q35-7.2", caps.Machine);
        Assert.Equal(288u, caps.VcpuMax);
    }

    [Fact]
    public void Unknown_machine_is_an_error_naming_the_available_ones()
    {
        var error = Assert.Single(Errors(new DomainCapabilitiesRequest { Machine = "bogus" }));
        Assert.Contains("DL6102", error);
        Assert.Contains("'bogus'", error);
        Assert.Contains("pc-i440fx-7.2", error);
        Assert.Contains("q35", error);
        Assert.DoesNotContain("none", error);
    }

    [Fact]
    public void The_boardless_none_machine_is_not_a_guest_machine()
    {
        Assert.Contains("DL6102", Assert.Single(Errors(new DomainCapabilitiesRequest { Machine = "none" })));
    }

    [Fact]
    public void An_emulator_without_a_default_machine_asks_for_one()
    {
        var probe = HandMadeHosts.X86_64 with { Machines = [.. HandMadeHosts.X86_64.Machines.Select(m => m with { IsDefault = false })] };
        Assert.Contains("DL6104", Assert.Single(Errors(new DomainCapabilitiesRequest(), probe: probe)));
    }

    [Fact]
    public void Another_arch_than_the_emulators_is_an_error_naming_both()
    {
        var error = Assert.Single(Errors(new DomainCapabilitiesRequest { Arch = "aarch64" }));
        Assert.Contains("DL6103", error);
        Assert.Contains("x86_64", error);
        Assert.Contains("aarch64", error);
    }

    [Fact]
    public void QEMUs_i386_target_is_libvirts_i686()
    {
        var caps = Build(probe: HandMadeHosts.X86_64 with { Arch = "i386" });
        Assert.Equal("i686", caps.Arch);
    }

    [Fact]
    public void Kvm_on_a_host_without_usable_dev_kvm_is_an_error()
    {
        var error = Assert.Single(Errors(new DomainCapabilitiesRequest { VirtType = DomainType.Kvm }));
        Assert.Contains("DL6100", error);
        Assert.Contains("/dev/kvm", error);
    }

    [Fact]
    public void Kvm_with_an_emulator_built_without_it_is_an_error()
    {
        var probe = HandMadeHosts.X86_64 with { KvmBuiltIn = false, Accelerators = ["tcg"] };
        Assert.Contains("DL6101", Assert.Single(Errors(new DomainCapabilitiesRequest { VirtType = DomainType.Kvm }, HandMadeHosts.KvmHost, probe)));
    }

    [Fact]
    public void Kvm_cannot_run_another_archs_guests()
    {
        var probe = HandMadeHosts.X86_64 with { Arch = "aarch64" };
        Assert.Contains("DL6100", Assert.Single(Errors(new DomainCapabilitiesRequest { VirtType = DomainType.Kvm }, HandMadeHosts.KvmHost, probe)));
    }

    [Fact]
    public void Virt_type_defaults_to_kvm_where_usable_and_to_qemu_elsewhere()
    {
        Assert.Equal(DomainType.Kvm, Build(host: HandMadeHosts.KvmHost).Domain);
        Assert.Equal(DomainType.Qemu, Build(host: HandMadeHosts.TcgOnlyHost).Domain);
    }

    [Fact]
    public void Qemu_type_needs_the_tcg_accelerator()
    {
        var probe = HandMadeHosts.X86_64 with { Accelerators = ["kvm"] };
        Assert.Contains("DL6107", Assert.Single(Errors(new DomainCapabilitiesRequest { VirtType = DomainType.Qemu }, probe: probe)));
    }

    [Fact]
    public void Loader_lists_the_existing_images_whose_description_fits_the_machine_in_description_order()
    {
        Assert.Equal(["/usr/share/OVMF/OVMF_CODE_4M.fd"], Build().Loader!.Values.AsEnumerable());
        Assert.Equal(
            ["/usr/share/OVMF/OVMF_CODE_4M.ms.fd", "/usr/share/OVMF/OVMF_CODE_4M.secboot.fd", "/usr/share/OVMF/OVMF_CODE_4M.fd"],
            Build(new DomainCapabilitiesRequest { Machine = "q35" }).Loader!.Values.AsEnumerable());
    }

    [Fact]
    public void Loader_leaves_out_images_that_are_not_on_disk_and_other_archs_images()
    {
        var host = HandMadeHosts.TcgOnlyHost with
        {
            Firmware =
            [
                HandMadeHosts.Ovmf("10-gone.json", "/nowhere/CODE.fd", "pc-*") with { ExecutableExists = false },
                HandMadeHosts.Ovmf("20-arm.json", "/usr/share/AAVMF/AAVMF_CODE.fd", "virt-*") with
                {
                    Targets = [new FirmwareTarget("aarch64", ["virt-*", "pc-*"])],
                },
                HandMadeHosts.Ovmf("30-ok.json", "/usr/share/OVMF/OVMF_CODE.fd", "pc-*"),
                HandMadeHosts.Ovmf("40-same.json", "/usr/share/OVMF/OVMF_CODE.fd", "pc-*"),
            ],
        };
        Assert.Equal(["/usr/share/OVMF/OVMF_CODE.fd"], Build(host: host).Loader!.Values.AsEnumerable());
    }

    [Fact]
    public void Loader_offers_pflash_only_with_the_drive_option()
    {
        Assert.Equal([LoaderType.Rom, LoaderType.Pflash], Build().Loader!.Types.AsEnumerable());
        var probe = HandMadeHosts.X86_64 with { CommandLineOptions = NameTable.Empty };
        Assert.Equal([LoaderType.Rom], Build(probe: probe).Loader!.Types.AsEnumerable());
    }

    [Fact]
    public void Ide_is_offered_on_i440fx_and_isapc_but_not_on_q35()
    {
        Assert.Contains(DiskBus.Ide, Build().Disk.Bus.AsEnumerable());
        Assert.Contains(DiskBus.Ide, Build(new DomainCapabilitiesRequest { Machine = "isapc" }).Disk.Bus.AsEnumerable());
        Assert.DoesNotContain(DiskBus.Ide, Build(new DomainCapabilitiesRequest { Machine = "q35" }).Disk.Bus.AsEnumerable());
    }

    [Fact]
    public void Each_disk_bus_follows_the_device_it_needs()
    {
        Assert.Equal([DiskBus.Ide, DiskBus.Fdc, DiskBus.Scsi, DiskBus.Virtio, DiskBus.Usb, DiskBus.Sata], Build().Disk.Bus.AsEnumerable());
        var bare = HandMadeHosts.X86_64 with { DeviceTypes = ["virtio-blk-pci"] };
        var caps = Build(probe: bare);
        Assert.Equal([DiskBus.Ide, DiskBus.Virtio], caps.Disk.Bus.AsEnumerable());
        Assert.Equal([DiskDevice.Disk, DiskDevice.Cdrom], caps.Disk.DiskDevice.AsEnumerable());
    }

    [Fact]
    public void Floppy_and_lun_follow_the_floppy_controller_and_scsi_block()
    {
        Assert.Equal([DiskDevice.Disk, DiskDevice.Cdrom, DiskDevice.Floppy, DiskDevice.Lun], Build().Disk.DiskDevice.AsEnumerable());
    }

    [Fact]
    public void Hostdev_offers_subsystem_devices_and_no_pci_backend_without_vfio()
    {
        var hostdev = Build().Hostdev;
        Assert.True(hostdev.Supported);
        Assert.Equal([HostdevMode.Subsystem], hostdev.Mode.AsEnumerable());
        Assert.Equal([HostdevSubsysType.Usb, HostdevSubsysType.Pci, HostdevSubsysType.Scsi], hostdev.SubsysType.AsEnumerable());
        Assert.Empty(hostdev.CapsType);
        Assert.Empty(hostdev.PciBackend.AsEnumerable());
    }

    [Fact]
    public void Usable_vfio_adds_the_default_and_vfio_pci_backends()
    {
        var hostdev = Build(host: HandMadeHosts.TcgOnlyHost with { VfioUsable = true }).Hostdev;
        Assert.Equal([PciBackend.Default, PciBackend.Vfio], hostdev.PciBackend.AsEnumerable());
    }

    [Fact]
    public void An_emulator_with_no_passthrough_device_has_no_hostdev_support()
    {
        var probe = HandMadeHosts.X86_64 with { DeviceTypes = ["virtio-blk-pci"] };
        var hostdev = Build(probe: probe).Hostdev;
        Assert.False(hostdev.Supported);
        Assert.Contains("<hostdev supported='no'/>", DomainCapabilitiesWriter.Write(Build(probe: probe)));
    }

    [Fact]
    public void Firmware_machine_patterns_are_shell_globs()
    {
        Assert.True(FirmwareDescriptor.GlobMatches("pc-q35-*", "pc-q35-7.2"));
        Assert.True(FirmwareDescriptor.GlobMatches("pc-?35-*", "pc-q35-7.2"));
        Assert.True(FirmwareDescriptor.GlobMatches("*", "anything"));
        Assert.False(FirmwareDescriptor.GlobMatches("pc-q35-*", "pc-i440fx-7.2"));
        Assert.False(FirmwareDescriptor.GlobMatches("pc-q35", "pc-q35-7.2"));
    }
}
