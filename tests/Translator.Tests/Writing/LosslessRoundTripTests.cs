using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Writing;

namespace DomainLauncher.Translator.Tests.Writing;

/// <summary>
/// Parts of the model that neither the corpus nor the whole-specification document use: written,
/// read back, nothing is lost and a second write gives the same text.
/// </summary>
public sealed class LosslessRoundTripTests
{
    private static void AssertLossless(string xml) => AssertLossless(xml, allowTaint: false);

    /// <summary>As <see cref="AssertLossless(string)"/>, for a document whose only diagnostic is that it is tainted (DL3009).</summary>
    private static void AssertLosslessTainted(string xml) => AssertLossless(xml, allowTaint: true);

    private static void AssertLossless(string xml, bool allowTaint)
    {
        var original = DomainParser.ParseText(xml);
        Assert.True(original.Domain is not null && original.Diagnostics.Count(d => !(allowTaint && d.Code.Id == "DL3009")) == 0,
            string.Join("\n", original.Diagnostics.Select(d => d.Format())));
        var written = DomainXmlWriter.Write(original.Domain!);
        var reread = DomainParser.ParseText(written, "written");
        Assert.True(reread.Diagnostics.Count(d => !(allowTaint && d.Code.Id == "DL3009")) == 0, string.Join("\n", reread.Diagnostics.Select(d => d.Format())) + "\n" + written);
        var missing = ModelLeaves.Missing(original.Domain!, reread.Domain!);
        Assert.True(missing.Count == 0, "lost:\n" + string.Join("\n", missing) + "\n" + written);
        Assert.Equal(written, DomainXmlWriter.Write(reread.Domain!));
    }

    [Fact]
    public void Container_domain_with_init_filesystems_and_capability_devices_loses_nothing() =>
        AssertLossless(
            "<domain type='lxc'><name>c</name><memory>1024</memory>" +
            "<os><type>exe</type><init>/sbin/init</init><initarg>--a</initarg><initarg>b&amp;c</initarg></os>" +
            "<pm><suspend-to-mem enabled='no'/><suspend-to-disk enabled='yes'/></pm>" +
            "<devices>" +
            "<filesystem type='template'><source name='tmpl'/><target dir='/'/></filesystem>" +
            "<filesystem type='file' accessmode='squash'><driver type='loop' format='raw'/><source file='/img'/><target dir='/data'/><readonly/></filesystem>" +
            "<filesystem type='block'><source dev='/dev/sdc'/><target dir='/blk'/></filesystem>" +
            "<filesystem type='ram'><source usage='1024' units='MiB'/><target dir='/ram'/></filesystem>" +
            "<filesystem type='bind'><source dir='/x'/><target dir='/y'/></filesystem>" +
            "<hostdev mode='capabilities' type='storage'><source><block>/dev/sdf1</block></source></hostdev>" +
            "<hostdev mode='capabilities' type='misc'><source><char>/dev/input3</char></source></hostdev>" +
            "<hostdev mode='capabilities' type='net'><source><interface>eth9</interface></source></hostdev>" +
            "<console type='pty'><source path='/dev/pts/1'/><target type='lxc' port='0'/></console>" +
            "</devices></domain>");

    [Fact]
    public void Qemu_devices_with_rarely_used_settings_lose_nothing() =>
        AssertLossless(
            "<domain type='kvm'><name>q</name><memory>1024</memory><os><type arch='x86_64'>hvm</type><root>/dev/sda1</root></os>" +
            "<clock offset='localtime'><timer name='rtc' tickpolicy='catchup' track='guest'><catchup threshold='1' slew='2' limit='3'/></timer>" +
            "<timer name='tsc' frequency='1000' mode='native'/></clock>" +
            "<devices>" +
            "<disk type='block' device='lun' sgio='unfiltered' rawio='yes'><source dev='/dev/sdq'/><target dev='sda' bus='scsi'/><alias name='scsi0-0-0'/></disk>" +
            "<disk type='network' device='disk'><auth username='u'><secret type='ceph' uuid='11111111-2222-3333-4444-555555555555'/></auth>" +
            "<source protocol='rbd' name='pool/img'><host name='mon' port='6789'/></source><target dev='vdb' bus='virtio'/></disk>" +
            "<disk type='file' device='disk' snapshot='external'><driver name='qemu' type='qcow2' rerror_policy='stop' ioeventfd='on' copy_on_read='off'/>" +
            "<source file='/a.qcow2'><seclabel model='selinux' relabel='no'/></source><target dev='vdc'/>" +
            "<iotune><read_bytes_sec>1</read_bytes_sec><write_iops_sec>2</write_iops_sec></iotune><shareable/><transient/>" +
            "<encryption format='qcow'><secret type='passphrase' uuid='11111111-2222-3333-4444-555555555556'/></encryption></disk>" +
            "<interface type='network'><source network='default' portgroup='pg'/><vlan trunk='yes'><tag id='1'/><tag id='2'/></vlan>" +
            "<virtualport type='openvswitch'><parameters interfaceid='11111111-2222-3333-4444-555555555557' profileid='p'/></virtualport>" +
            "<model type='virtio'/><driver name='vhost' event_idx='off'/><filterref filter='clean'><parameter name='IP' value='10.0.0.1'/></filterref>" +
            "<tune><sndbuf>1600</sndbuf></tune><link state='down'/><bandwidth><inbound average='1' peak='2' burst='3'/><outbound average='4'/></bandwidth>" +
            "<rom bar='off'/><alias name='net0'/></interface>" +
            "<interface type='internal'><source name='intnet'/></interface>" +
            "<interface type='server'><source port='5558'/></interface>" +
            "<hostdev mode='subsystem' type='usb' managed='yes'><source startupPolicy='optional'><vendor id='0x1234'/><product id='0xbeef'/></source>" +
            "<boot order='3'/><alias name='hostdev0'/></hostdev>" +
            "<redirdev bus='usb' type='tcp'><source mode='connect' host='h' service='4000'/><protocol type='raw'/><boot order='4'/></redirdev>" +
            "<serial type='pty'><source path='/dev/pts/2'/><target type='usb-serial' port='0'/></serial>" +
            "<channel type='unix'><source mode='bind' path='/tmp/ch'/><target type='virtio' name='org.qemu.guest_agent.0'/></channel>" +
            "<channel type='pty'><target type='guestfwd' address='10.0.2.1' port='4600'/></channel>" +
            "<input type='tablet' bus='usb'><alias name='input0'/></input>" +
            "<graphics type='spice' keymap='de' autoport='yes'><listen type='network' network='n' address='192.0.2.1'/><clipboard copypaste='yes'/></graphics>" +
            "<graphics type='rdp' port='3389' replaceUser='yes'/>" +
            "<sound model='ich6'><codec type='micro'/><alias name='sound0'/></sound>" +
            "<video><model type='vga'><acceleration accel3d='yes'/></model><alias name='video0'/></video>" +
            "<hub type='usb'><alias name='hub0'/></hub>" +
            "<watchdog model='ib700'><alias name='watchdog0'/><address type='isa' iobase='0x505' irq='0x6'/></watchdog>" +
            "<memballoon model='virtio'><alias name='balloon0'/></memballoon>" +
            "</devices></domain>");

    [Fact]
    public void Libvirt_9_general_parts_lose_nothing() =>
        AssertLossless(
            "<domain type='kvm'><name>g9</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>" +
            "<genid>43dc0cf8-809b-4adb-9bea-a9abb5f3d90d</genid>" +
            "<maxMemory slots='16' unit='KiB'>8388608</maxMemory><memory>4194304</memory>" +
            "<memoryBacking><hugepages><page size='2048' unit='KiB' nodeset='0'/></hugepages><nosharepages/>" +
            "<source type='memfd'/><access mode='shared'/><allocation mode='immediate' threads='4'/><discard/></memoryBacking>" +
            "<vcpu>4</vcpu>" +
            "<numatune><memory mode='restrictive' nodeset='0-1'/><memnode cellid='0' mode='restrictive' nodeset='0'/></numatune>" +
            "<os firmware='efi'><type arch='x86_64' machine='q35'>hvm</type>" +
            "<firmware><feature enabled='yes' name='secure-boot'/><feature enabled='no' name='enrolled-keys'/></firmware>" +
            "<loader readonly='yes' secure='yes' type='pflash' stateless='no'>/code.fd</loader><nvram template='/t.fd'>/v.fd</nvram>" +
            "<bootmenu enable='yes' timeout='3000'/><acpi><table type='slic'>/slic.dat</table></acpi></os>" +
            "<features><acpi/><hap state='on'/>" +
            "<hyperv mode='custom'><relaxed state='on'/><vapic state='on'/><spinlocks state='on' retries='4096'/><vpindex state='on'/>" +
            "<runtime state='on'/><synic state='on'/><stimer state='on'><direct state='on'/></stimer><reset state='on'/>" +
            "<vendor_id state='on' value='KVM Hv'/><frequencies state='on'/><reenlightenment state='on'/><tlbflush state='on'/>" +
            "<ipi state='on'/><evmcs state='on'/><avic state='on'/></hyperv>" +
            "<kvm><hidden state='on'/><hint-dedicated state='on'/><poll-control state='on'/><pv-ipi state='off'/><dirty-ring state='on' size='4096'/></kvm>" +
            "<pvspinlock state='on'/><pmu state='off'/><vmport state='off'/><smm state='on'><tseg unit='MiB'>48</tseg></smm>" +
            "<ioapic driver='kvm'/><vmcoreinfo state='on'/><htm state='on'/><msrs unknown='fault'/>" +
            "<xen><e820_host state='on'/><passthrough state='on' mode='sync_pt'/></xen><tcg><tb-cache unit='MiB'>128</tb-cache></tcg></features>" +
            "<cpu mode='host-passthrough' check='partial' migratable='on'><topology sockets='1' dies='2' cores='2' threads='1'/>" +
            "<cache level='3' mode='passthrough'/><maxphysaddr mode='passthrough' bits='42'/>" +
            "<numa><cell id='0' cpus='0-1' memory='2' unit='GiB' memAccess='private' discard='yes'>" +
            "<distances><sibling id='0' value='10'/><sibling id='1' value='20'/></distances>" +
            "<cache level='1' associativity='full' policy='writethrough'><size value='10' unit='KiB'/><line value='64' unit='B'/></cache></cell>" +
            "<cell id='1' memory='2097152'/>" +
            "<interconnects><latency initiator='0' target='1' cache='1' type='write' value='7'/>" +
            "<bandwidth initiator='0' target='1' type='access' value='1' unit='MiB'/></interconnects></numa></cpu>" +
            "<devices>" +
            "<memory model='dimm' access='private' discard='yes'><source><pagesize unit='KiB'>2048</pagesize><nodemask>0</nodemask></source>" +
            "<target><size unit='KiB'>524288</size><node>0</node></target><alias name='dimm0'/><address type='dimm' slot='1' base='0x100000000'/></memory>" +
            "<memory model='nvdimm'><uuid>11111111-2222-3333-4444-555555555555</uuid><source><path>/nv</path><alignsize unit='KiB'>2048</alignsize><pmem/></source>" +
            "<target><size unit='KiB'>524288</size><label><size unit='KiB'>128</size></label><readonly/></target></memory>" +
            "<memory model='virtio-mem'><target><size unit='KiB'>1048576</size><node>1</node><block unit='KiB'>2048</block>" +
            "<requested unit='KiB'>524288</requested><current unit='KiB'>0</current></target>" +
            "<address type='pci' domain='0x0000' bus='0x00' slot='0x07' function='0x0'/></memory>" +
            "</devices>" +
            "<launchSecurity type='sev' kernelHashes='no'><cbitpos>47</cbitpos><reducedPhysBits>1</reducedPhysBits><policy>0x0033</policy>" +
            "<handle>1</handle><dhCert>AQ</dhCert><session>BQ</session></launchSecurity></domain>");

    [Fact]
    public void Libvirt_9_os_variants_and_a_container_idmap_lose_nothing()
    {
        AssertLossless(
            "<domain type='kvm'><name>n</name><memory>1024</memory><os><type>hvm</type><loader type='pflash'/>" +
            "<nvram type='file'><source file='/v.fd'/></nvram></os><cpu mode='maximum'/><genid/></domain>");
        AssertLossless(
            "<domain type='lxc'><name>c</name><memory>1024</memory><os><type>exe</type><init>/sbin/init</init></os>" +
            "<idmap><uid start='0' target='1000' count='10'/><gid start='0' target='1000' count='10'/></idmap>" +
            "<numatune><memnode cellid='0' mode='strict' nodeset='0'/></numatune><launchSecurity type='s390-pv'/></domain>");
        AssertLossless(
            "<domain type='kvm'><name>t</name><memory>1024</memory><vcpu current='1'>2</vcpu>" +
            "<vcpus><vcpu id='0' enabled='yes' hotpluggable='no' order='1'/><vcpu id='1' enabled='no' hotpluggable='yes'/></vcpus>" +
            "<iothreads>2</iothreads><iothreadids><iothread id='1'/><iothread id='3' thread_pool_min='2' thread_pool_max='8'/></iothreadids>" +
            "<defaultiothread thread_pool_min='1'/>" +
            "<cputune><shares>2048</shares><global_period>1000</global_period><global_quota>-1</global_quota><iothread_period>2000</iothread_period>" +
            "<iothread_quota>3000</iothread_quota><iothreadpin iothread='1' cpuset='2'/><vcpusched vcpus='0-1' scheduler='fifo' priority='10'/>" +
            "<iothreadsched iothreads='1' scheduler='batch'/><emulatorsched scheduler='rr' priority='1'/></cputune>" +
            "<clock offset='absolute' start='1234567890'><timer name='hypervclock' present='yes'/><timer name='rtc' track='realtime'/>" +
            "<timer name='armvtimer' tickpolicy='discard'/></clock></domain>");
        AssertLossless(
            "<domain type='kvm'><name>s</name><memory>1024</memory><sysinfo type='smbios'><system><entry name='serial'>1</entry></system>" +
            "<baseBoard><entry name='asset'>A</entry></baseBoard><baseBoard><entry name='location'>L</entry></baseBoard>" +
            "<chassis><entry name='sku'>S</entry></chassis><oemStrings><entry>one</entry><entry>two</entry></oemStrings></sysinfo></domain>");
        AssertLossless(
            "<domain type='kvm'><name>f</name><memory>1024</memory>" +
            "<sysinfo type='fwcfg'><entry name='opt/a'>v</entry><entry name='opt/b' file='/f'/></sysinfo></domain>");
        AssertLossless(
            "<domain type='kvm'><name>h</name><memory>1024</memory><resource><partition>/machine</partition><fibrechannel appid='app'/></resource>" +
            "<on_lockfailure>pause</on_lockfailure><perf><event name='cmt' enabled='yes'/><event name='cpu_cycles' enabled='no'/></perf>" +
            "<keywrap><cipher name='aes' state='on'/><cipher name='dea' state='off'/></keywrap></domain>");
        AssertLossless(
            "<domain type='kvm'><name>b</name><memory>1024</memory><blkiotune><weight>500</weight>" +
            "<device><path>/dev/sda</path><weight>100</weight><read_iops_sec>10</read_iops_sec><write_bytes_sec>20</write_bytes_sec></device>" +
            "<device><path>/dev/sdb</path><read_bytes_sec>30</read_bytes_sec><write_iops_sec>40</write_iops_sec></device></blkiotune></domain>");
        AssertLosslessTainted(
            "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><name>q</name><memory>1024</memory>" +
            "<qemu:capabilities><qemu:add capability='vnc-colon'/><qemu:del capability='name'/></qemu:capabilities></domain>");
    }
}
