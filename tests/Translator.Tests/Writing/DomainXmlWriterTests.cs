using DomainLauncher.Translator.Defaults;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Writing;

namespace DomainLauncher.Translator.Tests.Writing;

/// <summary>
/// Section and device family writers, through whole documents: each document is read as the loader
/// reads it (parsed, then the post-parse defaults), so the text shows the values libvirt fills too.
/// </summary>
public sealed class DomainXmlWriterTests
{
    private static string Write(string xml)
    {
        var result = DomainParser.ParseText(xml);
        Assert.True(result.Domain is not null, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        return DomainXmlWriter.Write(DomainDefaults.Apply(result.Domain!));
    }

    private static string Hvm(string devices, string domainType = "kvm", string extra = "") =>
        $"<domain type='{domainType}'><name>g</name><memory>1024</memory><vcpu>1</vcpu>{extra}" +
        $"<os><type>hvm</type><boot dev='hd'/></os><devices>{devices}</devices></domain>";

    [Fact]
    public void A_minimal_domain_gets_the_values_libvirt_always_writes()
    {
        var text = Write("<domain type='xen'><name>g</name><memory unit='MiB'>1</memory><vcpu>2</vcpu>" +
                         "<os><type>hvm</type></os></domain>");
        Assert.Equal(
            "<domain type='xen'>\n" +
            "  <name>g</name>\n" +
            "  <memory unit='KiB'>1024</memory>\n" +
            "  <currentMemory unit='KiB'>1024</currentMemory>\n" +
            "  <vcpu placement='static'>2</vcpu>\n" +
            "  <os>\n" +
            "    <type>hvm</type>\n" +
            "    <boot dev='hd'/>\n" +
            "  </os>\n" +
            "  <clock offset='utc'/>\n" +
            "  <on_poweroff>destroy</on_poweroff>\n" +
            "  <on_reboot>restart</on_reboot>\n" +
            "  <on_crash>destroy</on_crash>\n" +
            "  <devices>\n" +
            "  </devices>\n" +
            "</domain>\n",
            text);
    }

    [Fact]
    public void Domain_name_and_description_are_escaped()
    {
        var text = Write("<domain type='xen'><name>a&amp;b&lt;c</name><description>x \"y\" 'z'</description>" +
                         "<memory>1</memory><os><type>hvm</type></os></domain>");
        Assert.Contains("  <name>a&amp;b&lt;c</name>\n", text);
        Assert.Contains("  <description>x &quot;y&quot; &apos;z&apos;</description>\n", text);
    }

    [Fact]
    public void Vcpu_current_is_written_only_when_it_differs_from_the_maximum()
    {
        Assert.Contains("<vcpu placement='auto' cpuset='0-3' current='2'>4</vcpu>",
            Write(Hvm("", extra: "").Replace("<vcpu>1</vcpu>", "<vcpu placement='auto' current='2' cpuset='0-3'>4</vcpu>")));
        Assert.Contains("<vcpu placement='static'>4</vcpu>", Write(Hvm("").Replace("<vcpu>1</vcpu>", "<vcpu current='4'>4</vcpu>")));
    }

    [Fact]
    public void A_numeric_clock_adjustment_on_utc_is_written_as_given() =>
        Assert.Contains("<clock offset='utc' adjustment='-30'/>",
            Write(Hvm("", extra: "<clock offset='utc' adjustment='-30'/>")));

    [Fact]
    public void Features_are_written_in_libvirt_order_whatever_the_document_order() =>
        Assert.Contains("  <features>\n    <acpi/>\n    <apic eoi='on'/>\n    <pae/>\n  </features>\n",
            Write(Hvm("", extra: "<features><pae/><apic eoi='on'/><acpi/></features>")));

    [Fact]
    public void Cpu_model_gets_its_default_fallback_and_features_write_policy_first()
    {
        var text = Write(Hvm("", extra: "<cpu match='exact'><model>core2duo</model><feature name='lm' policy='disable'/></cpu>"));
        Assert.Contains("  <cpu match='exact'>\n    <model fallback='allow'>core2duo</model>\n    <feature policy='disable' name='lm'/>\n  </cpu>\n", text);
    }

    [Fact]
    public void Disk_parts_are_written_in_libvirt_order_with_boot_after_the_flags()
    {
        var text = Write(Hvm(
            "<disk device='cdrom'><address type='drive' controller='0' bus='1' unit='0'/><readonly/><boot order='1'/>" +
            "<target dev='hdc'/><source file='/iso/a&amp;b.iso'/><driver type='raw' name='qemu' cache='none'/></disk>"));
        Assert.Contains(
            "    <disk type='file' device='cdrom'>\n" +
            "      <driver name='qemu' type='raw' cache='none'/>\n" +
            "      <source file='/iso/a&amp;b.iso'/>\n" +
            "      <target dev='hdc' bus='ide'/>\n" +
            "      <readonly/>\n" +
            "      <boot order='1'/>\n" +
            "      <address type='drive' controller='0' bus='1' unit='0'/>\n" +
            "    </disk>\n",
            text);
    }

    [Fact]
    public void Disk_without_bus_takes_the_bus_its_target_name_implies()
    {
        var text = Write(Hvm("<disk type='block'><source dev='/dev/sdb'/><target dev='xvdb'/></disk>" +
                             "<disk type='file' device='floppy'><source file='/f.img'/><target dev='fda'/></disk>"));
        Assert.Contains("<target dev='xvdb' bus='xen'/>", text);
        Assert.Contains("<target dev='fda' bus='fdc'/>", text);
    }

    [Fact]
    public void Pci_addresses_are_written_in_padded_hexadecimal()
    {
        var text = Write(Hvm("<memballoon model='virtio'><address type='pci' domain='0' bus='0' slot='18' function='0' multifunction='on'/></memballoon>"));
        Assert.Contains("<address type='pci' domain='0x0000' bus='0x00' slot='0x12' function='0x0' multifunction='on'/>", text);
    }

    [Fact]
    public void Qemu_guests_without_a_balloon_get_libvirts_virtio_balloon_and_xen_guests_none()
    {
        Assert.Contains("    <memballoon model='virtio'/>\n  </devices>", Write(Hvm("")));
        Assert.DoesNotContain("memballoon", Write(Hvm("", domainType: "xen")));
    }

    [Fact]
    public void Graphics_listen_attribute_and_listen_element_are_written_from_one_address()
    {
        var text = Write(Hvm("<graphics type='vnc' port='5901' listen='127.0.0.1' passwd='p&amp;'/>", domainType: "xen"));
        Assert.Contains(
            "    <input type='mouse' bus='ps2'/>\n" +
            "    <graphics type='vnc' port='5901' autoport='no' listen='127.0.0.1' passwd='p&amp;'>\n" +
            "      <listen type='address' address='127.0.0.1'/>\n" +
            "    </graphics>\n",
            text);
    }

    [Fact]
    public void Vnc_with_a_host_chosen_port_is_written_with_port_minus_one() =>
        Assert.Contains("<graphics type='vnc' port='-1' autoport='yes'/>", Write(Hvm("<graphics type='vnc'/>", domainType: "xen")));

    [Fact]
    public void Usb_inputs_come_first_and_the_implicit_mouse_sits_just_before_the_graphics()
    {
        var text = Write(Hvm("<graphics type='sdl'/><input type='mouse' bus='ps2'/><input type='tablet' bus='usb'/>", domainType: "xen"));
        Assert.Contains(
            "    <input type='tablet' bus='usb'/>\n" +
            "    <input type='mouse' bus='ps2'/>\n" +
            "    <graphics type='sdl'/>\n",
            text);
    }

    [Fact]
    public void A_paravirtualized_xen_guest_keeps_its_os_type_and_gets_a_xen_console()
    {
        var text = Write("<domain type='xen'><name>g</name><memory>1024</memory><os><type>xen</type></os>" +
                         "<devices><console type='pty'/></devices></domain>");
        Assert.Contains("<type>xen</type>", text);
        Assert.Contains("<type>linux</type>", Write("<domain type='xen'><name>g</name><memory>1024</memory><os><type>linux</type></os></domain>"));
        Assert.Contains("    <console type='pty'>\n      <target type='xen' port='0'/>\n    </console>\n", text);
    }

    [Fact]
    public void A_fully_virtualized_guest_with_a_serial_port_and_no_console_gets_a_console_for_it()
    {
        var text = Write(Hvm("<serial type='tcp'><source mode='bind' host='127.0.0.1' service='9999'/><target port='0'/></serial>", domainType: "xen"));
        Assert.Contains(
            "    <serial type='tcp'>\n" +
            "      <source mode='bind' host='127.0.0.1' service='9999'/>\n" +
            "      <protocol type='raw'/>\n" +
            "      <target port='0'/>\n" +
            "    </serial>\n" +
            "    <console type='tcp'>\n" +
            "      <source mode='bind' host='127.0.0.1' service='9999'/>\n" +
            "      <protocol type='raw'/>\n" +
            "      <target type='serial' port='0'/>\n" +
            "    </console>\n",
            text);
    }

    [Fact]
    public void Udp_character_source_writes_the_bind_side_before_the_connect_side() =>
        Assert.Contains(
            "      <source mode='bind' host='0.0.0.0' service='99998'/>\n" +
            "      <source mode='connect' host='127.0.0.1' service='9999'/>\n",
            Write(Hvm("<parallel type='udp'><source mode='connect' host='127.0.0.1' service='9999'/>" +
                      "<source mode='bind' host='0.0.0.0' service='99998'/><target port='0'/></parallel>")));

    [Fact]
    public void Serial_ports_without_a_number_get_the_next_after_the_highest()
    {
        var text = Write(Hvm("<serial type='null'><target port='2'/></serial><serial type='null'/>"));
        Assert.Contains("<target port='2'/>", text);
        Assert.Contains("<target port='3'/>", text);
    }

    [Fact]
    public void Interface_parts_are_written_in_libvirt_order()
    {
        var text = Write(Hvm(
            "<interface type='direct'><model type='virtio'/><target dev='macvtap0'/><source dev='eth0'/>" +
            "<mac address='52:54:00:AA:BB:CC'/><boot order='2'/></interface>"));
        Assert.Contains(
            "    <interface type='direct'>\n" +
            "      <mac address='52:54:00:aa:bb:cc'/>\n" +
            "      <source dev='eth0' mode='vepa'/>\n" +
            "      <target dev='macvtap0'/>\n" +
            "      <model type='virtio'/>\n" +
            "      <boot order='2'/>\n" +
            "    </interface>\n",
            text);
    }

    [Fact]
    public void Usb_companion_controller_writes_its_master_before_its_address() =>
        Assert.Contains(
            "    <controller type='usb' index='0' model='ich9-uhci1'>\n" +
            "      <master startport='0'/>\n" +
            "      <address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0' multifunction='on'/>\n" +
            "    </controller>\n",
            Write(Hvm("<controller type='usb' model='ich9-uhci1' index='0'><address type='pci' domain='0' bus='0' slot='4' " +
                      "function='0' multifunction='on'/><master startport='0'/></controller>")));

    [Fact]
    public void Pci_host_device_states_managed_and_writes_its_host_address_without_a_type() =>
        Assert.Contains(
            "    <hostdev mode='subsystem' type='pci' managed='no'>\n" +
            "      <source>\n" +
            "        <address domain='0x0001' bus='0x0c' slot='0x1b' function='0x2'/>\n" +
            "      </source>\n" +
            "    </hostdev>\n",
            Write(Hvm("<hostdev mode='subsystem' type='pci'><source><address domain='1' bus='12' slot='27' function='2'/></source></hostdev>")));

    [Fact]
    public void Redirection_filter_writes_every_criterion_with_minus_one_for_any() =>
        Assert.Contains(
            "      <usbdev class='0x08' vendor='0x15E1' product='-1' version='1.10' allow='yes'/>\n",
            Write(Hvm("<redirfilter><usbdev class='0x08' vendor='0x15e1' version='1.10' allow='yes'/></redirfilter>")));

    [Fact]
    public void Video_model_gets_libvirts_default_memory_and_heads() =>
        Assert.Contains("<model type='qxl' vram='65536' heads='1'/>", Write(Hvm("<video><model type='qxl'/></video>")));

    [Fact]
    public void Filesystem_always_states_its_type_and_access_mode() =>
        Assert.Contains("    <filesystem type='mount' accessmode='passthrough'>\n      <source dir='/export'/>\n      <target dir='tag'/>\n",
            Write(Hvm("<filesystem><source dir='/export'/><target dir='tag'/></filesystem>")));

    [Fact]
    public void Domain_security_label_writes_type_model_relabel_then_labels() =>
        Assert.Contains(
            "  <seclabel type='static' model='selinux' relabel='no'>\n    <label>system_u:s0</label>\n  </seclabel>\n",
            Write(Hvm("").Replace("</devices>", "</devices><seclabel model='selinux' type='static'><label>system_u:s0</label></seclabel>")));

    [Fact]
    public void Qemu_command_line_declares_its_namespace_on_the_root()
    {
        var text = Write(Hvm("").Replace("</devices>",
            "</devices><qemu:commandline xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>" +
            "<qemu:arg value='-x'/><qemu:env name='A' value='1&amp;2'/></qemu:commandline>"));
        Assert.StartsWith("<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n", text);
        Assert.Contains("  <qemu:commandline>\n    <qemu:arg value='-x'/>\n    <qemu:env name='A' value='1&amp;2'/>\n  </qemu:commandline>\n", text);
    }

    [Fact]
    public void Sysinfo_entries_are_written_in_libvirts_field_order() =>
        Assert.Contains(
            "    <system>\n      <entry name='manufacturer'>M</entry>\n      <entry name='product'>P</entry>\n    </system>\n",
            Write(Hvm("", extra: "<sysinfo type='smbios'><system><entry name='product'>P</entry><entry name='manufacturer'>M</entry></system></sysinfo>")));

    [Fact]
    public void Absent_optional_sections_stay_absent()
    {
        var text = Write(Hvm("", domainType: "xen"));
        foreach (var absent in new[] { "<features", "<cpu", "<title", "<description", "<memtune", "<numatune", "<sysinfo", "<pm", "<seclabel", "<emulator" })
            Assert.DoesNotContain(absent, text);
    }

    [Fact]
    public void Write_takes_a_model_built_in_code()
    {
        var domain = new Domain
        {
            Type = DomainType.Kvm,
            Name = "built",
            Memory = new MemorySize(2048),
            Os = new OsConfig { Type = OsType.Hvm, BootDevices = [BootDevice.Network] },
            Devices = new Devices { MemBalloon = new MemBalloon { Model = MemBalloonModel.None } },
        };
        var text = DomainXmlWriter.Write(domain);
        Assert.Contains("<memory unit='KiB'>2048</memory>", text);
        Assert.Contains("<boot dev='network'/>", text);
        Assert.Contains("<memballoon model='none'/>", text);
        // The writer adds nothing of its own: the defaults are the post-parse stage's.
        Assert.DoesNotContain("currentMemory", text);
        Assert.DoesNotContain("on_poweroff", text);
        Assert.DoesNotContain("<clock", text);
        Assert.Contains("<currentMemory unit='KiB'>2048</currentMemory>", DomainXmlWriter.Write(DomainDefaults.Apply(domain)));
    }
}
