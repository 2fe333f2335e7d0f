using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Build;

/// <summary>Graphics, video, sound and watchdog devices on the QEMU command line.</summary>
public sealed class DisplayTests
{
    private static readonly HostSettings Host = HostSettings.Default with
    {
        Monitor = new MonitorSettings { Path = "/run/mon" },
        Environment = new ProcessEnvironment { Set = [new("PATH", "/bin")] },
        Spice = new SpiceHostSettings { Listen = null, Tls = true, TlsX509CertDir = "/pki", Password = "secret" },
    };

    private static QemuBuildResult Result(string devices, HostSettings? host, string osType, QemuCapability[] caps)
    {
        var xml = $"""
            <domain type='qemu'><name>g</name><memory>219100</memory><vcpu>1</vcpu>
              <os><type arch='i686' machine='pc'>{osType}</type></os>
              <devices><emulator>/usr/bin/qemu</emulator>{devices}</devices></domain>
            """;
        var parsed = DomainParser.ParseText(xml);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        var emulator = new EmulatorDescription { Path = "/usr/bin/qemu", Arch = "i686", Capabilities = QemuCapabilitySet.Of(caps) };
        return QemuCommandBuilder.Build(parsed.Domain!, emulator, host ?? Host, new QemuBuildOptions { AssignPciAddresses = true });
    }

    private static IReadOnlyList<string> Build(string devices, params QemuCapability[] caps) => Build(devices, null, caps);

    private static IReadOnlyList<string> Build(string devices, HostSettings? host, params QemuCapability[] caps)
    {
        var result = Result(devices, host, "hvm", caps);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.CommandLine!.Words;
    }

    private static Diagnostic Refused(string devices, params QemuCapability[] caps)
    {
        var result = Result(devices, null, "hvm", caps);
        Assert.Null(result.CommandLine);
        return Assert.Single(result.Diagnostics);
    }

    private const string Cirrus = "<video><model type='cirrus' vram='9216' heads='1'/></video>";
    private const string Vnc = "<graphics type='vnc' port='5903' autoport='no' listen='127.0.0.1'/>";

    // Video

    [Fact]
    public void The_spice_channels_the_emitter_walks_are_every_channel_in_order()
    {
        // GraphicsEmitter walks the channels from Main to Usbredir by value; a new channel must keep them contiguous.
        var walked = new List<SpiceChannelName>();
        for (var name = SpiceChannelName.Main; name <= SpiceChannelName.Usbredir; name++) walked.Add(name);
        Assert.Equal(Enum.GetValues<SpiceChannelName>(), walked);
    }

    [Fact]
    public void A_cirrus_card_without_the_vga_capability_needs_no_option()
    {
        var argv = Build(Vnc + Cirrus, QemuCapability.VncColon);
        ArgvAssert.EndsWith(argv, "-usb", "-vnc", "127.0.0.1:3");
    }

    [Fact]
    public void The_vga_capability_names_the_card_with_dash_vga()
    {
        ArgvAssert.EndsWith(Build(Vnc + Cirrus, QemuCapability.VncColon, QemuCapability.Vga), "-vnc", "127.0.0.1:3", "-vga", "cirrus");
    }

    [Fact]
    public void A_standard_vga_card_on_an_old_qemu_is_std_vga()
    {
        ArgvAssert.EndsWith(Build("<graphics type='sdl'/><video><model type='vga'/></video>"), "-std-vga");
        ArgvAssert.EndsWith(Build("<graphics type='sdl'/><video><model type='vmvga'/></video>"), "-vmwarevga");
    }

    [Fact]
    public void Graphics_without_a_video_card_get_a_default_cirrus_card()
    {
        ArgvAssert.EndsWith(Build(Vnc, QemuCapability.VncColon, QemuCapability.Vga), "-vga", "cirrus");
    }

    [Fact]
    public void No_graphics_and_no_video_turn_the_card_off_when_qemu_can()
    {
        ArgvAssert.EndsWith(Build("", QemuCapability.Vga, QemuCapability.VgaNone), "-usb", "-vga", "none");
        ArgvAssert.DoesNotContain(Build("", QemuCapability.Vga), "-vga");
    }

    [Fact]
    public void A_primary_qxl_card_on_dash_vga_gets_its_sizes_as_globals_and_a_second_card_as_a_device()
    {
        var argv = Build(
            "<graphics type='spice' port='5903' autoport='no'/>"
            + "<video><model type='qxl' ram='65536' vram='18432' heads='1'/></video>"
            + "<video><model type='qxl' vram='32768' heads='1'/></video>",
            QemuCapability.Vga, QemuCapability.VgaQxl, QemuCapability.Device, QemuCapability.Spice, QemuCapability.Qxl);
        ArgvAssert.Contains(argv,
            "-vga", "qxl",
            "-global", "qxl.ram_size=67108864",
            "-global", "qxl.vram_size=18874368",
            "-device", "qxl,id=video1,ram_size=67108864,vram_size=33554432,bus=pci.0,addr=0x4",
            "-device", "virtio-balloon-pci,id=balloon0,bus=pci.0,addr=0x3");
    }

    [Fact]
    public void The_qxl_vga_device_capability_names_the_globals_after_it()
    {
        var argv = Build("<graphics type='spice' port='5903' autoport='no'/><video><model type='qxl' vram='32768'/></video>",
            QemuCapability.Vga, QemuCapability.VgaQxl, QemuCapability.Device, QemuCapability.Spice, QemuCapability.DeviceQxlVga);
        ArgvAssert.Contains(argv, "-vga", "qxl", "-global", "qxl-vga.ram_size=67108864", "-global", "qxl-vga.vram_size=33554432");
    }

    [Fact]
    public void With_primary_video_devices_the_primary_card_comes_first_and_takes_the_first_free_slot_when_slot_2_is_taken()
    {
        var argv = Build(
            "<video><model type='qxl' vram='65536'/></video><video><model type='qxl' vram='65536' primary='yes'/></video>"
            + "<memballoon model='virtio'><address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/></memballoon>",
            QemuCapability.Device, QemuCapability.DeviceVideoPrimary, QemuCapability.Qxl, QemuCapability.DeviceQxlVga);
        ArgvAssert.Contains(argv,
            "-device", "qxl-vga,id=video0,ram_size=67108864,vram_size=67108864,bus=pci.0,addr=0x3",
            "-device", "qxl,id=video1,ram_size=67108864,vram_size=67108864,bus=pci.0,addr=0x4",
            "-device", "virtio-balloon-pci,id=balloon0,bus=pci.0,addr=0x2");
    }

    [Fact]
    public void A_primary_vga_device_takes_slot_2()
    {
        var argv = Build("<video><model type='vga'/></video>",
            QemuCapability.Device, QemuCapability.DeviceVideoPrimary, QemuCapability.VgaDevice);
        ArgvAssert.Contains(argv,
            "-device", "VGA,id=video0,bus=pci.0,addr=0x2",
            "-device", "virtio-balloon-pci,id=balloon0,bus=pci.0,addr=0x3");
    }

    [Fact]
    public void A_second_card_that_is_not_qxl_is_refused()
    {
        var error = Refused(Cirrus + Cirrus, QemuCapability.Vga, QemuCapability.Device, QemuCapability.Qxl);
        Assert.Equal("DL4080", error.Code.Id);
        Assert.Contains("'qxl'", error.Message);
    }

    [Fact]
    public void A_qxl_card_without_qxl_support_is_refused_naming_the_capability()
    {
        var error = Refused("<video><model type='qxl'/></video>", QemuCapability.Vga);
        Assert.Equal("DL4050", error.Code.Id);
        Assert.Contains("vga-qxl", error.Message);
    }

    // VNC

    [Fact]
    public void An_ipv6_listen_address_is_bracketed()
    {
        ArgvAssert.Contains(Build("<graphics type='vnc' port='5903' autoport='no' listen='2001:1:2::1'/>", QemuCapability.VncColon), "-vnc", "[2001:1:2::1]:3");
    }

    [Fact]
    public void An_automatic_port_is_zero_before_the_host_picks_one()
    {
        ArgvAssert.Contains(Build("<graphics type='vnc' port='5900' autoport='yes' listen='127.0.0.1'/>", QemuCapability.VncColon), "-vnc", "127.0.0.1:-5900");
    }

    [Fact]
    public void A_vnc_socket_replaces_the_address()
    {
        ArgvAssert.Contains(Build("<graphics type='vnc' socket='/tmp/foo.socket'/>", QemuCapability.VncColon), "-vnc", "unix:/tmp/foo.socket");
    }

    [Fact]
    public void A_password_is_flagged_but_never_written_and_tls_and_sasl_come_from_the_host()
    {
        var host = Host with { Vnc = new VncHostSettings { Tls = true, TlsX509Verify = true, TlsX509CertDir = "/pki/vnc", Sasl = true, SaslDir = "/sasl" } };
        var argv = Build("<graphics type='vnc' port='5903' autoport='no' listen='127.0.0.1' passwd='hunter2' keymap='de'/>", host, QemuCapability.VncColon);
        ArgvAssert.Contains(argv, "-vnc", "127.0.0.1:3,password,tls,x509verify=/pki/vnc,sasl", "-k", "de");
        ArgvAssert.Contains(argv, "SASL_CONF_DIR=/sasl", "QEMU_AUDIO_DRV=none");
        ArgvAssert.DoesNotContain(argv, "hunter2");
    }

    [Fact]
    public void Without_the_colon_syntax_vnc_is_a_display_number()
    {
        ArgvAssert.EndsWith(Build(Vnc), "-vnc", "3");
    }

    [Fact]
    public void A_share_policy_needs_the_capability()
    {
        var graphics = "<graphics type='vnc' port='5900' autoport='no' listen='127.0.0.1' sharePolicy='force-shared'/>";
        ArgvAssert.Contains(Build(graphics, QemuCapability.VncColon, QemuCapability.VncSharePolicy), "-vnc", "127.0.0.1:0,share=force-shared");
        var error = Refused(graphics, QemuCapability.VncColon);
        Assert.Equal("DL4050", error.Code.Id);
        Assert.Contains("vnc-share-policy", error.Message);
    }

    [Fact]
    public void Listening_on_a_network_is_refused()
    {
        var error = Refused("<graphics type='vnc' port='5900' autoport='no'><listen type='network' network='default'/></graphics>", QemuCapability.VncColon);
        Assert.Equal("DL4081", error.Code.Id);
        Assert.Contains("'default'", error.Message);
    }

    // SDL

    [Fact]
    public void Sdl_sets_the_x_display_in_the_environment_and_full_screen_on_the_command_line()
    {
        var argv = Build("<graphics type='sdl' display=':0.1' xauth='/root/.Xauthority' fullscreen='yes'/>", QemuCapability.Sdl);
        ArgvAssert.StartsWith(argv, "LC_ALL=C", "PATH=/bin", "XAUTHORITY=/root/.Xauthority", "DISPLAY=:0.1", "/usr/bin/qemu");
        ArgvAssert.EndsWith(argv, "-full-screen", "-sdl");
    }

    // SPICE

    [Fact]
    public void Spice_lists_ports_address_certificates_channels_and_compression_in_qemus_order()
    {
        var argv = Build("""
            <graphics type='spice' port='5903' tlsPort='5904' autoport='no' listen='127.0.0.1' defaultMode='secure'>
              <channel name='inputs' mode='insecure'/><channel name='main' mode='secure'/>
              <image compression='auto_glz'/><jpeg compression='auto'/><zlib compression='never'/>
              <playback compression='off'/><streaming mode='filter'/><clipboard copypaste='no'/><mouse mode='client'/>
            </graphics>
            """, QemuCapability.Spice);
        ArgvAssert.Contains(argv, "QEMU_AUDIO_DRV=spice");
        ArgvAssert.Contains(argv,
            "-spice", "port=5903,tls-port=5904,addr=127.0.0.1,agent-mouse=on,x509-dir=/pki,tls-channel=default,tls-channel=main,plaintext-channel=inputs,image-compression=auto_glz,jpeg-wan-compression=auto,zlib-glz-wan-compression=never,playback-compression=off,streaming-video=filter,disable-copy-paste");
    }

    [Fact]
    public void Spice_with_an_automatic_port_and_no_tls_port_gives_port_zero()
    {
        ArgvAssert.Contains(Build("<graphics type='spice' autoport='yes' listen='0.0.0.0'/>", QemuCapability.Spice), "-spice", "port=0,addr=0.0.0.0,x509-dir=/pki");
    }

    [Fact]
    public void Spice_without_any_password_disables_ticketing()
    {
        var host = Host with { Spice = new SpiceHostSettings { Listen = "127.0.0.1", Tls = false } };
        ArgvAssert.Contains(Build("<graphics type='spice' port='5900' autoport='no'/>", host, QemuCapability.Spice), "-spice", "port=5900,addr=127.0.0.1,disable-ticketing");
    }

    [Fact]
    public void A_spice_tls_port_is_refused_when_the_host_turns_tls_off()
    {
        var host = Host with { Spice = new SpiceHostSettings { Tls = false } };
        var result = Result("<graphics type='spice' port='5900' tlsPort='5901' autoport='no'/>", host, "hvm", [QemuCapability.Spice]);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("DL4051", error.Code.Id);
        Assert.Contains("tlsPort='5901'", error.Message);
    }

    [Fact]
    public void Spice_without_the_capability_is_refused()
    {
        var error = Refused("<graphics type='spice' port='5900' autoport='no'/>");
        Assert.Equal("DL4050", error.Code.Id);
        Assert.Contains("'spice'", error.Message);
    }

    [Fact]
    public void A_second_graphics_device_is_refused()
    {
        var error = Refused(Vnc + "<graphics type='sdl'/>", QemuCapability.VncColon);
        Assert.Equal("DL4081", error.Code.Id);
    }

    // Sound

    [Fact]
    public void Sound_cards_on_an_old_qemu_are_one_soundhw_list()
    {
        ArgvAssert.EndsWith(Build("<sound model='pcspk'/><sound model='es1370'/><sound model='sb16'/><sound model='ac97'/>"), "-soundhw", "pcspk,es1370,sb16,ac97");
    }

    [Fact]
    public void Sound_cards_with_device_get_qemus_device_names_and_the_pc_speaker_stays_soundhw()
    {
        var argv = Build("<sound model='pcspk'/><sound model='es1370'/><sound model='sb16'/><sound model='ac97'/>", QemuCapability.Device);
        ArgvAssert.Contains(argv,
            "-soundhw", "pcspk",
            "-device", "ES1370,id=sound1,bus=pci.0,addr=0x3",
            "-device", "sb16,id=sound2",
            "-device", "AC97,id=sound3,bus=pci.0,addr=0x4",
            "-device", "virtio-balloon-pci,id=balloon0,bus=pci.0,addr=0x5");
    }

    [Fact]
    public void An_hda_card_gets_its_codecs_or_a_duplex_one()
    {
        var argv = Build("<sound model='ich6'><codec type='micro'/><codec type='duplex'/></sound><sound model='ich6'/>",
            QemuCapability.Device, QemuCapability.HdaDuplex, QemuCapability.HdaMicro);
        ArgvAssert.Contains(argv,
            "-device", "intel-hda,id=sound0,bus=pci.0,addr=0x3",
            "-device", "hda-micro,id=sound0-codec0,bus=sound0.0,cad=0",
            "-device", "hda-duplex,id=sound0-codec1,bus=sound0.0,cad=1",
            "-device", "intel-hda,id=sound1,bus=pci.0,addr=0x4",
            "-device", "hda-duplex,id=sound1-codec0,bus=sound1.0,cad=0");
    }

    [Fact]
    public void An_hda_card_without_device_support_is_refused()
    {
        var error = Refused("<sound model='ich6'/>");
        Assert.Equal("DL4050", error.Code.Id);
        Assert.Contains("'device'", error.Message);
    }

    [Fact]
    public void An_hda_codec_qemu_lacks_is_refused()
    {
        var error = Refused("<sound model='ich6'><codec type='micro'/></sound>", QemuCapability.Device, QemuCapability.HdaDuplex);
        Assert.Equal("DL4050", error.Code.Id);
        Assert.Contains("hda-micro", error.Message);
    }

    // Watchdog

    [Fact]
    public void A_watchdog_on_an_old_qemu_is_dash_watchdog_and_dump_pauses()
    {
        ArgvAssert.EndsWith(Build("<watchdog model='ib700' action='dump'/>"), "-watchdog", "ib700", "-watchdog-action", "pause");
    }

    [Fact]
    public void A_watchdog_without_an_action_resets()
    {
        ArgvAssert.EndsWith(Build("<watchdog model='i6300esb'/>"), "-watchdog", "i6300esb", "-watchdog-action", "reset");
    }

    [Fact]
    public void A_pci_watchdog_takes_the_slot_after_the_balloon()
    {
        var argv = Build("<watchdog model='i6300esb' action='poweroff'/>", QemuCapability.Device);
        ArgvAssert.Contains(argv,
            "-device", "i6300esb,id=watchdog0,bus=pci.0,addr=0x4",
            "-watchdog-action", "poweroff",
            "-device", "virtio-balloon-pci,id=balloon0,bus=pci.0,addr=0x3");
    }

    [Fact]
    public void An_isa_watchdog_has_no_address()
    {
        ArgvAssert.Contains(Build("<watchdog model='ib700' action='poweroff'/>", QemuCapability.Device), "-device", "ib700,id=watchdog0", "-watchdog-action", "poweroff");
    }
}
