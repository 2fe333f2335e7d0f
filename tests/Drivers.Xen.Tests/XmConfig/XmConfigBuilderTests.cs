using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Xen.Tests.XmConfig;

/// <summary>Focused XML to xm config cases: what changes with the xend version, and what is refused.</summary>
public sealed class XmConfigBuilderTests
{
    private static readonly XenGuestDefaults Guests = new(new XenGuestArch("i686", "xenfv"), new XenGuestArch("i686", "xenpv"));

    private static string Hvm(string devices = "", string extra = "") => $"""
        <domain type='xen'>
          <name>g</name>
          <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>
          <memory>1048576</memory>
          <os><type>hvm</type><loader>/usr/lib/xen/boot/hvmloader</loader><boot dev='cdrom'/><boot dev='hd'/></os>
          {extra}
          <devices>
            {devices}
          </devices>
        </domain>
        """;

    private static string Pv(string devices = "", string extra = "") => $"""
        <domain type='xen'>
          <name>g</name>
          <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>
          <memory>1048576</memory>
          <currentMemory>524288</currentMemory>
          <vcpu current='1'>3</vcpu>
          <os><type>linux</type><kernel>/boot/vmlinuz</kernel><initrd>/boot/initrd</initrd><cmdline>ro quiet</cmdline></os>
          {extra}
          <devices>
            {devices}
          </devices>
        </domain>
        """;

    private static XenTarget Target(int version) => XenTarget.For((XendConfigVersion)version);

    private static XmConfigBuildResult Build(string xml, int version)
    {
        var parsed = DomainParser.ParseText(xml);
        Assert.True(parsed.Domain is not null, string.Join("\n", parsed.Diagnostics));
        return XmConfigBuilder.Build(parsed.Domain, Target(version));
    }

    private static string Text(string xml, int version)
    {
        var built = Build(xml, version);
        Assert.True(built.Text is not null, string.Join("\n", built.Diagnostics));
        return built.Text;
    }

    [Fact]
    public void A_pv_guest_writes_its_kernel_memory_and_available_vcpus()
    {
        Assert.Equal("""
            name = "g"
            uuid = "c7a5fdb2-cdaf-9455-926a-d65c16db1809"
            maxmem = 1024
            memory = 512
            vcpus = 3
            vcpu_avail = 1
            kernel = "/boot/vmlinuz"
            ramdisk = "/boot/initrd"
            extra = "ro quiet"
            localtime = 0
            on_poweroff = "destroy"
            on_reboot = "restart"
            on_crash = "destroy"

            """.Replace("\r", ""), Text(Pv(), 3));
    }

    [Fact]
    public void Hvm_boot_order_features_and_the_version_3_switches()
    {
        var text = Text(Hvm(extra: "<features><pae/><hap/></features>"), 3);
        Assert.Contains("boot = \"dc\"\npae = 1\nacpi = 0\napic = 0\nhap = 1\nviridian = 0\n", text);
        Assert.DoesNotContain("hap", Text(Hvm(extra: "<features><pae/><hap/></features>"), 2));
    }

    [Fact]
    public void Xend_302_puts_the_hvm_cdrom_in_its_own_setting_and_prefixes_disks_with_ioemu()
    {
        var devices = """
            <disk type='block'><driver name='phy'/><source dev='/dev/vg/g'/><target dev='hda'/></disk>
            <disk type='file' device='cdrom'><source file='/iso'/><target dev='hdc'/><readonly/></disk>
            """;
        var text = Text(Hvm(devices), 1);
        Assert.Contains("cdrom = \"/iso\"\n", text);
        Assert.Contains("disk = [ \"phy:/dev/vg/g,ioemu:hda,w\" ]\n", text);
        Assert.Contains("disk = [ \"phy:/dev/vg/g,hda,w\", \"file:/iso,hdc:cdrom,r\" ]\n", Text(Hvm(devices), 2));
    }

    [Fact]
    public void Tap_disks_name_their_format_and_shared_disks_are_marked()
    {
        var devices = """
            <disk type='file'><driver name='tap' type='qcow'/><source file='/a.img'/><target dev='xvda'/><shareable/></disk>
            <disk type='file'><driver name='tap'/><source file='/b.img'/><target dev='xvdb'/></disk>
            <disk type='file' device='floppy'><source file='/f.img'/><target dev='fda'/></disk>
            """;
        Assert.Contains("disk = [ \"tap:qcow:/a.img,xvda,!\", \"tap:aio:/b.img,xvdb,w\" ]\n", Text(Pv(devices), 3));
    }

    [Fact]
    public void A_pv_framebuffer_is_a_vfb_entry_from_xend_304_and_flat_settings_before()
    {
        var devices = "<graphics type='vnc' port='5901' autoport='no' listen='0.0.0.0' keymap='de'/>";
        Assert.Contains("vfb = [ \"type=vnc,vncunused=0,vncdisplay=1,vnclisten=0.0.0.0,keymap=de\" ]\n", Text(Pv(devices), 3));
        Assert.Contains("sdl = 0\nvnc = 1\nvncunused = 0\nvncdisplay = 1\nvnclisten = \"0.0.0.0\"\nkeymap = \"de\"\n", Text(Pv(devices), 2));
        Assert.Contains("vfb = [ \"type=sdl,display=:0.0\" ]\n", Text(Pv("<graphics type='sdl' display=':0.0'/>"), 3));
    }

    [Fact]
    public void Hvm_clock_from_xend_310_is_an_rtc_offset()
    {
        var text = Text(Hvm(extra: "<clock offset='variable' adjustment='3600' basis='localtime'/>"), 4);
        Assert.Contains("rtc_timeoffset = 3600\nlocaltime = 1\n", text);
    }

    [Fact]
    public void Ethernet_nics_keep_their_script_and_hvm_nics_without_a_model_are_ioemu()
    {
        var devices = """
            <interface type='ethernet'><mac address='00:16:3e:00:00:01'/><script path='vif-route'/><ip address='10.0.0.2'/></interface>
            <interface type='bridge'><mac address='00:16:3E:00:00:02'/><source bridge='br0'/><target dev='vif9'/></interface>
            """;
        Assert.Contains("vif = [ \"mac=00:16:3e:00:00:01,script=vif-route,ip=10.0.0.2,type=ioemu\", "
            + "\"mac=00:16:3e:00:00:02,bridge=br0,script=vif-bridge,type=ioemu,vifname=vif9\" ]\n", Text(Hvm(devices), 2));
    }

    [Fact]
    public void Serial_ports_with_a_gap_are_a_list_with_none()
    {
        var devices = """
            <serial type='pty'><target port='0'/></serial>
            <serial type='unix'><source mode='bind' path='/tmp/s'/><target port='2'/></serial>
            """;
        Assert.Contains("serial = [ \"pty\", \"none\", \"unix:/tmp/s,server,nowait\" ]\n", Text(Hvm(devices), 2));
    }

    [Theory]
    [InlineData("<interface type='network'><mac address='00:16:3e:00:00:01'/><source network='default'/></interface>", "<interface type='network'>")]
    [InlineData("<interface type='bridge'><source bridge='br0'/></interface>", "no <mac address>")]
    [InlineData("<disk type='network'><source protocol='nbd' name='x'><host name='h'/></source><target dev='xvda'/></disk>", "<disk type='network'>")]
    [InlineData("<disk type='file'><source file='/a'/><target dev='xvda'/><transient/></disk>", "transient")]
    [InlineData("<graphics type='spice'/>", "allowed: sdl, vnc")]
    [InlineData("<graphics type='sdl'/><graphics type='vnc'/>", "one framebuffer")]
    public void What_an_xm_config_cannot_hold_is_refused_at_the_element(string devices, string expected)
    {
        var built = Build(Pv(devices), 3);
        Assert.Null(built.Text);
        var error = Assert.Single(built.Diagnostics, d => d.IsError);
        Assert.Contains(expected, error.Message);
        Assert.True(error.Location.Line > 1);
    }

    [Fact]
    public void Every_refusal_is_found_before_anything_is_written_each_at_its_element()
    {
        var devices = """
            <disk type='file'><source file='/a'/><target dev='xvda'/><transient/></disk>
            <interface type='bridge'><source bridge='br0'/></interface>
            <graphics type='spice'/>
            """;
        var built = Build(Pv(devices, "<clock offset='timezone' timezone='Europe/Paris'/>"), 3);
        Assert.Null(built.File);
        Assert.Null(built.Text);
        Assert.Collection(built.Diagnostics,
            d => Assert.Contains("clock offset='timezone'", d.Message),
            d => Assert.Contains("<graphics type='spice'>", d.Message),
            d => Assert.Contains("transient", d.Message),
            d => Assert.Contains("no <mac address>", d.Message));
        Assert.All(built.Diagnostics, d => Assert.True(d.IsError && d.Location.Line > 1, d.Format()));
    }

    [Fact]
    public void A_value_with_a_control_character_is_refused_at_its_element()
    {
        var built = Build(Pv().Replace("<kernel>/boot/vmlinuz</kernel>", "<kernel>/boot/it's&#9;\"x\"</kernel>"), 3);
        var error = Assert.Single(built.Diagnostics);
        Assert.Null(built.Text);
        Assert.Equal(XenXmDiagnostics.ForbiddenCharacter, error.Code);
        Assert.Contains("the value of 'kernel' holds U+0009 at character 11", error.Message);
        Assert.Equal(7, error.Location.Line);
    }

    [Fact]
    public void A_value_holding_both_quotes_is_escaped_and_reads_back()
    {
        var built = Build(Pv().Replace("<kernel>/boot/vmlinuz</kernel>", "<kernel>/boot/it's \"x\"</kernel>"), 3);
        Assert.Empty(built.Diagnostics);
        Assert.Contains("kernel = \"/boot/it\\'s \\\"x\\\"\"\n", built.Text);
        var kernel = XmConfigParser.Parse(built.Text!).File!.Find("kernel")!.Value;
        Assert.Equal("/boot/it's \"x\"", Assert.IsType<XmString>(kernel).Text);
    }

    [Fact]
    public void A_kvm_domain_or_a_domain_without_uuid_is_refused()
    {
        Assert.Contains("type='xen'", Assert.Single(Build(Pv().Replace("type='xen'", "type='kvm'"), 3).Diagnostics).Message);
        Assert.Contains("<uuid>", Assert.Single(Build(Pv().Replace("<uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>", ""), 3).Diagnostics).Message);
    }

    [Fact]
    public void Utc_with_reset_cannot_be_written_for_hvm_on_xend_310()
    {
        var built = Build(Hvm(extra: "<clock offset='utc' adjustment='reset'/>"), 4);
        Assert.Contains("adjustment='reset'", Assert.Single(built.Diagnostics).Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void A_rich_hvm_domain_round_trips_through_the_cfg_at_every_version(int version)
    {
        var devices = """
            <emulator>/usr/lib/xen/bin/qemu-dm</emulator>
            <disk type='block'><driver name='phy'/><source dev='/dev/vg/g'/><target dev='hda' bus='ide'/></disk>
            <disk type='file'><driver name='tap' type='aio'/><source file='/x.img'/><target dev='hdb' bus='ide'/></disk>
            <interface type='bridge'><mac address='00:16:3e:00:00:02'/><source bridge='br0'/><script path='vif-bridge'/><model type='rtl8139'/></interface>
            <serial type='udp'><source mode='bind' host='0.0.0.0' service='99'/><source mode='connect' host='h' service='98'/><target port='0'/></serial>
            <parallel type='file'><source path='/tmp/p'/><target port='0'/></parallel>
            <input type='tablet' bus='usb'/>
            <sound model='ac97'/>
            <hostdev mode='subsystem' type='pci'><source><address domain='0x0' bus='0x1' slot='0x2' function='0x3'/></source></hostdev>
            """;
        var clock = version >= 4 ? "<clock offset='variable' adjustment='10' basis='utc'/>" : "<clock offset='localtime'/>";
        var xml = Hvm(devices, clock + "<features><acpi/><apic/><pae/><viridian/></features>").Replace("<boot dev='hd'/>", "");
        var first = Text(xml, version);
        var read = XmConfigReader.ReadText(first, "g.cfg", Target(version), Guests);
        Assert.True(read.Domain is not null, string.Join("\n", read.Diagnostics));
        var second = XmConfigBuilder.Build(read.Domain, Target(version));
        Assert.Equal(first, second.Text);
    }

    [Fact]
    public void A_boot_order_reads_as_its_first_device_repeated_as_the_reference_read_it()
    {
        var read = XmConfigReader.ReadText(Text(Hvm(), 2), "g.cfg", Target(2), Guests);
        Assert.Equal([BootDevice.Cdrom, BootDevice.Cdrom], read.Domain!.Os!.BootDevices.ToArray());
    }
}
