using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>libvirt 9's general parts: os firmware and loader, CPU and NUMA details, features, memory tuning, genid, idmap, launch security, memory devices.</summary>
public sealed class Libvirt9GeneralParserTests
{
    private static DomainParseResult Parse(string body, string type = "kvm") =>
        DomainLoader.LoadText($"<domain type='{type}'>\n<name>vm</name>\n<memory>4194304</memory>\n{body}\n</domain>", "t.xml");

    private static Domain Ok(string body, string type = "kvm")
    {
        var result = Parse(body, type);
        Assert.True(result.Domain is not null && result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        return result.Domain!;
    }

    /// <summary>Read only, not validated: for documents that gather every setting, which libvirt's rules partly exclude.</summary>
    private static Domain Read(string body)
    {
        var result = DomainParser.ParseText($"<domain type='kvm'>\n<name>vm</name>\n<memory>4194304</memory>\n{body}\n</domain>", "t.xml");
        Assert.True(result.Domain is not null && result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        return result.Domain!;
    }

    private static Diagnostic Error(string body)
    {
        var result = Parse(body);
        Assert.Null(result.Domain);
        return Assert.Single(result.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void Os_reads_firmware_selection_loader_settings_nvram_bootmenu_timeout_and_acpi_tables()
    {
        var os = Read("""
            <os firmware='efi'><type arch='x86_64' machine='q35'>hvm</type>
            <firmware><feature enabled='yes' name='secure-boot'/><feature enabled='no' name='enrolled-keys'/></firmware>
            <loader readonly='yes' secure='yes' type='pflash' stateless='no'>/code.fd</loader>
            <nvram template='/vars.fd'>/var/lib/vm_VARS.fd</nvram>
            <bootmenu enable='yes' timeout='3000'/><acpi><table type='slic'>/slic.dat</table></acpi></os>
            """).Os!;
        Assert.Equal(OsFirmware.Efi, os.Firmware);
        Assert.Equal<FirmwareFeature>(
            [new(FirmwareFeatureName.SecureBoot, true), new(FirmwareFeatureName.EnrolledKeys, false)], os.FirmwareFeatures);
        Assert.Equal("/code.fd", os.Loader);
        Assert.Equal((true, true, LoaderType.Pflash, false),
            (os.LoaderSettings!.Readonly, os.LoaderSettings.Secure, os.LoaderSettings.Type, os.LoaderSettings.Stateless));
        Assert.Equal(("/vars.fd", "/var/lib/vm_VARS.fd"), (os.Nvram!.Template, os.Nvram.Path));
        Assert.Equal(3000u, os.BootMenuTimeout);
        Assert.Equal<AcpiTable>([new(AcpiTableType.Slic, "/slic.dat")], os.AcpiTables);
    }

    [Fact]
    public void A_loader_with_attributes_only_has_no_path_and_a_bare_loader_reads_as_before()
    {
        Assert.Null(Ok("<os><type>hvm</type><loader type='pflash'/></os>").Os!.Loader);
        Assert.Equal("", Ok("<os><type>hvm</type><loader/></os>").Os!.Loader);
        Assert.Null(Ok("<os><type>hvm</type><loader>/l</loader></os>").Os!.LoaderSettings);
    }

    [Fact]
    public void Nvram_may_be_a_typed_disk_source()
    {
        var nvram = Ok("<os><type>hvm</type><nvram type='file'><source file='/v.fd'/></nvram></os>").Os!.Nvram!;
        Assert.Equal(DiskType.File, nvram.SourceType);
        Assert.Equal("/v.fd", Assert.IsType<FileDiskSource>(nvram.Source).File);
    }

    [Fact]
    public void Os_refuses_unknown_firmware_and_loader_types_and_a_too_long_bootmenu_timeout()
    {
        Assert.Equal("DL2003", Error("<os firmware='uefi'><type>hvm</type></os>").Code.Id);
        Assert.Equal("DL2003", Error("<os><type>hvm</type><loader type='flash'>/l</loader></os>").Code.Id);
        Assert.Equal("DL2005", Error("<os><type>hvm</type><bootmenu enable='yes' timeout='65536'/></os>").Code.Id);
        Assert.Equal("DL2003", Error("<os><type>hvm</type><firmware><feature enabled='yes' name='tpm'/></firmware></os>").Code.Id);
    }

    [Fact]
    public void Xenpvh_is_an_os_type()
    {
        Assert.Equal(OsType.Xenpvh, Ok("<os><type>xenpvh</type><kernel>/k</kernel></os>", "xen").Os!.Type);
    }

    [Fact]
    public void Cpu_reads_check_migratable_dies_cache_maxphysaddr_and_maximum_mode()
    {
        var cpu = Ok("""
            <cpu mode='host-passthrough' check='none' migratable='off'><topology sockets='1' dies='2' cores='2' threads='1'/>
            <cache level='3' mode='emulate'/><maxphysaddr mode='emulate' bits='42'/></cpu>
            """).Cpu!;
        Assert.Equal((CpuMode.HostPassthrough, CpuCheck.None, false), (cpu.Mode, cpu.Check, cpu.Migratable));
        Assert.Equal(2u, cpu.Topology!.Dies);
        Assert.Equal((3u, CpuCacheMode.Emulate), (cpu.Cache!.Level, cpu.Cache.Mode));
        Assert.Equal((CpuMaxPhysAddrMode.Emulate, 42u), (cpu.MaxPhysAddr!.Mode, cpu.MaxPhysAddr.Bits));
        Assert.Equal(CpuMode.Maximum, Ok("<cpu mode='maximum'/>").Cpu!.Mode);
        Assert.Null(Ok("<cpu><topology sockets='1' cores='1' threads='1'/></cpu>").Cpu!.Topology!.Dies);
    }

    [Fact]
    public void Cpu_refuses_a_cache_level_beyond_three_and_a_zero_die_count()
    {
        Assert.Equal("DL2005", Error("<cpu><cache level='4' mode='emulate'/></cpu>").Code.Id);
        Assert.Equal("DL2005", Error("<cpu><topology sockets='1' dies='0' cores='1' threads='1'/></cpu>").Code.Id);
        Assert.Equal("DL2003", Error("<cpu check='strict'/>").Code.Id);
    }

    [Fact]
    public void Numa_cells_read_ids_units_access_distances_caches_and_interconnects()
    {
        var cpu = Ok("""
            <cpu><numa>
            <cell id='0' cpus='0-1' memory='2' unit='GiB' memAccess='shared' discard='yes'>
              <distances><sibling id='0' value='10'/><sibling id='1' value='21'/></distances>
              <cache level='1' associativity='direct' policy='writeback'><size value='10' unit='KiB'/><line value='8' unit='B'/></cache>
            </cell>
            <cell id='1' memory='1048576'/>
            <interconnects><latency initiator='0' target='1' type='access' value='5'/>
              <bandwidth initiator='0' target='1' cache='1' type='read' value='204800' unit='KiB'/></interconnects>
            </numa></cpu>
            """).Cpu!;
        var first = cpu.NumaCells[0];
        Assert.Equal((0u, "0-1", 2097152UL, NumaMemAccess.Shared, true),
            (first.Id, first.Cpus, first.Memory.Kibibytes, first.MemAccess, first.Discard));
        Assert.Equal<NumaDistance>([new(0, 10), new(1, 21)], first.Distances);
        var cache = Assert.Single(first.Caches);
        Assert.Equal((1u, NumaCacheAssociativity.Direct, NumaCachePolicy.Writeback, 10UL, 8UL),
            (cache.Level, cache.Associativity, cache.Policy, cache.Size.Kibibytes, cache.LineBytes));
        Assert.Null(cpu.NumaCells[1].Cpus);
        Assert.Equal(2, cpu.NumaInterconnects.Length);
        Assert.Equal((NumaInterconnectKind.Bandwidth, 1u, NumaInterconnectAccess.Read, 204800UL),
            (cpu.NumaInterconnects[1].Kind, cpu.NumaInterconnects[1].Cache, cpu.NumaInterconnects[1].Type, cpu.NumaInterconnects[1].Value));
    }

    [Fact]
    public void Numa_refuses_a_distance_below_ten_and_an_unknown_unit()
    {
        Assert.Equal("DL2005",
            Error("<cpu><numa><cell cpus='0' memory='1'><distances><sibling id='0' value='9'/></distances></cell></numa></cpu>").Code.Id);
        Assert.Equal("DL2003", Error("<cpu><numa><cell cpus='0' memory='1' unit='parsec'/></numa></cpu>").Code.Id);
    }

    [Fact]
    public void Features_read_hyperv_kvm_xen_and_the_other_switches()
    {
        var f = Read("""
            <features><hap state='off'/>
            <hyperv mode='custom'><relaxed state='on'/><vapic state='on'/><spinlocks state='on' retries='4096'/>
              <stimer state='on'><direct state='on'/></stimer><vendor_id state='on' value='KVM Hv'/><avic state='off'/></hyperv>
            <kvm><hidden state='on'/><dirty-ring state='on' size='4096'/></kvm>
            <pvspinlock/><pmu state='off'/><vmport state='off'/><smm state='on'><tseg unit='MiB'>48</tseg></smm>
            <ioapic driver='qemu'/><vmcoreinfo state='on'/><htm state='on'/><msrs unknown='ignore'/>
            <xen><e820_host state='on'/><passthrough state='on' mode='share_pt'/></xen><tcg><tb-cache unit='MiB'>128</tb-cache></tcg>
            </features>
            """).Features!;
        Assert.True(f.Hap);
        Assert.False(f.HapState);
        var h = f.Hyperv!;
        Assert.Equal((HypervMode.Custom, true, true, 4096u), (h.Mode, h.Relaxed, h.Vapic!.State, h.SpinlockRetries));
        Assert.Equal((true, "KVM Hv", false), (h.StimerDirect!.State, h.VendorIdValue, h.Avic!.State));
        Assert.Null(h.Synic);
        Assert.Equal((true, 4096u), (f.Kvm!.Hidden!.State, f.Kvm.DirtyRingSize));
        Assert.Null(f.Pvspinlock!.State);
        Assert.Equal((false, false), (f.Pmu!.State, f.Vmport!.State));
        Assert.Equal(49152UL, f.Smm!.Tseg!.Value.Kibibytes);
        Assert.Equal(IoapicDriver.Qemu, f.Ioapic!.Driver);
        Assert.Equal(MsrsUnknown.Ignore, f.Msrs!.Unknown);
        Assert.Equal(XenPassthroughMode.SharePt, f.Xen!.PassthroughMode);
        Assert.Equal(131072UL, f.Tcg!.TbCache!.Value.Kibibytes);
    }

    [Fact]
    public void Features_refuse_bad_values()
    {
        Assert.Equal("DL2006", Error("<features><hyperv><vendor_id state='on' value='ThirteenChars'/></hyperv></features>").Code.Id);
        Assert.Equal("DL2005", Error("<features><hyperv><spinlocks state='on' retries='100'/></hyperv></features>").Code.Id);
        Assert.Equal("DL2006", Error("<features><kvm><dirty-ring state='on' size='3000'/></kvm></features>").Code.Id);
        Assert.Equal("DL2003", Error("<features><ioapic driver='xen'/></features>").Code.Id);
        Assert.Equal("DL2003", Error("<features><pmu state='yes'/></features>").Code.Id);
    }

    [Fact]
    public void Memory_backing_numatune_and_max_memory_read_their_libvirt_9_parts()
    {
        var d = Ok("""
            <maxMemory slots='16' unit='GiB'>8</maxMemory>
            <memoryBacking><hugepages><page size='2' unit='M' nodeset='0'/><page size='1048576'/></hugepages>
            <source type='memfd'/><access mode='shared'/><allocation mode='immediate' threads='8'/><discard/></memoryBacking>
            <numatune><memory mode='restrictive' nodeset='0-1'/><memnode cellid='0' mode='preferred' nodeset='1'/></numatune>
            """);
        Assert.Equal((8388608UL, 16u), (d.MaxMemory!.Size.Kibibytes, d.MaxMemory.Slots));
        var b = d.MemoryBacking!;
        Assert.Equal<HugePage>([new(new MemorySize(2048), "0"), new(new MemorySize(1048576), null)], b.HugePages);
        Assert.Equal((MemorySourceType.Memfd, NumaMemAccess.Shared, MemoryAllocationMode.Immediate, 8u, true),
            (b.SourceType, b.AccessMode, b.AllocationMode, b.AllocationThreads, b.Discard));
        Assert.Equal(NumaMemoryMode.Restrictive, d.NumaTune!.Mode);
        Assert.Equal(new NumaMemNode(0, NumaMemoryMode.Preferred, "1"), d.NumaTune.MemNodes.Single() with { Location = default });
        Assert.False(Ok("<numatune><memnode cellid='0' mode='strict' nodeset='0'/></numatune>").NumaTune!.HasMemory);
    }

    [Fact]
    public void Genid_idmap_and_launch_security_are_read()
    {
        var d = Ok("""
            <genid>43dc0cf8-809b-4adb-9bea-a9abb5f3d90d</genid>
            <idmap><uid start='0' target='1000' count='10'/><gid start='0' target='1000' count='10'/></idmap>
            <launchSecurity type='sev' kernelHashes='yes'><cbitpos>47</cbitpos><reducedPhysBits>1</reducedPhysBits>
            <policy>0x0003</policy><dhCert>AQAA</dhCert></launchSecurity>
            """);
        Assert.Equal(Guid.Parse("43dc0cf8-809b-4adb-9bea-a9abb5f3d90d"), d.GenerationId!.Value);
        Assert.Equal(new IdMapRange(0, 1000, 10), Assert.Single(d.IdMap!.Uids));
        Assert.Equal((LaunchSecurityType.Sev, true, 47u, 1u, 3u, "AQAA"),
            (d.LaunchSecurity!.Type, d.LaunchSecurity.KernelHashes, d.LaunchSecurity.CbitPos, d.LaunchSecurity.ReducedPhysBits,
             d.LaunchSecurity.Policy, d.LaunchSecurity.DhCert));
        Assert.Null(Ok("<genid/>").GenerationId!.Value);
        // hexuint: hexadecimal even without 0x.
        Assert.Equal(0x10u, Ok("<launchSecurity type='sev'><policy>10</policy></launchSecurity>").LaunchSecurity!.Policy);
    }

    [Fact]
    public void Genid_and_sev_refuse_what_they_cannot_be()
    {
        Assert.Equal("DL2006", Error("<genid>not-a-uuid</genid>").Code.Id);
        Assert.Equal("DL2001", Error("<launchSecurity type='sev'/>").Code.Id);
        Assert.Equal("DL2004", Error("<launchSecurity type='sev'><policy>0xg</policy></launchSecurity>").Code.Id);
    }

    [Fact]
    public void Memory_devices_read_source_target_and_a_dimm_address()
    {
        var devices = Ok("""
            <devices>
            <memory model='nvdimm' access='shared' discard='no'><source><path>/tmp/nvdimm</path><alignsize unit='KiB'>2048</alignsize><pmem/></source>
              <target><size unit='KiB'>523264</size><node>0</node><label><size unit='KiB'>128</size></label><readonly/></target>
              <address type='dimm' slot='0' base='0x100000000'/></memory>
            <memory model='virtio-mem'><source><pagesize unit='KiB'>2048</pagesize><nodemask>1-3</nodemask></source>
              <target><size unit='GiB'>1</size><node>0</node><block unit='MiB'>2</block><requested unit='MiB'>512</requested></target>
              <address type='pci' domain='0x0000' bus='0x00' slot='0x06' function='0x0'/></memory>
            </devices>
            """).Devices.Memories;
        Assert.Equal(2, devices.Length);
        var nvdimm = devices[0];
        Assert.Equal((MemoryDeviceModel.Nvdimm, NumaMemAccess.Shared, false), (nvdimm.Model, nvdimm.Access, nvdimm.Discard));
        Assert.Equal(("/tmp/nvdimm", 2048UL, true), (nvdimm.Source!.Path, nvdimm.Source.AlignSize!.Value.Kibibytes, nvdimm.Source.Pmem));
        Assert.Equal((523264UL, 0u, 128UL, true),
            (nvdimm.Target.Size!.Value.Kibibytes, nvdimm.Target.Node, nvdimm.Target.LabelSize!.Value.Kibibytes, nvdimm.Target.Readonly));
        Assert.Equal(new DimmAddress { Slot = 0, Base = 0x100000000 }, nvdimm.Address);
        var mem = devices[1];
        Assert.Equal((MemoryDeviceModel.VirtioMem, "1-3", 2048UL, 524288UL),
            (mem.Model, mem.Source!.NodeMask, mem.Target.Block!.Value.Kibibytes, mem.Target.Requested!.Value.Kibibytes));
        Assert.IsType<PciAddress>(mem.Address);
    }

    [Fact]
    public void Memory_devices_refuse_an_unknown_model_and_a_missing_target()
    {
        Assert.Equal("DL2003", Error("<devices><memory model='ddr5'><target><size>1</size></target></memory></devices>").Code.Id);
        Assert.Equal("DL2001", Error("<devices><memory model='dimm'/></devices>").Code.Id);
    }

    [Fact]
    public void Dies_count_towards_the_vcpus_a_topology_holds()
    {
        Assert.NotNull(Parse("<vcpu>4</vcpu><cpu><topology sockets='1' dies='2' cores='2' threads='1'/></cpu>").Domain);
        Assert.Contains("× 2 dies", Error("<vcpu>5</vcpu><cpu><topology sockets='1' dies='2' cores='2' threads='1'/></cpu>").Message);
    }

    [Fact]
    public void Qemu_capabilities_are_read_and_taint_the_domain_like_qemu_commandline()
    {
        var result = DomainLoader.LoadText("""
            <domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><name>vm</name><memory>1024</memory>
            <qemu:capabilities><qemu:add capability='vnc-colon'/><qemu:del capability='name'/></qemu:capabilities></domain>
            """, "t.xml");
        Assert.NotNull(result.Domain);
        Assert.Equal<string>(["vnc-colon"], result.Domain.QemuCapabilities!.Add);
        Assert.Equal<string>(["name"], result.Domain.QemuCapabilities.Remove);
        var taint = Assert.Single(result.Diagnostics);
        Assert.Equal(("DL3009", 2), (taint.Code.Id, taint.Location.Line));
    }

    [Fact]
    public void Vcpus_iothreads_and_cputune_scheduling_are_read()
    {
        var d = Ok("""
            <vcpu current='1'>2</vcpu><vcpus><vcpu id='0' enabled='yes' hotpluggable='no' order='1'/><vcpu id='1' enabled='no' hotpluggable='yes'/></vcpus>
            <iothreads>2</iothreads><iothreadids><iothread id='1'/><iothread id='3' thread_pool_min='2' thread_pool_max='8'/></iothreadids>
            <defaultiothread thread_pool_max='4'/>
            <cputune><global_period>1000</global_period><global_quota>-1</global_quota><iothread_period>2000</iothread_period>
            <iothread_quota>3000</iothread_quota><iothreadpin iothread='1' cpuset='2'/><vcpusched vcpus='0-1' scheduler='fifo' priority='10'/>
            <iothreadsched iothreads='1' scheduler='batch'/><emulatorsched scheduler='idle'/></cputune>
            """);
        Assert.Equal(2, d.VcpuStates.Length);
        Assert.Equal((1u, false, true, (uint?)null), (d.VcpuStates[1].Id, d.VcpuStates[1].Enabled, d.VcpuStates[1].Hotpluggable, d.VcpuStates[1].Order));
        Assert.Equal(2u, d.IoThreads!.Count);
        Assert.Equal(new IoThreadPool(2, 8), d.IoThreads.Ids[1].Pool);
        Assert.Equal(new IoThreadPool(null, 4), d.IoThreads.DefaultPool);
        var t = d.CpuTune!;
        Assert.Equal((1000UL, -1L, 2000UL, 3000L), (t.GlobalPeriod, t.GlobalQuota, t.IoThreadPeriod, t.IoThreadQuota));
        Assert.Equal(new IoThreadPin(1, "2"), Assert.Single(t.IoThreadPins));
        Assert.Equal(("0-1", ThreadScheduler.Fifo, 10u), (t.VcpuScheduling[0].Threads, t.VcpuScheduling[0].Scheduler, t.VcpuScheduling[0].Priority));
        Assert.Equal(ThreadScheduler.Idle, t.EmulatorScheduling!.Scheduler);
    }

    [Fact]
    public void Threads_refuse_an_iothread_zero_and_a_real_time_scheduler_without_priority()
    {
        Assert.Equal("DL2005", Error("<iothreadids><iothread id='0'/></iothreadids>").Code.Id);
        Assert.Equal("DL2002", Error("<cputune><vcpusched vcpus='0' scheduler='rr'/></cputune>").Code.Id);
    }

    [Fact]
    public void Clock_reads_an_absolute_offset_and_the_new_timers()
    {
        var clock = Ok("<clock offset='absolute' start='1234567890'><timer name='hypervclock' present='yes'/><timer name='rtc' track='realtime'/></clock>").Clock!;
        Assert.Equal((ClockOffset.Absolute, 1234567890UL), (clock.Offset, clock.Start));
        Assert.Equal(TimerName.Hypervclock, clock.Timers[0].Name);
        Assert.Equal(TimerTrack.Realtime, clock.Timers[1].Track);
        Assert.Equal("DL2002", Error("<clock offset='absolute'/>").Code.Id);
    }

    [Fact]
    public void Sysinfo_reads_base_boards_chassis_oem_strings_and_fwcfg_entries()
    {
        var smbios = Ok("""
            <sysinfo type='smbios'><baseBoard><entry name='asset'>A</entry></baseBoard><baseBoard><entry name='location'>L</entry></baseBoard>
            <chassis><entry name='sku'>S</entry></chassis><oemStrings><entry>one</entry><entry>two</entry></oemStrings></sysinfo>
            """).Sysinfo!;
        Assert.Equal(2, smbios.BaseBoards.Length);
        Assert.Equal(new SysinfoEntry("location", "L"), Assert.Single(smbios.BaseBoards[1]));
        Assert.Equal(new SysinfoEntry("sku", "S"), Assert.Single(smbios.Chassis));
        Assert.Equal<string>(["one", "two"], smbios.OemStrings);
        var fwcfg = Ok("<sysinfo type='fwcfg'><entry name='opt/a'>v</entry><entry name='opt/b' file='/f'/></sysinfo>").Sysinfo!;
        Assert.Equal<FwCfgEntry>([new("opt/a", null, "v"), new("opt/b", "/f", null)], fwcfg.FwCfg);
    }

    [Fact]
    public void Lock_failure_keywrap_perf_and_resource_are_read_and_checked()
    {
        var host = Ok("""
            <resource><partition>/machine</partition></resource><on_lockfailure>ignore</on_lockfailure>
            <perf><event name='cmt' enabled='yes'/></perf><keywrap><cipher name='dea' state='off'/></keywrap>
            """).HostIntegration!;
        Assert.Equal(LockFailureAction.Ignore, host.OnLockFailure);
        Assert.Equal(new PerfEvent("cmt", true), Assert.Single(host.PerfEvents));
        Assert.Equal(new KeyWrapCipher(KeyWrapCipherName.Dea, false), Assert.Single(host.KeyWrap));
        Assert.Equal("/machine", host.Resource!.Partition);
        Assert.Equal("DL2003", Error("<perf><event name='frobs' enabled='yes'/></perf>").Code.Id);
        Assert.Equal("DL2003", Error("<on_lockfailure>explode</on_lockfailure>").Code.Id);
    }
}
