using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Writing;

namespace DomainLauncher.Translator.Tests.Writing;

/// <summary>
/// Parts of the model that neither the corpus nor the whole-specification document use: written,
/// read back, nothing is lost and a second write gives the same text.
/// </summary>
public sealed class LosslessRoundTripTests
{
    private static void AssertLossless(string xml)
    {
        var original = DomainParser.ParseText(xml);
        Assert.True(original.Domain is not null && original.Diagnostics.Count == 0,
            string.Join("\n", original.Diagnostics.Select(d => d.Format())));
        var written = DomainXmlWriter.Write(original.Domain!);
        var reread = DomainParser.ParseText(written, "written");
        Assert.True(reread.Diagnostics.Count == 0, string.Join("\n", reread.Diagnostics.Select(d => d.Format())) + "\n" + written);
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
    public void Libvirt_9_display_audio_input_and_character_devices_lose_nothing() =>
        AssertLossless(
            "<domain type='kvm'><name>q</name><memory>1024</memory><os><type arch='x86_64'>hvm</type></os><devices>" +
            "<serial type='file'><source path='/tmp/s.log' append='on'><seclabel model='selinux' relabel='yes'><label>system_u:object_r:x_t:s0</label></seclabel></source><log file='/tmp/copy.log' append='off'/>" +
            "<target type='pci-serial' port='0'><model name='pci-serial'/></target><acpi index='7'/></serial>" +
            "<serial type='tcp'><source mode='connect' host='h' service='9' tls='yes'><reconnect enabled='yes' timeout='5'/></source>" +
            "<protocol type='telnet'/><target type='isa-debug' port='1'><model name='isa-debugcon'/></target></serial>" +
            "<serial type='spiceport'><source channel='org.qemu.console.serial.0'/><target port='2'/></serial>" +
            "<serial type='nmdm'><source master='/dev/nmdm0A' slave='/dev/nmdm0B'/><target port='3'/></serial>" +
            "<parallel type='unix'><source mode='bind' path='/tmp/p'><reconnect enabled='no'/><seclabel model='dac' relabel='no'/></source><protocol type='raw'/><target port='0'/></parallel>" +
            "<channel type='unix'><source mode='bind'/><target type='virtio' name='org.qemu.guest_agent.0' state='disconnected'/></channel>" +
            "<channel type='qemu-vdagent'><source><clipboard copypaste='yes'/><mouse mode='client'/></source><target type='virtio' name='com.redhat.spice.0'/></channel>" +
            "<channel type='dbus'><source channel='org.qemu.x'/><target type='virtio' name='org.qemu.x'/></channel>" +
            "<input type='passthrough' bus='virtio' model='virtio-non-transitional'><driver iommu='on' packed='off'/>" +
            "<source evdev='/dev/input/event1'/><alias name='input1'/><acpi index='3'/></input>" +
            "<input type='evdev'><source dev='/dev/input/event2' grab='all' grabToggle='meta-meta' repeat='off'/></input>" +
            "<tpm model='tpm-crb'><backend type='emulator' version='2.0' persistent_state='yes'>" +
            "<encryption secret='11111111-2222-3333-4444-555555555555'/><active_pcr_banks><sha1/><sha384/></active_pcr_banks></backend></tpm>" +
            "<tpm model='tpm-tis'><backend type='passthrough'><device path='/dev/tpm0'/></backend></tpm>" +
            "<tpm model='tpm-spapr'><backend type='external'><source type='unix' mode='connect' path='/run/swtpm'/></backend></tpm>" +
            "<graphics type='vnc' port='5900' websocket='5700' powerControl='yes' sharePolicy='force-shared'><listen type='address'/><audio id='1'/></graphics>" +
            "<graphics type='vnc'><listen type='socket' socket='/run/vnc.sock'/></graphics>" +
            "<graphics type='spice' autoport='yes'><listen type='none'/><filetransfer enable='no'/><gl enable='yes' rendernode='/dev/dri/renderD128'/></graphics>" +
            "<graphics type='sdl'><gl enable='no'/></graphics>" +
            "<graphics type='egl-headless'><gl rendernode='/dev/dri/renderD129'/></graphics>" +
            "<graphics type='dbus' address='unix:path=/tmp/bus' p2p='no'><gl enable='yes'/><audio id='2'/></graphics>" +
            "<sound model='ich9'><codec type='output'/><audio id='1'/><alias name='sound0'/><acpi index='4'/></sound>" +
            "<sound model='usb'/>" +
            "<audio id='1' type='oss' timerPeriod='50' tryMMap='yes' exclusive='no' dspPolicy='-1'>" +
            "<input mixingEngine='no' fixedSettings='yes' voices='2' bufferLength='100' dev='/dev/dsp' bufferCount='4' tryPoll='yes'>" +
            "<settings frequency='48000' channels='2' format='f32'/></input><output dev='/dev/dsp1'/></audio>" +
            "<audio id='2' type='pulseaudio' serverName='srv'><input name='n' streamName='s' latency='9'/></audio>" +
            "<audio id='3' type='jack'><output serverName='a' clientName='b' connectPorts='c' exactName='yes'/></audio>" +
            "<audio id='4' type='sdl' driver='esd'><output bufferCount='2'/></audio>" +
            "<audio id='5' type='file' path='/tmp/a.wav'/>" +
            "<audio id='6' type='coreaudio'><input bufferCount='3'/></audio>" +
            "<video><driver name='vhostuser' vgaconf='io' ats='on'/><model type='qxl' ram='65536' vram='32768' vram64='131072' vgamem='8192' heads='2' primary='yes'>" +
            "<acceleration accel3d='yes' rendernode='/dev/dri/renderD128'/><resolution x='1024' y='768'/></model><acpi index='5'/></video>" +
            "<video><model type='none'/></video>" +
            "<video><model type='bochs' vram='16384'/></video>" +
            "<watchdog model='diag288' action='inject-nmi'><acpi index='6'/></watchdog>" +
            "<memballoon model='virtio-transitional' autodeflate='on' freePageReporting='on'><alias name='balloon0'/>" +
            "<stats period='10'/><driver iommu='on'/></memballoon>" +
            "<rng model='virtio'><backend model='random'>/dev/urandom</backend><rate bytes='1234' period='2000'/><driver page_per_vq='on'/></rng>" +
            "<rng model='virtio'><backend model='egd' type='tcp'><source mode='connect' host='h' service='7'/><protocol type='raw'/></backend></rng>" +
            "<rng model='virtio-transitional'><backend model='builtin'/></rng>" +
            "<nvram><address type='spapr-vio' reg='0x3000'/></nvram>" +
            "<panic model='hyperv'/>" +
            "<shmem name='shm0' role='master'><model type='ivshmem-plain'/><size unit='M'>4</size><server path='/run/s'/><msi vectors='2' ioeventfd='on'/></shmem>" +
            "<iommu model='intel'><driver intremap='on' caching_mode='off' eim='on' iotlb='off' aw_bits='48'/><acpi index='8'/></iommu>" +
            "<vsock model='virtio'><cid auto='no' address='3'/><driver ats='off'/></vsock>" +
            "</devices></domain>");

    [Fact]
    public void A_xen_channel_loses_nothing() =>
        AssertLossless(
            "<domain type='xen'><name>x</name><memory>1024</memory><os><type>linux</type><kernel>/k</kernel></os><devices>" +
            "<channel type='pty'><target type='xen' name='org.qemu.guest_agent.0'/></channel>" +
            "<input type='keyboard' bus='virtio'/>" +
            "</devices></domain>");
}
