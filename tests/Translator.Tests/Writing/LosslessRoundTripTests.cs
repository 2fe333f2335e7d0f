using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Writing;

namespace DomainLauncher.Translator.Tests.Writing;

/// <summary>
/// Parts of the model that neither the corpus nor the whole-specification document use: written,
/// read back, nothing is lost or added (the writer writes the model as it is) and a second write
/// gives the same text.
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
        var gained = ModelLeaves.Missing(reread.Domain!, original.Domain!);
        Assert.True(gained.Count == 0, "the writer added:\n" + string.Join("\n", gained) + "\n" + written);
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
            "<hostdev mode='capabilities' type='net'><source><interface>eth8</interface></source><ip address='192.0.2.5' family='ipv4' prefix='24'/>" +
            "<route family='ipv4' address='0.0.0.0' gateway='192.0.2.1'/></hostdev>" +
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
    public void Libvirt9_disks_with_every_source_type_and_setting_lose_nothing() =>
        AssertLossless(
            "<domain type='kvm'><name>d</name><memory>1024</memory><os><type arch='x86_64'>hvm</type></os><devices>" +
            "<disk type='file' device='disk' model='virtio-transitional' snapshot='manual'>" +
            "<driver name='qemu' type='qcow2' cache='none' io='io_uring' discard='unmap' iothread='1' detect_zeroes='unmap' queues='4' queue_size='256' iommu='on' ats='off' packed='on' page_per_vq='on'>" +
            "<metadata_cache><max_size unit='KiB'>1024</max_size></metadata_cache></driver>" +
            "<source file='/a.qcow2' fdgroup='fds' startupPolicy='optional' index='3'><slices><slice type='storage' offset='512' size='4096'/></slices>" +
            "<seclabel model='dac' relabel='no'/>" +
            "<encryption format='luks' engine='qemu'><secret type='passphrase' usage='vol1'/><cipher name='aes' size='256' mode='xts' hash='sha256'/><ivgen name='plain64' hash='sha256'/></encryption></source>" +
            "<backingStore type='block' index='4'><format type='qcow2'><metadata_cache><max_size unit='bytes'>2048</max_size></metadata_cache></format>" +
            "<source dev='/dev/b'/><backingStore type='file'><format type='raw'/><source file='/c.raw'/><backingStore/></backingStore></backingStore>" +
            "<target dev='vda' bus='virtio'/>" +
            "<iotune><total_bytes_sec>1</total_bytes_sec><total_iops_sec>2</total_iops_sec><read_bytes_sec_max>3</read_bytes_sec_max><write_bytes_sec_max>4</write_bytes_sec_max>" +
            "<total_iops_sec_max>5</total_iops_sec_max><size_iops_sec>6</size_iops_sec><group_name>g</group_name><read_bytes_sec_max_length>7</read_bytes_sec_max_length>" +
            "<write_bytes_sec_max_length>8</write_bytes_sec_max_length><total_iops_sec_max_length>9</total_iops_sec_max_length></iotune>" +
            "<transient shareBacking='yes'/><acpi index='7'/></disk>" +
            "<disk type='file' device='disk'><source file='/src.qcow2'/><mirror type='file' job='copy' ready='pivot'><format type='qcow2'/><source file='/m.qcow2'/><backingStore/></mirror>" +
            "<target dev='vdh' bus='virtio'/></disk>" +
            "<disk type='file' device='disk'><source file='/src2.qcow2'/><mirror file='/old.copy' format='raw' job='copy' ready='yes'/><target dev='vdi' bus='virtio'/></disk>" +
            "<disk type='block' device='lun'><source dev='/dev/sdz'><reservations managed='no'><source type='unix' path='/run/pr.sock' mode='client'><reconnect enabled='yes' timeout='5'/></source></reservations></source>" +
            "<target dev='sda' bus='scsi' removable='on' rotation_rate='7200'/><vendor>VEND</vendor><product>PRODUCT 1</product></disk>" +
            "<disk type='volume' device='disk'><source pool='pool' volume='vol' mode='direct'/><target dev='sdb' bus='sata' rotation_rate='1'/></disk>" +
            "<disk type='nvme' device='disk'><source type='pci' managed='yes' namespace='2'><address domain='0x0000' bus='0x01' slot='0x00' function='0x0'/></source><target dev='vdb' bus='virtio'/></disk>" +
            "<disk type='vhostuser' device='disk'><driver name='qemu' type='raw'/><source type='unix' path='/tmp/vhost.sock'><reconnect enabled='no'/></source><target dev='vdc' bus='virtio'/></disk>" +
            "<disk type='network' device='disk'><source protocol='rbd' name='pool/img'><host name='mon' port='6789'/><snapshot name='snap'/><config file='/etc/ceph.conf'/>" +
            "<auth username='admin'><secret type='ceph' usage='client.admin'/></auth><encryption format='luks2' engine='librbd'><secret type='passphrase' uuid='11111111-2222-3333-4444-555555555555'/></encryption></source>" +
            "<target dev='vdd' bus='virtio'/></disk>" +
            "<disk type='network' device='lun'><source protocol='iscsi' name='iqn.2013-07.com.example:iscsi/1'><host name='example.org' port='3260'/>" +
            "<initiator><iqn name='iqn.2013-07.com.example:client'/></initiator></source><target dev='sdc' bus='scsi'/></disk>" +
            "<disk type='network' device='cdrom'><source protocol='https' name='/x.iso' query='a=b'><host name='example.org' port='443'/><ssl verify='no'/>" +
            "<cookies><cookie name='c1'>v1</cookie><cookie name='c2'>v2</cookie></cookies><readahead size='65536'/><timeout seconds='10'/></source><target dev='hdc' bus='ide'/><readonly/></disk>" +
            "<disk type='network' device='disk'><source protocol='nbd' name='export' tls='yes' tlsHostname='nbd.example.org'><host name='nbd.example.org' port='10809'/></source><target dev='vde' bus='virtio'/></disk>" +
            "<disk type='network' device='disk'><source protocol='nfs' name='/share/img'><host name='nfs.example.org'/><identity user='u' group='g'/></source><target dev='vdf' bus='virtio'/></disk>" +
            "<disk type='network' device='disk'><source protocol='vxhs' name='eb90327c'><host name='192.168.0.1' port='9999'/></source><target dev='vdg' bus='virtio'/></disk>" +
            "</devices></domain>");

    [Fact]
    public void Libvirt9_filesystems_host_devices_and_interfaces_lose_nothing() =>
        AssertLossless(
            "<domain type='kvm'><name>n</name><memory>1024</memory><os><type arch='x86_64'>hvm</type></os><devices>" +
            "<filesystem type='mount' accessmode='passthrough' model='virtio-non-transitional' multidevs='remap' fmode='0644' dmode='0755'>" +
            "<driver type='virtiofs' queue='1024' iommu='on'/><binary path='/usr/libexec/virtiofsd' xattr='on'><cache mode='always'/><sandbox mode='chroot'/>" +
            "<lock posix='on' flock='off'/><thread_pool size='16'/></binary><source dir='/export'/><target dir='tag'/><boot order='2'/><acpi index='3'/></filesystem>" +
            "<filesystem type='mount'><driver type='virtiofs'/><source socket='/tmp/fs.sock'/><target dir='tag2'/></filesystem>" +
            "<filesystem type='file'><driver type='ploop' format='ploop'/><source file='/img'/><target dir='/p'/><space_hard_limit unit='KiB'>100</space_hard_limit><space_soft_limit>4096</space_soft_limit></filesystem>" +
            "<hostdev mode='subsystem' type='scsi' sgio='unfiltered' rawio='yes'><source><adapter name='scsi_host0'/><address bus='0' target='0' unit='1'/></source><readonly/><shareable/></hostdev>" +
            "<hostdev mode='subsystem' type='scsi'><source protocol='iscsi' name='iqn.2014-08.com.example:iscsi-pool/1'><host name='example.org' port='3260'/>" +
            "<auth username='myuser'><secret type='iscsi' usage='libvirtiscsi'/></auth><initiator><iqn name='iqn.2020-07.com.example:test'/></initiator></source></hostdev>" +
            "<hostdev mode='subsystem' type='scsi_host' model='virtio-transitional'><source protocol='vhost' wwpn='naa.5123456789abcde0'/></hostdev>" +
            "<hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on' ramfb='on'><source><address uuid='53764d0e-85a0-42b4-af5c-2046b460b1dc'/></source></hostdev>" +
            "<hostdev mode='subsystem' type='pci' managed='yes'><driver name='vfio'/><source startupPolicy='optional' writeFiltering='no'><address domain='0x0000' bus='0x06' slot='0x12' function='0x5'/></source>" +
            "<teaming type='transient' persistent='ua-net0'/><acpi index='4'/></hostdev>" +
            "<hostdev mode='subsystem' type='usb'><source guestReset='uninitialized'><address bus='1' device='2'/></source></hostdev>" +
            "<interface type='user' trustGuestRxFilters='no'><mac address='52:54:00:11:22:33' type='static' check='no'/><source dev='eth0'/>" +
            "<ip address='172.17.2.0' family='ipv4' prefix='24'/><ip address='2001:db8:ac10:fd01::' family='ipv6' prefix='64' peer='2001:db8::1'/>" +
            "<route family='ipv4' address='192.168.1.0' prefix='24' gateway='172.17.2.1' metric='1'/>" +
            "<portForward proto='tcp' address='2001:db8:ac10:fd01::1:10' dev='eth0'><range start='22' to='2022'/><range start='1000' end='1050' exclude='yes'/></portForward>" +
            "<portForward proto='udp'><range start='5000'/></portForward>" +
            "<model type='virtio'/><backend type='passt' logFile='/var/log/passt.log'/><mtu size='1400'/><acpi index='5'/></interface>" +
            "<interface type='network'><source network='default' portid='11111111-2222-3333-4444-555555555555'/><target dev='vnet0' managed='no'/>" +
            "<model type='virtio'/><driver name='vhost' queues='4' rx_queue_size='512' tx_queue_size='256' txmode='iothread' ioeventfd='on' event_idx='off' iommu='on' ats='on' packed='on' rss='on' rss_hash_report='on'>" +
            "<host csum='off' gso='off' tso4='off' tso6='off' ecn='off' ufo='off' mrg_rxbuf='off'/><guest csum='off' tso4='off' tso6='off' ecn='off' ufo='off'/></driver>" +
            "<backend tap='/dev/net/tun' vhost='/dev/vhost-net'/><teaming type='persistent'/><coalesce><rx><frames max='7'/></rx></coalesce><port isolated='yes'/><alias name='ua-net0'/></interface>" +
            "<interface type='ethernet'><source><ip address='192.168.122.1' family='ipv4' prefix='24'/><route family='ipv4' address='10.0.0.0' netmask='255.0.0.0' gateway='192.168.122.2'/></source>" +
            "<model type='e1000'/><rom enabled='no'/></interface>" +
            "<hostdev mode='subsystem' type='pci'><source><address domain='0x0000' bus='0x06' slot='0x11' function='0x0'/></source><rom enabled='yes' bar='on' file='/r.bin'/></hostdev>" +
            "<interface type='ethernet'><target dev='tap0'/><guest dev='eth1' actual='veth0'/><script path='/up'/><downscript path='/down'/><backenddomain name='dom0'/></interface>" +
            "<interface type='vhostuser'><mac address='52:54:00:ee:96:6b'/><source type='unix' path='/tmp/vhost.sock' mode='server'><reconnect enabled='yes' timeout='10'/></source><model type='virtio'/></interface>" +
            "<interface type='bridge'><source network='n' portgroup='pg' portid='11111111-2222-3333-4444-555555555556' bridge='br0' macTableManager='libvirt'/></interface>" +
            "<interface type='direct'><source network='n2' dev='eth0' mode='bridge'/></interface>" +
            "<interface type='network'><source network='n3' bridge='virbr0' macTableManager='kernel'/></interface>" +
            "<interface type='udp'><source address='192.168.0.1' port='5555'><local address='127.0.0.1' port='5556'/></source></interface>" +
            "<interface type='vdpa'><source dev='/dev/vhost-vdpa-0'/><model type='virtio'/></interface>" +
            "<interface type='null'><model type='virtio'/></interface>" +
            "<interface type='vds'><source switchid='12345678-1234-1234-1234-123456789abc' portid='6' portgroupid='pg' connectionid='12345'/></interface>" +
            "<interface type='hostdev' managed='yes'><driver name='vfio'/><source><address type='pci' domain='0x0000' bus='0x00' slot='0x07' function='0x0'/></source></interface>" +
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

    [Fact]
    public void Libvirt_9_controllers_and_addresses_lose_nothing() =>
        AssertLossless(
            "<domain type='kvm'><name>q</name><memory>1024</memory><os><type arch='x86_64' machine='q35'>hvm</type></os><devices>" +
            "<controller type='pci' index='0' model='pcie-root'><pcihole64 unit='KiB'>1048576</pcihole64></controller>" +
            "<controller type='pci' index='1' model='pcie-root-port'><model name='pcie-root-port'/>" +
            "<target chassisNr='3' chassis='1' port='0x10' busNr='5' index='2' hotplug='off'><node>0</node></target>" +
            "<address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0' multifunction='on'><zpci uid='0x0001' fid='0x00000002'/></address></controller>" +
            "<controller type='pci' model='pcie-expander-bus'/>" +
            "<controller type='scsi' index='0' model='virtio-non-transitional'>" +
            "<driver queues='4' cmd_per_lun='8' max_sectors='512' ioeventfd='off' iothread='1' iommu='on' ats='on' packed='off' page_per_vq='on'/>" +
            "<alias name='scsi0'/><acpi index='7'/><address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0002'/></controller>" +
            "<controller type='usb' index='0' model='qemu-xhci' ports='15'/>" +
            "<controller type='usb' index='1' model='ich9-uhci1'><master startport='0'/><address type='virtio-mmio'/></controller>" +
            "<controller type='ide' index='0' model='ich6'><address type='unassigned'/></controller>" +
            "<controller type='virtio-serial' index='0' model='virtio-transitional' ports='4' vectors='2'/>" +
            "<controller type='xenbus' index='0' maxGrantFrames='64' maxEventChannels='2047'/>" +
            "<controller type='isa' index='0'/>" +
            "<controller type='sata' index='0'><address type='dimm' slot='1' base='0x100000000'/></controller>" +
            "</devices></domain>");
}
