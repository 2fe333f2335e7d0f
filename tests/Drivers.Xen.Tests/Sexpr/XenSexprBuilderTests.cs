using System.Collections.Immutable;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Xen.Tests.Sexpr;

public sealed class XenSexprBuilderTests
{
    private const string PvOs = "<os><type>linux</type><kernel>/boot/vmlinuz</kernel></os>";
    private const string HvmOs = "<os><type>hvm</type><loader>/usr/lib/xen/boot/hvmloader</loader></os>";

    private static string Domain(string os, string devices, string extra = "") => $"""
        <domain type='xen'>
          <name>guest</name>
          <memory unit='KiB'>524288</memory>
          {os}
          {extra}
          <devices>
            {devices}
          </devices>
        </domain>
        """;

    private static XenSexprResult Build(string xml, int version, ImmutableDictionary<string, string>? networks = null)
    {
        var loaded = DomainLoader.LoadText(xml, "test.xml");
        Assert.DoesNotContain(loaded.Diagnostics, d => d.IsError);
        var target = new XenTarget { ConfigVersion = (XendConfigVersion)version };
        if (networks is not null) target = target with { NetworkBridges = networks };
        return XenSexprBuilder.Build(loaded.Domain!, target);
    }

    private static string Text(string xml, int version) =>
        Build(xml, version).Text ?? throw new Xunit.Sdk.XunitException(string.Join("\n", Build(xml, version).Diagnostics));

    private static Diagnostic SingleError(XenSexprResult result)
    {
        Assert.Null(result.Text);
        return Assert.Single(result.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void A_minimal_paravirtualized_guest_gets_default_lifecycle_actions_and_utc_clock()
    {
        var text = Text(Domain(PvOs, ""), 2);

        Assert.Equal("(vm (name 'guest')(memory 512)(maxmem 512)(vcpus 1)(on_poweroff 'destroy')(on_reboot 'restart')" +
            "(on_crash 'destroy')(image (linux (kernel '/boot/vmlinuz')))(localtime 0))", text);
    }

    [Fact]
    public void Memory_is_rounded_up_to_whole_mebibytes()
    {
        var xml = Domain(PvOs, "").Replace("524288", "524289");

        Assert.Contains("(memory 513)(maxmem 513)", Text(xml, 2));
    }

    [Fact]
    public void Fewer_vcpus_at_start_give_an_availability_mask_and_a_cpuset_is_written_canonically()
    {
        var text = Text(Domain(PvOs, "", "<vcpu cpuset='4-5,0,1,^5' current='3'>8</vcpu>"), 2);

        Assert.Contains("(vcpus 8)(vcpu_avail 7)(cpus '0-1,4')", text);
    }

    [Theory]
    [InlineData(1, "(device (vbd (dev 'ioemu:hda')(uname 'file:/a.img')(mode 'w')))")]
    [InlineData(2, "(device (vbd (dev 'hda:disk')(uname 'file:/a.img')(mode 'w')))")]
    public void An_hvm_disk_is_named_per_xend_version_and_the_ioemu_prefix_of_the_target_is_dropped(int version, string expected)
    {
        var text = Text(Domain(HvmOs, "<disk type='file'><source file='/a.img'/><target dev='ioemu:hda'/></disk>"), version);

        Assert.Contains(expected, text);
    }

    [Fact]
    public void Xend_3_0_2_reads_the_hdc_cdrom_from_the_hvm_image_and_later_versions_from_a_vbd()
    {
        const string cdrom = "<disk type='file' device='cdrom'><source file='/b.iso'/><target dev='hdc'/><readonly/></disk>";

        var v1 = Text(Domain(HvmOs, cdrom), 1);
        var v2 = Text(Domain(HvmOs, cdrom), 2);

        Assert.Contains("(boot c)(cdrom '/b.iso')", v1);
        Assert.DoesNotContain("vbd", v1);
        Assert.Contains("(device (vbd (dev 'hdc:cdrom')(uname 'file:/b.iso')(mode 'r')))", v2);
    }

    [Fact]
    public void An_hvm_floppy_goes_into_the_image_under_its_target_name()
    {
        var text = Text(Domain(HvmOs, "<disk type='file' device='floppy'><source file='/f.img'/><target dev='fda'/></disk>"), 2);

        Assert.Contains("(boot c)(fda '/f.img')(usb 1)", text);
        Assert.DoesNotContain("vbd", text);
    }

    [Theory]
    [InlineData("<driver name='tap' type='qcow'/>", "(tap (dev 'xvda')(uname 'tap:qcow:/a.img')")]
    [InlineData("<driver name='tap2' type='raw'/>", "(tap2 (dev 'xvda')(uname 'tap2:aio:/a.img')")]
    [InlineData("<driver name='tap'/>", "(tap (dev 'xvda')(uname 'tap:aio:/a.img')")]
    [InlineData("<driver name='file'/>", "(vbd (dev 'xvda')(uname 'file:/a.img')")]
    public void A_disk_driver_chooses_the_device_kind_and_uname_prefix(string driver, string expected)
    {
        var text = Text(Domain(PvOs, $"<disk type='file'>{driver}<source file='/a.img'/><target dev='xvda'/></disk>"), 2);

        Assert.Contains(expected, text);
    }

    [Fact]
    public void A_shareable_disk_is_mode_w_bang_and_a_block_device_name_gets_dev()
    {
        var text = Text(Domain(PvOs, "<disk type='block'><source dev='sdb'/><target dev='xvdb'/><shareable/></disk>"), 2);

        Assert.Contains("(device (vbd (dev 'xvdb')(uname 'phy:/dev/sdb')(mode 'w!')))", text);
    }

    [Theory]
    [InlineData(2, "(image (linux (kernel '/boot/vmlinuz')(vnc 1)(vncunused 1)(keymap 'de')))")]
    [InlineData(3, "(device (vkbd))(device (vfb (type vnc)(vncunused 1)(keymap 'de')))")]
    public void A_paravirtualized_framebuffer_is_in_the_image_before_xend_3_0_4_and_a_device_after(int version, string expected)
    {
        var text = Text(Domain(PvOs, "<graphics type='vnc' autoport='yes' keymap='de'/>"), version);

        Assert.Contains(expected, text);
    }

    [Fact]
    public void Xend_3_0_2_takes_no_vnc_settings_in_the_hvm_image()
    {
        var text = Text(Domain(HvmOs, "<graphics type='vnc' port='5901' passwd='x'/>"), 1);

        Assert.Contains("(vnc 1)))", text);
        Assert.DoesNotContain("vncpasswd", text);
    }

    [Fact]
    public void An_sdl_framebuffer_names_its_display_and_authority_file()
    {
        var text = Text(Domain(HvmOs, "<graphics type='sdl' display=':0.0' xauth='/root/.Xauthority'/>"), 2);

        Assert.Contains("(sdl 1)(display ':0.0')(xauthority '/root/.Xauthority')", text);
    }

    [Fact]
    public void From_xend_3_1_an_hvm_clock_goes_into_the_image_with_its_offset_and_also_after_it()
    {
        var text = Text(Domain(HvmOs, "", "<clock offset='variable' adjustment='3600' basis='localtime'/>"), 4);

        Assert.Contains("(rtc_timeoffset 3600)(localtime 1)))(localtime 1)", text);
    }

    [Fact]
    public void A_variable_clock_before_xend_3_1_is_refused_at_the_clock_element()
    {
        var error = SingleError(Build(Domain(HvmOs, "", "<clock offset='variable' adjustment='10'/>"), 3));

        Assert.Equal("DL5003", error.Code.Id);
        Assert.Contains("'variable'", error.Message);
        Assert.Contains("allowed: utc, localtime", error.Message);
        Assert.Equal(5, error.Location.Line);
    }

    [Fact]
    public void A_forced_hpet_setting_is_written_and_an_unset_one_is_not()
    {
        var on = Text(Domain(HvmOs, "", "<clock offset='utc'><timer name='hpet' present='no'/></clock>"), 1);
        var unset = Text(Domain(HvmOs, "", "<clock offset='utc'><timer name='hpet' tickpolicy='delay'/></clock>"), 1);

        Assert.Contains("(hpet 0)", on);
        Assert.DoesNotContain("hpet", unset);
    }

    [Fact]
    public void Serial_ports_with_a_gap_are_listed_with_none_in_the_gap()
    {
        var serials = "<serial type='pty'><target port='0'/></serial><serial type='file'><source path='/tmp/s'/><target port='2'/></serial>";

        Assert.Contains("(serial (pty none file:/tmp/s))", Text(Domain(HvmOs, serials), 1));
    }

    [Fact]
    public void An_hvm_console_without_serial_ports_becomes_serial_port_0()
    {
        Assert.Contains("(parallel none)(serial pty)", Text(Domain(HvmOs, "<console type='pty'/>"), 1));
    }

    [Fact]
    public void A_tablet_that_names_no_bus_is_libvirts_usb_tablet_and_a_mouse_that_names_none_stays_ps2()
    {
        // The tablet was left out: only an input that named the usb bus was written.
        var text = Text(Domain(HvmOs, "<input type='tablet'/><input type='mouse'/>"), 2);

        Assert.Contains("(usb 1)(usbdevice tablet)(parallel none)", text);
        Assert.DoesNotContain("usbdevice mouse", text);
    }

    [Fact]
    public void Features_usb_tablet_and_sound_cards_go_into_the_hvm_image()
    {
        var text = Text(Domain(HvmOs, "<input type='tablet' bus='usb'/><sound model='sb16'/><sound model='es1370'/>",
            "<features><pae/><apic/><hap/><viridian/></features>"), 2);

        Assert.Contains("(apic 1)(pae 1)(hap 1)(viridian 1)(usb 1)(usbdevice tablet)(parallel none)(serial none)(soundhw 'sb16,es1370')", text);
    }

    [Fact]
    public void An_hvm_nic_is_marked_ioemu_up_to_xend_3_0_4_only()
    {
        const string nic = "<interface type='bridge'><source bridge='br0'/><mac address='00:16:3e:00:00:01'/></interface>";

        Assert.Contains("(script 'vif-bridge')(type ioemu)))", Text(Domain(HvmOs, nic), 3));
        Assert.Contains("(script 'vif-bridge'))))", Text(Domain(HvmOs, nic), 4));
    }

    [Fact]
    public void A_vifname_is_written_unless_it_follows_xends_own_vif_pattern()
    {
        const string nic = "<interface type='ethernet'><mac address='00:16:3e:00:00:01'/><target dev='{0}'/><ip address='10.0.0.2'/></interface>";

        Assert.Contains("(device (vif (mac '00:16:3e:00:00:01')(ip '10.0.0.2')(vifname 'guest0')))", Text(Domain(PvOs, string.Format(nic, "guest0")), 2));
        Assert.DoesNotContain("vifname", Text(Domain(PvOs, string.Format(nic, "vif3.0")), 2));
    }

    [Fact]
    public void A_virtual_network_interface_uses_the_bridge_the_target_knows()
    {
        var xml = Domain(PvOs, "<interface type='network'><source network='default'/><mac address='00:16:3e:00:00:01'/></interface>");

        var built = Build(xml, 2, ImmutableDictionary<string, string>.Empty.Add("default", "virbr0"));
        var unknown = SingleError(Build(xml, 2));

        Assert.Contains("(bridge 'virbr0')(script 'vif-bridge')", built.Text);
        Assert.Equal("DL5007", unknown.Code.Id);
        Assert.Contains("'default'", unknown.Message);
    }

    [Fact]
    public void A_user_mode_interface_is_refused_naming_the_allowed_types()
    {
        var error = SingleError(Build(Domain(PvOs, "<interface type='user'/>"), 2));

        Assert.Equal("DL5006", error.Code.Id);
        Assert.Contains("'user'", error.Message);
        Assert.Contains("allowed: bridge, network, ethernet", error.Message);
    }

    [Fact]
    public void A_managed_pci_device_is_refused_at_its_hostdev_element()
    {
        var hostdev = "<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x01' slot='0x02' function='0x3'/></source></hostdev>";

        var error = SingleError(Build(Domain(PvOs, hostdev), 2));

        Assert.Equal("DL5008", error.Code.Id);
        Assert.Equal(7, error.Location.Line);
    }

    [Fact]
    public void An_hvm_guest_without_a_loader_is_refused()
    {
        var error = SingleError(Build(Domain("<os><type>hvm</type></os>", ""), 2));

        Assert.Equal("DL5001", error.Code.Id);
    }

    [Fact]
    public void A_spice_display_is_refused_naming_vnc_and_sdl()
    {
        var error = SingleError(Build(Domain(HvmOs, "<graphics type='spice'/>"), 2));

        Assert.Equal("DL5009", error.Code.Id);
        Assert.Contains("allowed: vnc, sdl", error.Message);
    }

    [Fact]
    public void A_bootloader_guest_has_no_image_unless_it_passes_kernel_arguments()
    {
        var plain = Text(Domain("<bootloader>/usr/bin/pygrub</bootloader>", ""), 2);
        var args = Text(Domain("<bootloader>/usr/bin/pygrub</bootloader><os><type>linux</type><cmdline>quiet</cmdline></os>", ""), 2);

        Assert.Contains("(bootloader '/usr/bin/pygrub')(on_poweroff", plain);
        Assert.DoesNotContain("image", plain);
        Assert.Contains("(image (linux (args 'quiet')))(localtime 0)", args);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void A_config_version_outside_1_to_4_is_refused(int version)
    {
        var diagnostics = new DiagnosticBag();

        var target = XenTarget.ForConfigVersion(version, SourceLocation.OfFile("manifest.json"), diagnostics);

        Assert.Null(target);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("DL5000", error.Code.Id);
        Assert.Contains("allowed: 1 to 4", error.Message);
    }
}
