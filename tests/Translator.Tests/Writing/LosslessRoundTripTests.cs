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
