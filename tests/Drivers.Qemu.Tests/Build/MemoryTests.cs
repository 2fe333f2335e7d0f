using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Build;

/// <summary>
/// Guest memory on an emulator with memory backends: hotplug, memory devices with their backends, NUMA
/// node backends with access, discard and host binding, RAM backends without NUMA, and their refusals.
/// </summary>
public sealed class MemoryTests
{
    private static readonly EmulatorDescription Modern = new()
    {
        Path = "/usr/bin/qemu-system-x86_64",
        Arch = "x86_64",
        Capabilities = QemuCapabilitySet.Of(QemuCapability.Device, QemuCapability.Drive, QemuCapability.Chardev, QemuCapability.Accel,
            QemuCapability.MemoryBackendRam, QemuCapability.MachineOpt, QemuCapability.ExplicitBooleans, QemuCapability.Overcommit),
        Machines = [new MachineType("pc", "pc-i440fx-7.2"), new MachineType("pc-i440fx-7.2")],
    };

    private static readonly HostSettings Host = FocusedBuild.Host with { LibDirectory = "/lib/q" };

    private static QemuBuildResult Build(string body, string devices = "", EmulatorDescription? emulator = null)
    {
        var parsed = DomainLoader.LoadText($"""
            <domain type='qemu'><name>vm</name><memory unit='MiB'>2048</memory><vcpu>4</vcpu>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
            {body}
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>{devices}</devices>
            </domain>
            """, "mem.xml");
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        return QemuCommandBuilder.Build(parsed.Domain!, emulator ?? Modern, Host, new QemuBuildOptions());
    }

    private static IReadOnlyList<string> Words(string body, string devices = "")
    {
        var result = Build(body, devices);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.CommandLine!.Words;
    }

    private const string OneNode = "<cpu><numa><cell id='0' cpus='0-3' memory='1048576' unit='KiB'/></numa></cpu>";

    private const string Dimm = """
        <memory model='dimm'><target><size unit='KiB'>524287</size><node>0</node></target><address type='dimm' slot='2' base='0x100000000'/></memory>
        <memory model='dimm'><target><size unit='KiB'>524288</size><node>0</node></target></memory>
        """;

    [Fact]
    public void Dimms_plug_into_the_room_max_memory_leaves_each_with_a_ram_backend_and_a_slot()
    {
        var words = Words("<maxMemory slots='16' unit='KiB'>16777216</maxMemory>" + OneNode, Dimm);

        ArgvAssert.Contains(words, "-m", "size=1048576k,slots=16,maxmem=16777216k");
        // The module's size is whole 2 MiB; the first free slot goes to the dimm without an address.
        ArgvAssert.Contains(words, "-object", "memory-backend-ram,id=memdimm2,size=536870912", "-device", "pc-dimm,node=0,memdev=memdimm2,id=dimm2,slot=2,addr=4294967296");
        ArgvAssert.Contains(words, "-object", "memory-backend-ram,id=memdimm0,size=536870912", "-device", "pc-dimm,node=0,memdev=memdimm0,id=dimm0,slot=0");
    }

    [Fact]
    public void An_nvdimm_is_a_file_backend_with_its_label_and_read_only_flag_and_turns_the_machines_nvdimm_on()
    {
        var words = Words("<maxMemory slots='4' unit='KiB'>16777216</maxMemory>" + OneNode, """
            <memory model='nvdimm' access='shared'><source><path>/tmp/nv,dimm</path><alignsize unit='KiB'>2048</alignsize><pmem/></source>
              <target><size unit='KiB'>524288</size><node>0</node><label><size unit='KiB'>128</size></label><readonly/></target></memory>
            """);

        Assert.Contains(words, w => w.StartsWith("pc-i440fx-7.2,", StringComparison.Ordinal) && w.Contains("nvdimm=on", StringComparison.Ordinal));
        ArgvAssert.Contains(words, "-object", "memory-backend-file,id=memnvdimm0,mem-path=/tmp/nv,,dimm,share=on,align=2097152,pmem=on,size=536870912");
        ArgvAssert.Contains(words, "-device", "nvdimm,node=0,label-size=131072,unarmed=on,memdev=memnvdimm0,id=nvdimm0,slot=0");
    }

    [Fact]
    public void Virtio_mem_gets_a_pci_slot_block_and_requested_size_and_a_backend_that_reserves_nothing()
    {
        var result = Build("<maxMemory slots='4' unit='KiB'>16777216</maxMemory>" + OneNode, """
            <memory model='virtio-mem'><target><size unit='KiB'>1048576</size><node>0</node><block unit='KiB'>2048</block><requested unit='KiB'>524288</requested></target></memory>
            """);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var device = Assert.Single(result.Plan!.Memory.Devices);
        Assert.NotNull(device.Pci);
        ArgvAssert.Contains(result.CommandLine!.Words, "-object", "memory-backend-ram,id=memvirtiomem0,reserve=off,size=1073741824");
        Assert.Contains(result.CommandLine.Words, w => w.StartsWith("virtio-mem-pci,node=0,block-size=2097152,requested-size=536870912,memdev=memvirtiomem0,id=virtiomem0,bus=pci.0,addr=0x", StringComparison.Ordinal));
    }

    [Fact]
    public void Memfd_shared_memory_without_numa_is_a_machine_ram_backend()
    {
        var words = Words("<memoryBacking><source type='memfd'/><access mode='shared'/><allocation mode='immediate' threads='2'/></memoryBacking>");

        ArgvAssert.Contains(words, "-m", "2048", "-object", "memory-backend-memfd,id=pc.ram,share=on,prealloc=on,prealloc-threads=2,size=2147483648");
        Assert.Contains(words, w => w.StartsWith("pc-i440fx-7.2,", StringComparison.Ordinal) && w.EndsWith("memory-backend=pc.ram", StringComparison.Ordinal));
    }

    [Fact]
    public void Numa_nodes_take_access_discard_host_binding_a_cpu_list_and_distances()
    {
        var words = Words("""
            <memoryBacking><source type='file'/></memoryBacking>
            <numatune><memnode cellid='1' mode='preferred' nodeset='0-1,3'/></numatune>
            <cpu><numa>
              <cell id='0' cpus='0,2' memory='1048576' unit='KiB' memAccess='shared'><distances><sibling id='0' value='10'/><sibling id='1' value='21'/></distances></cell>
              <cell id='1' cpus='1,3' memory='1048576' unit='KiB' discard='yes'/>
            </numa></cpu>
            """);

        ArgvAssert.Contains(words, "-object", "memory-backend-file,id=ram-node0,mem-path=/lib/q/ram,share=on,size=1073741824",
            "-numa", "node,nodeid=0,cpus=0,cpus=2,memdev=ram-node0");
        ArgvAssert.Contains(words, "-object", "memory-backend-file,id=ram-node1,mem-path=/lib/q/ram,discard-data=on,size=1073741824,host-nodes=0-1,host-nodes=3,policy=preferred");
        ArgvAssert.Contains(words, "-numa", "dist,src=0,dst=1,val=21");
        Assert.DoesNotContain("dist,src=0,dst=0,val=10", words);
    }

    [Fact]
    public void A_plain_numa_node_keeps_its_ram_backend_in_mib()
    {
        var words = Words(OneNode);

        ArgvAssert.Contains(words, "-object", "memory-backend-ram,id=ram-node0,size=1024M", "-numa", "node,nodeid=0,cpus=0-3,memdev=ram-node0");
    }

    [Fact]
    public void Ram_is_the_sum_of_the_numa_nodes_which_qemu_requires_it_to_equal()
    {
        var words = Words("<cpu><numa><cell id='0' cpus='0-1' memory='1048577' unit='KiB'/><cell id='1' cpus='2-3' memory='1048576' unit='KiB'/></numa></cpu>");

        ArgvAssert.Contains(words, "-m", "2049");
        ArgvAssert.Contains(words, "-object", "memory-backend-ram,id=ram-node0,size=1025M");
    }

    [Fact]
    public void A_memory_device_without_max_memory_is_refused_at_the_device()
    {
        var result = Build(OneNode, Dimm);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code.Id == "DL4444" && d.Location.Path.Contains("devices/memory", StringComparison.Ordinal)));
    }

    [Fact]
    public void Genid_is_a_vmgenid_device() =>
        ArgvAssert.Contains(Words("<genid>e9392370-2917-565e-692b-d057f46512d6</genid>"), "-device", "vmgenid,guid=e9392370-2917-565e-692b-d057f46512d6,id=vmgenid0");

    [Fact]
    public void Idmap_is_a_warning_not_a_refusal()
    {
        var result = Build("<idmap><uid start='0' target='1000' count='10'/><gid start='0' target='1000' count='10'/></idmap>");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Diagnostics, d => d.Code.Id == "DL4447" && !d.IsError);
    }

    private static readonly EmulatorDescription WithHmat = Modern with
    {
        Capabilities = Modern.Capabilities.With(QemuCapability.NumaHmat),
    };

    private const string Described = """
        <cpu><numa>
          <cell id='0' cpus='0-1' memory='524288' unit='KiB'>
            <cache level='2' associativity='full' policy='writethrough'><size value='1' unit='MiB'/><line value='64' unit='B'/></cache>
          </cell>
          <cell id='1' cpus='2-3' memory='524288' unit='KiB'/>
          <cell id='2' memory='524288' unit='KiB'/>
          <cell id='3' memory='524288' unit='KiB'/>
          <interconnects>
            <latency initiator='1' target='2' type='read' value='30'/>
            <latency initiator='0' target='2' type='read' value='40'/>
            <bandwidth initiator='0' target='0' cache='2' type='write' value='1048576' unit='KiB'/>
          </interconnects>
        </numa></cpu>
        """;

    [Fact]
    public void A_numa_performance_description_is_an_hmat_with_an_initiator_for_every_node()
    {
        var result = Build(Described, emulator: WithHmat);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var words = result.CommandLine!.Words;

        ArgvAssert.Contains(words, "-machine", "pc-i440fx-7.2,hmat=on");
        ArgvAssert.Contains(words, "-numa", "node,nodeid=0,cpus=0-1,initiator=0,memdev=ram-node0");
        ArgvAssert.Contains(words, "-numa", "node,nodeid=1,cpus=2-3,initiator=1,memdev=ram-node1");
        // A memory-only node: the initiator of its lowest latency; one nothing describes: the first node with CPUs.
        ArgvAssert.Contains(words, "-numa", "node,nodeid=2,initiator=1,memdev=ram-node2");
        ArgvAssert.Contains(words, "-numa", "node,nodeid=3,initiator=0,memdev=ram-node3");
        ArgvAssert.Contains(words, "-numa", "hmat-lb,initiator=1,target=2,hierarchy=memory,data-type=read-latency,latency=30");
        ArgvAssert.Contains(words, "-numa", "hmat-lb,initiator=0,target=0,hierarchy=second-level,data-type=write-bandwidth,bandwidth=1048576K");
        ArgvAssert.Contains(words, "-numa", "hmat-cache,node-id=0,size=1024K,level=2,associativity=complex,policy=write-through,line=64");
    }

    [Fact]
    public void Without_a_performance_description_nodes_get_no_initiator_and_the_machine_no_hmat()
    {
        var words = Build(OneNode, emulator: WithHmat).CommandLine!.Words;

        Assert.DoesNotContain(words, w => w.Contains("hmat", StringComparison.Ordinal) || w.Contains("initiator", StringComparison.Ordinal));
    }

    [Fact]
    public void A_performance_description_is_refused_on_an_emulator_without_an_hmat()
    {
        var result = Build(Described);

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(QemuDiagnostics.MemoryNeedsCapability, error.Code);
        Assert.Contains("interconnects", error.Location.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<latency initiator='2' target='0' type='access' value='5'/>", "a cell without CPUs")]
    [InlineData("<latency initiator='0' target='7' type='access' value='5'/>", "target='7' names no cell")]
    [InlineData("<bandwidth initiator='0' target='1' cache='1' type='access' value='5' unit='KiB'/>", "cell 1 has no memory-side cache of that level")]
    public void An_interconnect_naming_what_the_guest_lacks_is_refused_at_it(string interconnect, string expected)
    {
        var result = Build($"""
            <cpu><numa>
              <cell id='0' cpus='0-3' memory='1048576' unit='KiB'/><cell id='1' memory='524288' unit='KiB'/><cell id='2' memory='524288' unit='KiB'/>
              <interconnects>{interconnect}</interconnects>
            </numa></cpu>
            """, emulator: WithHmat);

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(QemuDiagnostics.NumaPerformanceInconsistent, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_guest_whose_nodes_have_no_cpus_has_no_initiator_for_an_hmat()
    {
        var result = Build("""
            <cpu><numa>
              <cell id='0' memory='1048576' unit='KiB'><cache level='1' associativity='direct' policy='writeback'><size value='8' unit='KiB'/><line value='8' unit='B'/></cache></cell>
              <cell id='1' memory='1048576' unit='KiB'/>
            </numa></cpu>
            """, emulator: WithHmat);

        Assert.Contains(result.Diagnostics, d => d.Code == QemuDiagnostics.NumaPerformanceInconsistent && d.Message.Contains("cell 0 has no CPUs", StringComparison.Ordinal));
    }
}
