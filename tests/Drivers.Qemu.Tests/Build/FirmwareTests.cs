using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Build;

/// <summary>
/// Firmware on a modern emulator: flash loaders and UEFI variable stores as -blockdev nodes named by the
/// machine, <c>&lt;os firmware&gt;</c> chosen from hand-made firmware descriptions, secure flash with SMM,
/// and the machine features; refusals where nothing fits or the emulator cannot.
/// </summary>
public sealed class FirmwareTests
{
    private static readonly EmulatorDescription Modern = new()
    {
        Path = "/usr/bin/qemu-system-x86_64",
        Arch = "x86_64",
        Capabilities = QemuCapabilitySet.Of(QemuCapability.Device, QemuCapability.Drive, QemuCapability.Chardev, QemuCapability.Accel,
            QemuCapability.Blockdev, QemuCapability.MachineOpt, QemuCapability.ExplicitBooleans),
        Machines = [new MachineType("pc", "pc-i440fx-7.2"), new MachineType("pc-i440fx-7.2"), new MachineType("q35", "pc-q35-7.2"), new MachineType("pc-q35-7.2")],
    };

    private static FirmwareDescription Uefi(string name, string code, string vars, string[] machines, params string[] features) => new()
    {
        Source = $"/usr/share/qemu/firmware/{name}.json",
        Interfaces = ["uefi"],
        Mapping = new FirmwareMapping
        {
            Device = FirmwareDevice.Flash,
            Executable = new FirmwareFile(code),
            NvramTemplate = new FirmwareFile(vars),
        },
        Targets = [new FirmwareDescriptionTarget("x86_64", [.. machines])],
        Features = [.. features],
    };

    /// <summary>In priority order: secure boot with keys enrolled (q35 only), secure boot, then plain UEFI for both machines.</summary>
    private static readonly ImmutableArray<FirmwareDescription> Descriptions =
    [
        Uefi("40-enrolled", "/fw/CODE.ms.fd", "/fw/VARS.ms.fd", ["pc-q35-*"], "enrolled-keys", "requires-smm", "secure-boot"),
        Uefi("50-secure", "/fw/CODE.secboot.fd", "/fw/VARS.fd", ["pc-q35-*"], "requires-smm", "secure-boot"),
        Uefi("60-plain", "/fw/CODE.fd", "/fw/VARS.fd", ["pc-i440fx-*", "pc-q35-*"]),
    ];

    private static readonly HostSettings Host = FocusedBuild.Host with { Firmware = Descriptions, LibDirectory = "/lib/q" };

    private static QemuBuildResult Build(string os, string machine = "q35", string osAttributes = "", string body = "", EmulatorDescription? emulator = null)
    {
        var parsed = DomainLoader.LoadText($"""
            <domain type='qemu'><name>vm</name><memory>1048576</memory><vcpu>1</vcpu>
              <os{osAttributes}><type arch='x86_64' machine='{machine}'>hvm</type>{os}</os>
            {body}
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator></devices>
            </domain>
            """, "fw.xml");
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        return QemuCommandBuilder.Build(parsed.Domain!, emulator ?? Modern, Host, new QemuBuildOptions());
    }

    private static IReadOnlyList<string> Words(string os, string machine = "q35", string osAttributes = "", string body = "")
    {
        var result = Build(os, machine, osAttributes, body);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.CommandLine!.Words;
    }

    [Fact]
    public void A_pflash_loader_with_a_template_is_a_read_only_code_drive_and_a_writable_store_named_by_the_machine()
    {
        var words = Words("<loader readonly='yes' type='pflash'>/fw/CODE.fd</loader><nvram template='/fw/VARS.fd'/>", machine: "pc");

        ArgvAssert.Contains(words, "-blockdev", "driver=file,filename=/fw/CODE.fd,node-name=libvirt-pflash0-storage,auto-read-only=on,discard=unmap");
        ArgvAssert.Contains(words, "-blockdev", "node-name=libvirt-pflash0-format,read-only=on,driver=raw,file=libvirt-pflash0-storage");
        ArgvAssert.Contains(words, "-blockdev", "driver=file,filename=/lib/q/nvram/vm_VARS.fd,node-name=libvirt-pflash1-storage,auto-read-only=on,discard=unmap");
        ArgvAssert.Contains(words, "-blockdev", "node-name=libvirt-pflash1-format,read-only=off,driver=raw,file=libvirt-pflash1-storage");
        ArgvAssert.Contains(words, "-machine", "pc-i440fx-7.2,pflash0=libvirt-pflash0-format,pflash1=libvirt-pflash1-format");
        Assert.DoesNotContain("-bios", words);
        var vars = Build("<loader readonly='yes' type='pflash'>/fw/CODE.fd</loader><nvram template='/fw/VARS.fd'/>", machine: "pc").Plan!.Firmware!.Vars!;
        Assert.Equal("/fw/VARS.fd", vars.Template);
    }

    [Fact]
    public void A_file_with_a_comma_stays_one_value_of_the_blockdev()
    {
        var words = Words("<loader readonly='no' type='pflash'>/fw/a,b.fd</loader>", machine: "pc");

        ArgvAssert.Contains(words, "-blockdev", "driver=file,filename=/fw/a,,b.fd,node-name=libvirt-pflash0-storage,auto-read-only=on,discard=unmap");
        Assert.DoesNotContain(words, w => w.Contains("pflash1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rom_loader_stays_bios()
    {
        var words = Words("<loader type='rom'>/fw/bios.bin</loader>", machine: "pc");

        ArgvAssert.Contains(words, "-bios", "/fw/bios.bin");
        Assert.DoesNotContain("-blockdev", words);
    }

    [Fact]
    public void Efi_takes_the_first_description_that_fits_and_its_smm_requirement_turns_smm_and_secure_flash_on()
    {
        var result = Build("", osAttributes: " firmware='efi'");
        var words = result.CommandLine!.Words;

        Assert.Equal("/fw/CODE.ms.fd", result.Plan!.Firmware!.Code!.Path);
        Assert.Equal("/fw/VARS.ms.fd", result.Plan.Firmware.Vars!.Template);
        ArgvAssert.Contains(words, "-machine", "pc-q35-7.2,smm=on,pflash0=libvirt-pflash0-format,pflash1=libvirt-pflash1-format");
        ArgvAssert.Contains(words, "-global", "driver=cfi.pflash01,property=secure,value=on");
    }

    [Fact]
    public void Efi_without_secure_boot_skips_the_secure_descriptions_and_leaves_smm_alone()
    {
        var result = Build("<firmware><feature enabled='no' name='secure-boot'/></firmware>", osAttributes: " firmware='efi'");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("/fw/CODE.fd", result.Plan!.Firmware!.Code!.Path);
        Assert.DoesNotContain(result.CommandLine!.Words, w => w.Contains("smm", StringComparison.Ordinal) || w.Contains("cfi.pflash01", StringComparison.Ordinal));
    }

    [Fact]
    public void Secure_boot_without_enrolled_keys_takes_the_second_description()
    {
        var result = Build("<firmware><feature enabled='yes' name='secure-boot'/><feature enabled='no' name='enrolled-keys'/></firmware>", osAttributes: " firmware='efi'");

        Assert.Equal("/fw/CODE.secboot.fd", result.Plan!.Firmware!.Code!.Path);
    }

    [Fact]
    public void Efi_that_no_description_fits_is_refused_at_the_os_naming_what_was_asked()
    {
        var result = Build("<firmware><feature enabled='yes' name='secure-boot'/></firmware>", machine: "pc", osAttributes: " firmware='efi'");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code.Id == "DL4440");
        Assert.Contains("uefi firmware for x86_64 machine pc-i440fx-7.2 with secure-boot", error.Message);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void Bios_that_no_description_offers_is_qemus_own_bios()
    {
        var words = Words("", osAttributes: " firmware='bios'");

        Assert.DoesNotContain("-bios", words);
        Assert.DoesNotContain("-blockdev", words);
    }

    [Fact]
    public void Smm_switched_off_refuses_every_description_that_needs_it()
    {
        var result = Build("", osAttributes: " firmware='efi'", body: "<features><smm state='off'/></features>");

        Assert.Equal("/fw/CODE.fd", result.Plan!.Firmware!.Code!.Path);
        Assert.Contains(result.CommandLine!.Words, w => w.StartsWith("pc-q35-7.2,smm=off,", StringComparison.Ordinal));
    }

    [Fact]
    public void A_network_variable_store_is_refused_at_the_nvram()
    {
        var result = Build("""
            <loader readonly='yes' type='pflash'>/fw/CODE.fd</loader>
            <nvram type='network'><source protocol='iscsi' name='iqn.2013-07.com.example:t'><host name='example.com' port='6000'/></source></nvram>
            """, machine: "pc");

        var error = Assert.Single(result.Diagnostics, d => d.Code.Id == "DL4442");
        Assert.EndsWith("os/nvram", error.Location.Path);
    }

    [Fact]
    public void Machine_features_become_machine_properties_and_vmcoreinfo_a_device()
    {
        var words = Words("", body: "<features><smm state='on'><tseg unit='MiB'>48</tseg></smm><vmport state='off'/><ioapic driver='qemu'/><vmcoreinfo state='on'/></features>");

        ArgvAssert.Contains(words, "-machine", "pc-q35-7.2,smm=on,vmport=off,kernel_irqchip=split");
        ArgvAssert.Contains(words, "-global", "mch.extended-tseg-mbytes=48");
        ArgvAssert.Contains(words, "-device", "vmcoreinfo");
    }

    [Fact]
    public void Machine_features_on_an_emulator_without_accel_are_refused_at_the_feature()
    {
        var old = Modern with { Capabilities = QemuCapabilitySet.Of(QemuCapability.Device, QemuCapability.Drive, QemuCapability.Chardev) };
        var result = Build("", machine: "pc", body: "<features><vmport state='off'/></features>", emulator: old);

        var error = Assert.Single(result.Diagnostics, d => d.Code.Id == "DL4441");
        Assert.Contains("'accel'", error.Message);
        Assert.EndsWith("features/vmport", error.Location.Path);
    }
}
