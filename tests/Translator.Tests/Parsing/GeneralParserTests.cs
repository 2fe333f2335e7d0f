using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>The domain's top-level sections: metadata, os, resources, cpu, lifecycle, features, clock.</summary>
public sealed class GeneralParserTests
{
    // A domain needs a memory size; documents whose subject is not memory get one after the body,
    // so that line numbers of the body stay as written.
    private static DomainParseResult Parse(string body, string type = "kvm") =>
        DomainLoader.LoadText($"<domain type='{type}'>\n<name>vm</name>\n{body}\n{MemoryUnlessGiven(body)}</domain>", "t.xml");

    private static string MemoryUnlessGiven(string body) =>
        System.Text.RegularExpressions.Regex.IsMatch(body, @"<memory\b[^>]*[^/]>\s*\d|<memory>") || body.Contains("<numa>", StringComparison.Ordinal) ? "" : "<memory>65536</memory>\n";

    private static Domain Ok(string body, string type = "kvm")
    {
        var result = Parse(body, type);
        Assert.True(result.Domain is not null, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        return result.Domain!;
    }

    private static Diagnostic Error(string body)
    {
        var result = Parse(body);
        Assert.Null(result.Domain);
        return Assert.Single(result.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void Minimal_domain_keeps_absent_sections_absent()
    {
        var d = DomainParser.ParseText("<domain type='kvm'><name>vm</name></domain>").Domain!;
        Assert.Equal(DomainType.Kvm, d.Type);
        Assert.Equal("vm", d.Name);
        Assert.Null(d.Uuid);
        Assert.Null(d.Os);
        Assert.Null(d.Memory);
        Assert.Null(d.Vcpu);
        Assert.Null(d.OnReboot);
        Assert.Null(d.Clock);
        Assert.Null(d.Features);
        Assert.Empty(d.Devices.Disks);
    }

    [Theory]
    [InlineData("c7a5fdbd-edaf-9455-926a-d65c16db1809")]
    [InlineData("c7a5fdbdedaf9455926ad65c16db1809")]
    public void Uuid_is_accepted_dashed_or_bare(string text) =>
        Assert.Equal(Guid.Parse("c7a5fdbd-edaf-9455-926a-d65c16db1809"), Ok($"<uuid>{text}</uuid>").Uuid);

    [Fact]
    public void Malformed_uuid_is_an_error_naming_the_forms()
    {
        var e = Error("<uuid>not-a-uuid</uuid>");
        Assert.Equal(DiagnosticCatalog.InvalidValue, e.Code);
        Assert.Contains("8-4-4-4-12", e.Message);
        Assert.Equal("domain/uuid", e.Location.Path);
    }

    [Fact]
    public void Missing_name_is_an_error_on_the_domain_element()
    {
        var result = DomainLoader.LoadText("<domain type='qemu'>\n<memory>1024</memory></domain>", "t.xml");
        var e = Assert.Single(result.Diagnostics);
        Assert.Equal("t.xml:1:2: error DL2001: domain: missing required element <name>", e.Format());
    }

    [Fact]
    public void Unknown_domain_type_lists_the_allowed_types()
    {
        var result = DomainLoader.LoadText("<domain type='bhyve'><name>x</name><memory>1024</memory></domain>", "t.xml");
        var e = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, e.Code);
        Assert.Contains("'bhyve'", e.Message);
        Assert.Contains("qemu, kqemu, kvm, xen", e.Message);
        Assert.Equal("domain/@type", e.Location.Path);
    }

    [Fact]
    public void Title_and_description_are_kept_verbatim()
    {
        var d = Ok("<title>A title</title><description>Some\ntext</description>");
        Assert.Equal("A title", d.Title);
        Assert.Equal("Some\ntext", d.Description);
    }

    [Fact]
    public void Os_reads_type_arch_machine_loader_boot_list_and_menu()
    {
        var os = Ok("""
            <os><type arch='x86_64' machine='pc'>hvm</type><loader>/usr/lib/xen/boot/hvmloader</loader>
            <boot dev='cdrom'/><boot dev='hd'/><boot dev='network'/><boot dev='fd'/><bootmenu enable='yes'/>
            <bios useserial='yes' rebootTimeout='-1'/><smbios mode='sysinfo'/></os>
            """).Os!;
        Assert.Equal(OsType.Hvm, os.Type);
        Assert.Equal("x86_64", os.Arch);
        Assert.Equal("pc", os.Machine);
        Assert.Equal("/usr/lib/xen/boot/hvmloader", os.Loader);
        Assert.Equal<BootDevice>([BootDevice.Cdrom, BootDevice.HardDisk, BootDevice.Network, BootDevice.Floppy], os.BootDevices);
        Assert.True(os.BootMenu);
        Assert.True(os.BiosUseSerial);
        Assert.Equal(-1, os.BiosRebootTimeout);
        Assert.Equal(SmbiosMode.Sysinfo, os.Smbios);
    }

    [Fact]
    public void Os_reads_direct_kernel_boot()
    {
        var os = Ok("""
            <os><type>linux</type><kernel>/boot/vmlinuz</kernel><initrd>/boot/initrd</initrd>
            <cmdline>console=ttyS0 ks=http://example.com/</cmdline><root>/dev/xvda1</root><dtb>/b.dtb</dtb></os>
            """, "xen").Os!;
        Assert.Equal(OsType.Linux, os.Type);
        Assert.Null(os.Arch);
        Assert.Equal("/boot/vmlinuz", os.Kernel);
        Assert.Equal("/boot/initrd", os.Initrd);
        Assert.Equal("console=ttyS0 ks=http://example.com/", os.Cmdline);
        Assert.Equal("/dev/xvda1", os.Root);
        Assert.Equal("/b.dtb", os.Dtb);
        Assert.Empty(os.BootDevices);
        Assert.Null(os.BootMenu);
    }

    [Fact]
    public void Unknown_boot_device_is_an_error_listing_the_devices()
    {
        var e = Error("<os><type>hvm</type><boot dev='usb'/></os>");
        Assert.Contains("allowed: fd, hd, cdrom, network", e.Message);
        Assert.Equal("domain/os/boot/@dev", e.Location.Path);
    }

    [Fact]
    public void Host_bootloader_and_its_arguments_are_kept()
    {
        var d = Ok("<bootloader>/usr/bin/pygrub</bootloader><bootloader_args>--append single</bootloader_args>", "xen");
        Assert.Equal("/usr/bin/pygrub", d.Bootloader);
        Assert.Equal("--append single", d.BootloaderArgs);
    }

    [Fact]
    public void Sysinfo_keeps_bios_and_system_entries_in_order()
    {
        var s = Ok("""
            <sysinfo type='smbios'><bios><entry name='vendor'>LENOVO</entry></bios>
            <system><entry name='manufacturer'>Fedora</entry><entry name='product'>Virt</entry></system></sysinfo>
            """).Sysinfo!;
        Assert.Equal<SysinfoEntry>([new SysinfoEntry("vendor", "LENOVO")], s.Bios);
        Assert.Equal<SysinfoEntry>([new SysinfoEntry("manufacturer", "Fedora"), new SysinfoEntry("product", "Virt")], s.System);
    }

    [Fact]
    public void Sysinfo_entry_outside_its_block_is_ignored_with_a_warning()
    {
        var result = Parse("<sysinfo type='smbios'><bios><entry name='product'>x</entry></bios></sysinfo>");
        Assert.Empty(result.Domain!.Sysinfo!.Bios);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("known fields: vendor, version, date, release", warning.Message);
    }

    [Theory]
    [InlineData("<memory>524288</memory>", 524288UL)]
    [InlineData("<memory unit='KiB'>524288</memory>", 524288UL)]
    [InlineData("<memory unit='MiB'>512</memory>", 524288UL)]
    [InlineData("<memory unit='G'>1</memory>", 1048576UL)]
    [InlineData("<memory unit='MB'>1</memory>", 977UL)]
    [InlineData("<memory unit='b'>1</memory>", 1UL)]
    public void Memory_units_convert_to_kibibytes_rounding_up(string element, ulong kib) =>
        Assert.Equal(kib, Ok(element).Memory!.Value.Kibibytes);

    [Fact]
    public void Memory_that_overflows_is_an_error_not_a_crash()
    {
        var e = Error("<memory>99999999999999999999999</memory>");
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, e.Code);
        Assert.Contains("99999999999999999999999", e.Message);
        Assert.Equal("domain/memory", e.Location.Path);
    }

    [Fact]
    public void Memory_whose_unit_overflows_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, Error("<memory unit='EiB'>100</memory>").Code);

    [Fact]
    public void Unknown_memory_unit_lists_the_units() =>
        Assert.Contains("KiB", Error("<memory unit='furlongs'>1</memory>").Message);

    [Fact]
    public void Zero_memory_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.InvalidMemory, Error("<memory>0</memory>").Code);

    [Fact]
    public void Current_memory_and_dump_core_are_kept()
    {
        var d = Ok("<memory dumpCore='off'>1024</memory><currentMemory>512</currentMemory>");
        Assert.False(d.MemoryDumpCore);
        Assert.Equal(512UL, d.CurrentMemory!.Value.Kibibytes);
    }

    [Fact]
    public void Tuning_sections_are_read()
    {
        var d = Ok("""
            <memoryBacking><hugepages/><locked/></memoryBacking>
            <blkiotune><weight>800</weight><device><path>/dev/sda</path><weight>1000</weight></device></blkiotune>
            <memtune><hard_limit unit='KiB'>9437184</hard_limit><soft_limit>8388608</soft_limit>
              <swap_hard_limit unit='MiB'>10</swap_hard_limit><min_guarantee>65536</min_guarantee></memtune>
            <numatune><memory mode='strict' nodeset='0-1' placement='static'/></numatune>
            <cputune><shares>2048</shares><period>1000000</period><quota>-1</quota>
              <vcpupin vcpu='0' cpuset='1-4,^2'/><emulatorpin cpuset='1-3'/></cputune>
            """);
        Assert.True(d.MemoryBacking!.Hugepages);
        Assert.True(d.MemoryBacking.Locked);
        Assert.False(d.MemoryBacking.NoSharePages);
        Assert.Equal(800u, d.BlockIoTune!.Weight);
        Assert.Equal<BlockIoDeviceWeight>([new BlockIoDeviceWeight("/dev/sda", 1000)], d.BlockIoTune.Devices.Select(device => device with { Location = default }));
        Assert.Equal(9437184UL, d.MemoryTune!.HardLimit!.Value.Kibibytes);
        Assert.Equal(10240UL, d.MemoryTune.SwapHardLimit!.Value.Kibibytes);
        Assert.Equal(65536UL, d.MemoryTune.MinGuarantee!.Value.Kibibytes);
        Assert.Equal(NumaMemoryMode.Strict, d.NumaTune!.Mode);
        Assert.Equal("0-1", d.NumaTune.Nodeset);
        Assert.Equal(Placement.Static, d.NumaTune.Placement);
        Assert.Equal(2048UL, d.CpuTune!.Shares);
        Assert.Equal(-1L, d.CpuTune.Quota);
        Assert.Equal<VcpuPin>([new VcpuPin(0, "1-4,^2")], d.CpuTune.VcpuPins);
        Assert.Equal("1-3", d.CpuTune.EmulatorPin);
    }

    [Fact]
    public void Vcpu_reads_count_current_placement_and_cpuset()
    {
        var v = Ok("<vcpu placement='static' cpuset='1-4,^3,6' current='1'>2</vcpu>").Vcpu!;
        Assert.Equal(2u, v.Count);
        Assert.Equal(1u, v.Current);
        Assert.Equal(Placement.Static, v.Placement);
        Assert.Equal("1-4,^3,6", v.CpuSet);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("-5")]
    public void Zero_or_negative_vcpus_are_an_error(string count)
    {
        var e = Error($"<vcpu>{count}</vcpu>");
        Assert.Equal(DiagnosticCatalog.InvalidVcpuCount, e.Code);
        Assert.Contains("between 1 and 4096", e.Message);
    }

    [Fact]
    public void Current_vcpus_above_the_maximum_are_an_error() =>
        Assert.Contains("exceeds the maximum 2", Error("<vcpu current='3'>2</vcpu>").Message);

    [Fact]
    public void Cpu_reads_mode_match_model_vendor_topology_features_and_numa()
    {
        var cpu = Ok("""
            <vcpu>4</vcpu>
            <cpu mode='custom' match='exact'><model fallback='forbid'>core2duo</model><vendor>Intel</vendor>
            <topology sockets='1' cores='2' threads='2'/><feature policy='disable' name='lahf_lm'/><feature name='vmx'/>
            <numa><cell cpus='0-1' memory='512000'/><cell cpus='2-3' memory='512000'/></numa></cpu>
            <memory>1024000</memory>
            """).Cpu!;
        Assert.Equal(CpuMode.Custom, cpu.Mode);
        Assert.Equal(CpuMatch.Exact, cpu.Match);
        Assert.Equal("core2duo", cpu.Model);
        Assert.Equal(CpuFallback.Forbid, cpu.Fallback);
        Assert.Equal("Intel", cpu.Vendor);
        Assert.Equal(new CpuTopology(1, 2, 2), cpu.Topology);
        // A feature without a policy is required: the post-parse default.
        Assert.Equal<CpuFeature>([new CpuFeature("lahf_lm", CpuFeaturePolicy.Disable), new CpuFeature("vmx", CpuFeaturePolicy.Require)], cpu.Features);
        Assert.Equal(2, cpu.NumaCells.Length);
        Assert.Equal(("2-3", new MemorySize(512000)), (cpu.NumaCells[1].Cpus, cpu.NumaCells[1].Memory));
    }

    [Fact]
    public void Cpu_host_passthrough_has_no_model()
    {
        var cpu = Ok("<cpu mode='host-passthrough'/>").Cpu!;
        Assert.Equal(CpuMode.HostPassthrough, cpu.Mode);
        Assert.Null(cpu.Model);
        Assert.Null(cpu.Match);
    }

    [Fact]
    public void Unknown_feature_policy_lists_the_policies() =>
        Assert.Contains("force, require, optional, disable, forbid",
            Error("<cpu><feature policy='maybe' name='x'/></cpu>").Message);

    [Fact]
    public void Zero_in_a_topology_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, Error("<cpu><topology sockets='0' cores='1' threads='1'/></cpu>").Code);

    [Fact]
    public void Lifecycle_actions_parse_into_enums()
    {
        var d = Ok("<on_poweroff>destroy</on_poweroff><on_reboot>restart</on_reboot><on_crash>coredump-restart</on_crash>");
        Assert.Equal(LifecycleAction.Destroy, d.OnPoweroff);
        Assert.Equal(LifecycleAction.Restart, d.OnReboot);
        Assert.Equal(LifecycleAction.CoredumpRestart, d.OnCrash);
    }

    [Fact]
    public void Unknown_lifecycle_action_is_located_on_its_element()
    {
        var e = Error("<on_reboot>explode</on_reboot>");
        Assert.Equal("domain/on_reboot", e.Location.Path);
        Assert.Equal(3, e.Location.Line);
        Assert.Contains("rename-restart", e.Message);
    }

    [Fact]
    public void Features_are_flags_with_apic_eoi_and_hyperv()
    {
        var f = Ok("<features><pae/><acpi/><apic eoi='on'/><hap/><hyperv><relaxed state='on'/></hyperv></features>").Features!;
        Assert.True(f.Pae && f.Acpi && f.Apic && f.Hap);
        Assert.False(f.Viridian);
        Assert.True(f.ApicEoi);
        Assert.True(f.Hyperv!.Relaxed);
    }

    [Fact]
    public void Power_management_reads_both_states()
    {
        var pm = Ok("<pm><suspend-to-mem enabled='yes'/><suspend-to-disk enabled='no'/></pm>").PowerManagement!;
        Assert.True(pm.SuspendToMem);
        Assert.False(pm.SuspendToDisk);
    }

    [Fact]
    public void Clock_reads_offset_adjustment_and_timers_with_catchup()
    {
        var c = Ok("""
            <clock offset='variable' adjustment='-3600' basis='localtime'>
              <timer name='rtc' tickpolicy='catchup' track='guest'><catchup threshold='123' slew='120' limit='10000'/></timer>
              <timer name='pit' tickpolicy='delay'/><timer name='hpet' present='no'/>
              <timer name='tsc' frequency='3504000000' mode='native'/></clock>
            """).Clock!;
        Assert.Equal(ClockOffset.Variable, c.Offset);
        Assert.Equal(-3600L, c.Adjustment);
        Assert.Equal(ClockBasis.Localtime, c.Basis);
        Assert.Equal(4, c.Timers.Length);
        Assert.Equal(TimerName.Rtc, c.Timers[0].Name);
        Assert.Equal(TickPolicy.Catchup, c.Timers[0].TickPolicy);
        Assert.Equal(TimerTrack.Guest, c.Timers[0].Track);
        Assert.Equal(new TimerCatchup(123, 120, 10000), c.Timers[0].Catchup);
        Assert.False(c.Timers[2].Present);
        Assert.Equal(3504000000UL, c.Timers[3].Frequency);
        Assert.Equal(TimerMode.Native, c.Timers[3].Mode);
    }

    [Fact]
    public void Clock_adjustment_reset_and_timezone()
    {
        Assert.True(Ok("<clock offset='utc' adjustment='reset'/>").Clock!.AdjustmentReset);
        Assert.Equal("Europe/Paris", Ok("<clock offset='timezone' timezone='Europe/Paris'/>").Clock!.Timezone);
        Assert.Equal(DiagnosticCatalog.MissingAttribute, Error("<clock offset='timezone'/>").Code);
    }

    [Fact]
    public void Security_labels_of_every_type_are_kept()
    {
        var labels = Ok("""
            <seclabel type='static' model='selinux' relabel='no'><label>system_u:system_r:svirt_t:s0:c1</label></seclabel>
            <seclabel type='dynamic' model='selinux'><baselabel>system_u:system_r:svirt_custom_t:s0</baselabel>
              <imagelabel>x</imagelabel></seclabel>
            <seclabel type='none'/>
            """).SecurityLabels;
        Assert.Equal(3, labels.Length);
        Assert.Equal(SecurityLabelType.Static, labels[0].Type);
        Assert.False(labels[0].Relabel);
        Assert.Equal("system_u:system_r:svirt_t:s0:c1", labels[0].Label);
        Assert.Equal("system_u:system_r:svirt_custom_t:s0", labels[1].BaseLabel);
        Assert.Equal("x", labels[1].ImageLabel);
        Assert.Equal(SecurityLabelType.None, labels[2].Type);
    }

    [Fact]
    public void Qemu_commandline_namespace_args_and_env_are_kept_in_order()
    {
        var result = DomainLoader.LoadText("""
            <domain type='qemu' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><name>x</name><memory>65536</memory>
            <qemu:commandline><qemu:arg value='-unknown'/><qemu:arg value='parameter'/>
            <qemu:env name='NS' value='ns'/><qemu:env name='EMPTY'/></qemu:commandline></domain>
            """, "t.xml");
        var q = result.Domain!.QemuCommandLine!;
        Assert.Equal<string>(["-unknown", "parameter"], q.Args);
        Assert.Equal<QemuEnvironmentVariable>([new QemuEnvironmentVariable("NS", "ns"), new QemuEnvironmentVariable("EMPTY", null)], q.Environment);
        var tainted = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.Tainted, tainted.Code);
        Assert.False(tainted.IsError);
        Assert.Equal((2, 2), (tainted.Location.Line, tainted.Location.Column));
        Assert.Contains("2 argument(s) and 2 environment variable(s)", tainted.Message);
    }

    [Theory]
    [InlineData("1-not=valid")]
    [InlineData("A B")]
    [InlineData("")]
    [InlineData("Xé")]
    public void A_qemu_env_name_that_is_not_a_variable_name_is_refused_at_its_attribute(string name)
    {
        var result = DomainLoader.LoadText($"""
            <domain type='qemu' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><name>x</name><memory>65536</memory><memory>1024</memory>
            <qemu:commandline><qemu:env name='{name}' value='v'/></qemu:commandline></domain>
            """, "t.xml");

        Assert.Null(result.Domain);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(2, error.Location.Line);
        Assert.EndsWith("/@name", error.Location.Path);
    }

    [Fact]
    public void Unknown_elements_and_attributes_are_warnings_with_their_location()
    {
        var result = Parse("<frobnicate/>\n<os><type hyper='1'>hvm</type></os>");
        Assert.NotNull(result.Domain);
        Assert.Collection(result.Diagnostics,
            d => Assert.Equal("t.xml:3:2: warning DL2007: domain/frobnicate: unknown element <frobnicate> ignored", d.Format()),
            d => Assert.Equal("t.xml:4:11: warning DL2008: domain/os/type: unknown attribute 'hyper' ignored", d.Format()));
    }

    [Fact]
    public void Every_problem_of_a_document_is_reported_not_only_the_first()
    {
        var result = Parse("<uuid>x</uuid><vcpu>0</vcpu><on_crash>boom</on_crash><memory unit='q'>1</memory>");
        Assert.Equal(4, result.Diagnostics.Count(d => d.IsError));
        // The vCPU count is a validation rule; the parse errors do not hide it, and the <memory>
        // that did not parse is not also reported as missing.
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCatalog.InvalidVcpuCount);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCatalog.MissingElement);
    }

    [Fact]
    public void A_zero_vcpu_count_and_a_zero_memory_size_are_both_reported_each_at_its_element()
    {
        var result = Parse("<memory>0</memory>\n<vcpu>0</vcpu>");
        Assert.Null(result.Domain);
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(["domain/memory", "domain/vcpu"], errors.Select(e => e.Location.Path));
        Assert.Equal([3, 4], errors.Select(e => e.Location.Line));
    }

    [Fact]
    public void A_domain_without_memory_is_refused_unless_numa_cells_give_its_size()
    {
        var missing = DomainLoader.LoadText("<domain type='kvm'><name>vm</name></domain>", "t.xml");
        Assert.Null(missing.Domain);
        Assert.Equal(DiagnosticCatalog.MissingElement, Assert.Single(missing.Diagnostics).Code);
        var numa = DomainLoader.LoadText(
            "<domain type='kvm'><name>vm</name><vcpu>2</vcpu><cpu><numa><cell cpus='0-1' memory='65536'/></numa></cpu></domain>", "t.xml");
        Assert.True(numa.Domain is not null, string.Join("\n", numa.Diagnostics.Select(d => d.Format())));
    }

    [Fact]
    public void Metadata_content_is_accepted_without_warnings() =>
        Assert.Empty(Parse("<metadata><app:x xmlns:app='urn:x'><y/></app:x></metadata>").Diagnostics);

    [Fact]
    public void Repeated_same_named_elements_get_an_index_in_their_path()
    {
        var result = Parse("<os><type>hvm</type><boot dev='hd'/><boot dev='nope'/></os>");
        Assert.Equal("domain/os/boot[2]/@dev", Assert.Single(result.Diagnostics).Location.Path);
    }

    [Fact]
    public void Legacy_clock_sync_attribute_means_the_offset()
    {
        Assert.Equal(ClockOffset.Localtime, Ok("<clock sync='localtime'/>").Clock!.Offset);
        Assert.Contains("allowed: utc, localtime", Error("<clock sync='timezone'/>").Message);
    }
}
