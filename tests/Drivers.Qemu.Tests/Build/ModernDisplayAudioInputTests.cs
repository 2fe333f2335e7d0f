using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Tests.Build;

/// <summary>
/// Audio backends, today's video models, graphics settings, virtio and evdev inputs and today's character
/// device sources on a modern emulator; and the located refusals where the emulator lacks what they need.
/// </summary>
public sealed class ModernDisplayAudioInputTests
{
    private static readonly QemuCapability[] ModernNames =
    [
        QemuCapability.Drive, QemuCapability.Device, QemuCapability.Netdev, QemuCapability.Chardev, QemuCapability.MonitorJson,
        QemuCapability.NoUserConfig, QemuCapability.Rtc, QemuCapability.MachineOpt, QemuCapability.DriveFormat, QemuCapability.IdeCd,
        QemuCapability.VncColon, QemuCapability.HdaDuplex, QemuCapability.HdaMicro, QemuCapability.Spice, QemuCapability.ChardevSpicevmc,
        QemuCapability.DeviceVideoPrimary, QemuCapability.VgaDevice, QemuCapability.CirrusVga, QemuCapability.DeviceQxlVga, QemuCapability.Qxl,
        QemuCapability.Vga, QemuCapability.VgaQxl,
        QemuCapability.Accel, QemuCapability.Audiodev, QemuCapability.ExplicitBooleans, QemuCapability.ChardevSerial,
        QemuCapability.TlsCredsX509, QemuCapability.EglHeadless, QemuCapability.VideoMaxOutputs, QemuCapability.ChardevSpiceport,
        QemuCapability.ChardevQemuVdagent, QemuCapability.ChardevFileAppend, QemuCapability.ChardevReconnect, QemuCapability.ChardevLogfile,
    ];

    private static readonly QemuCapabilitySet Modern = QemuCapabilitySet.Of(ModernNames);

    private static readonly QemuCapabilitySet Legacy = QemuCapabilitySet.Of(
        QemuCapability.Drive, QemuCapability.Device, QemuCapability.Netdev, QemuCapability.Chardev, QemuCapability.MonitorJson,
        QemuCapability.VncColon, QemuCapability.HdaDuplex, QemuCapability.Vga);

    private static QemuBuildResult Build(string devices, QemuCapabilitySet caps, params string[] audiodevDrivers) =>
        Build(devices, caps, new QemuBuildOptions(), audiodevDrivers);

    private static QemuBuildResult Build(string devices, QemuCapabilitySet caps, QemuBuildOptions options, params string[] audiodevDrivers)
    {
        var xml = $"""
            <domain type='qemu'><name>g</name><memory>219100</memory><vcpu>1</vcpu>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>{devices}</devices></domain>
            """;
        var parsed = DomainParser.ParseText(xml);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        var emulator = new EmulatorDescription
        {
            Path = "/usr/bin/qemu-system-x86_64",
            Arch = "x86_64",
            Capabilities = caps,
            Machines = [new MachineType("pc", "pc-i440fx-7.2"), new MachineType("pc-i440fx-7.2")],
            AudiodevDrivers = [.. audiodevDrivers],
        };
        return QemuCommandBuilder.Build(parsed.Domain!, emulator, FocusedBuild.Host, options);
    }

    private static IReadOnlyList<string> Words(string devices, QemuCapabilitySet? caps = null)
    {
        var result = Build(devices, caps ?? Modern);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.CommandLine!.Words;
    }

    private static IEnumerable<string> Codes(string devices, QemuCapabilitySet caps, params string[] audiodevDrivers) =>
        Build(devices, caps, audiodevDrivers).Diagnostics.Select(d => d.Code.Id);

    [Fact]
    public void Each_audio_backend_is_an_audiodev_with_its_settings_and_cards_play_through_the_one_they_name()
    {
        var words = Words("""
            <sound model='ac97'><audio id='2'/></sound>
            <sound model='ich9'><codec type='output'/></sound>
            <audio id='1' type='none'/>
            <audio id='2' type='alsa' timerPeriod='50'>
              <output mixingEngine='yes' voices='2' dev='/dev/snd,1'><settings frequency='22050' format='f32'/></output>
            </audio>
            """);

        Assert.Equal("driver=none,id=audio1", FocusedBuild.ValueOf(words, "-audiodev", "driver=none"));
        Assert.Equal("driver=alsa,id=audio2,timer-period=50,out.mixing-engine=on,out.voices=2,out.frequency=22050,out.format=f32,out.dev=/dev/snd,,1",
            FocusedBuild.ValueOf(words, "-audiodev", "driver=alsa"));
        Assert.StartsWith("AC97,id=sound0,audiodev=audio2,", FocusedBuild.ValueOf(words, "-device", "AC97"));
        Assert.StartsWith("ich9-intel-hda,id=sound1,bus=pci.0", FocusedBuild.ValueOf(words, "-device", "ich9-intel-hda"));
        // A card without <audio id> plays through the first backend.
        Assert.Equal("hda-output,id=sound1-codec0,bus=sound1.0,cad=0,audiodev=audio1", FocusedBuild.ValueOf(words, "-device", "hda-output"));
    }

    [Fact]
    public void Audio_backends_come_before_the_display_that_names_one()
    {
        var words = Words("""
            <graphics type='vnc' port='5901' autoport='no' websocket='5701' powerControl='yes'><listen type='address' address='127.0.0.1'/><audio id='1'/></graphics>
            <audio id='1' type='none'/>
            """).ToList();

        Assert.Equal("127.0.0.1:1,websocket=5701,power-control=on,audiodev=audio1", FocusedBuild.ValueOf(words, "-vnc"));
        Assert.True(words.IndexOf("-audiodev") < words.IndexOf("-vnc"));
    }

    [Fact]
    public void An_audio_id_without_its_backend_is_refused_at_the_card()
    {
        Assert.Contains("DL4482", Codes("<sound model='ac97'><audio id='7'/></sound><audio id='1' type='none'/>", Modern));
    }

    [Fact]
    public void An_audio_backend_needs_audiodev_and_a_driver_this_qemu_was_built_with()
    {
        Assert.Contains("DL4480", Codes("<audio id='1' type='none'/>", Legacy));
        // A dry run writes the backend and warns; a launch is refused.
        var dryRun = Build("<audio id='1' type='jack'/>", Modern, "none", "alsa");
        Assert.Contains(dryRun.Diagnostics, d => d.Code.Id == "DL4481" && d.Severity == Severity.Warning);
        Assert.Equal("driver=jack,id=audio1", FocusedBuild.ValueOf(dryRun.CommandLine!.Args, "-audiodev"));
        var launch = Build("<audio id='1' type='jack'/>", Modern, new QemuBuildOptions { RefuseUnfit = true }, "none", "alsa");
        Assert.Contains(launch.Diagnostics, d => d.Code.Id == "DL4481" && d.IsError);
        Assert.DoesNotContain("DL4481", Codes("<audio id='1' type='alsa'/>", Modern, "none", "alsa"));
    }

    [Fact]
    public void Vnc_and_spice_listen_on_sockets_or_not_at_all()
    {
        Assert.Equal("none", FocusedBuild.ValueOf(Words("<graphics type='vnc'><listen type='none'/></graphics>"), "-vnc"));
        Assert.Equal("unix:/var/lib/libvirt/qemu/g.vnc", FocusedBuild.ValueOf(Words("<graphics type='vnc'><listen type='socket'/></graphics>"), "-vnc"));
        Assert.StartsWith("unix=on,addr=/tmp/s.sock,",
            FocusedBuild.ValueOf(Words("<graphics type='spice'><listen type='socket' socket='/tmp/s.sock'/></graphics>"), "-spice"));
        Assert.StartsWith("port=0,", FocusedBuild.ValueOf(Words("<graphics type='spice'><listen type='none'/></graphics>"), "-spice"));
    }

    [Fact]
    public void Egl_headless_renders_beside_the_graphics_server()
    {
        var words = Words("<graphics type='vnc' port='5900' autoport='no'/><graphics type='egl-headless'><gl rendernode='/dev/dri/renderD128'/></graphics>");

        Assert.Equal("egl-headless,rendernode=/dev/dri/renderD128", FocusedBuild.ValueOf(words, "-display", "egl-headless"));
        Assert.StartsWith("127.0.0.1:0", FocusedBuild.ValueOf(words, "-vnc"));
        Assert.Contains("DL4050", Codes("<graphics type='egl-headless'/>", Legacy));
    }

    [Fact]
    public void Virtio_video_is_virtio_vga_first_and_virtio_gpu_after_with_gl_variants_for_3d()
    {
        var words = Words("""
            <video><model type='virtio' heads='2' primary='yes'/></video>
            <video><model type='virtio' heads='1'><acceleration accel3d='yes'/></model></video>
            """);

        Assert.StartsWith("virtio-vga,id=video0,max_outputs=2,bus=pci.0,addr=0x2", FocusedBuild.ValueOf(words, "-device", "virtio-vga"));
        Assert.StartsWith("virtio-gpu-gl-pci,id=video1,max_outputs=1,bus=pci.0", FocusedBuild.ValueOf(words, "-device", "virtio-gpu-gl-pci"));
    }

    [Fact]
    public void Qxl_takes_its_sizes_of_todays_schema_and_ramfb_and_none_take_no_pci_slot()
    {
        var qxl = FocusedBuild.ValueOf(Words("<video><model type='qxl' vram64='131072' vgamem='16384' heads='1'><resolution x='1024' y='768'/></model></video>"), "-device", "qxl-vga");
        Assert.Contains(",vram64_size_mb=128,vgamem_mb=16,xres=1024,yres=768,", qxl);

        Assert.Equal("ramfb,id=video0", FocusedBuild.ValueOf(Words("<video><model type='ramfb'/></video>"), "-device", "ramfb"));
        var none = Words("<graphics type='vnc'/><video><model type='none'/></video>");
        Assert.DoesNotContain(none, w => w.Contains("vga", StringComparison.Ordinal));
    }

    [Fact]
    public void Virtio_inputs_are_pci_devices_and_evdev_is_an_input_linux_object()
    {
        var words = Words("""
            <input type='evdev'><source dev='/dev/input/event1' grab='all' grabToggle='alt-alt' repeat='on'/></input>
            <input type='tablet' bus='virtio'><driver iommu='on' ats='off'/></input>
            <input type='passthrough' bus='virtio'><source evdev='/dev/input/event2'/></input>
            <input type='keyboard' bus='usb'/>
            """);

        Assert.Equal("input-linux,id=input0,evdev=/dev/input/event1,repeat=on,grab_all=on,grab-toggle=alt-alt", FocusedBuild.ValueOf(words, "-object", "input-linux"));
        Assert.StartsWith("virtio-tablet-pci,id=input1,iommu_platform=on,ats=off,bus=pci.0,addr=0x", FocusedBuild.ValueOf(words, "-device", "virtio-tablet-pci"));
        Assert.StartsWith("virtio-input-host-pci,id=input2,evdev=/dev/input/event2,bus=pci.0", FocusedBuild.ValueOf(words, "-device", "virtio-input-host-pci"));
        Assert.StartsWith("usb-kbd,id=input3", FocusedBuild.ValueOf(words, "-device", "usb-kbd"));
    }

    [Fact]
    public void Todays_character_sources_and_serial_targets_are_written()
    {
        var words = Words("""
            <serial type='spiceport'><source channel='org.qemu.console.serial.0'/><target port='0'/></serial>
            <serial type='pty'><target type='isa-debug'/><address type='isa' iobase='0x402'/></serial>
            <serial type='file'><source path='/tmp/s.log' append='on'/><target type='pci-serial' port='2'/><log file='/tmp/l.log' append='off'/></serial>
            <channel type='qemu-vdagent'><source><clipboard copypaste='yes'/><mouse mode='client'/></source><target type='virtio' name='com.redhat.spice.0'/></channel>
            <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
            """);

        Assert.Equal("spiceport,id=charserial0,name=org.qemu.console.serial.0", FocusedBuild.ValueOf(words, "-chardev", "spiceport"));
        Assert.Equal("isa-debugcon,chardev=charserial1,id=serial1,iobase=0x402", FocusedBuild.ValueOf(words, "-device", "isa-debugcon"));
        Assert.Equal("file,id=charserial2,path=/tmp/s.log,append=on,logfile=/tmp/l.log,logappend=off", FocusedBuild.ValueOf(words, "-chardev", "file"));
        Assert.StartsWith("pci-serial,chardev=charserial2,id=serial2,bus=pci.0,addr=0x", FocusedBuild.ValueOf(words, "-device", "pci-serial"));
        Assert.Equal("qemu-vdagent,id=charchannel0,name=vdagent,clipboard=on,mouse=on", FocusedBuild.ValueOf(words, "-chardev", "qemu-vdagent"));
        // A virtio channel on a unix socket without a path gets one in the host's run directory.
        Assert.StartsWith("socket,id=charchannel1,path=/var/lib/libvirt/qemu/g.org.qemu.guest_agent.0,server=on,wait=off",
            FocusedBuild.ValueOf(words, "-chardev", "socket,id=charchannel1"));
    }

    [Fact]
    public void Serial_ports_sit_where_their_addresses_say_an_isa_port_at_its_io_port_and_irq_a_usb_port_on_its_usb_port()
    {
        // Both addresses were read and then left out of the -device.
        var words = Words("""
            <serial type='pty'><target type='isa-serial' port='0'/><address type='isa' iobase='0x2f8' irq='3'/></serial>
            <serial type='pty'><target type='usb-serial' port='1'/><address type='usb' bus='0' port='2'/></serial>
            """);

        Assert.Equal("isa-serial,chardev=charserial0,id=serial0,iobase=0x2f8,irq=3", FocusedBuild.ValueOf(words, "-device", "isa-serial"));
        Assert.Equal("usb-serial,chardev=charserial1,id=serial1,bus=usb.0,port=2", FocusedBuild.ValueOf(words, "-device", "usb-serial"));
    }

    [Fact]
    public void A_parallel_port_sits_at_the_io_port_and_irq_of_its_isa_address()
    {
        var words = Words("<parallel type='pty'><target port='0'/><address type='isa' iobase='0x278' irq='5'/></parallel>");

        Assert.Equal("isa-parallel,chardev=charparallel0,id=parallel0,iobase=0x278,irq=5", FocusedBuild.ValueOf(words, "-device", "isa-parallel"));
    }

    [Theory]
    [InlineData("<parallel type='pty'><target port='0'/><address type='pci' domain='0' bus='0' slot='9' function='0'/></parallel>",
        "domain/devices/parallel", "the parallel port (isa-parallel) takes an ISA address, not a 'pci' one")]
    [InlineData("<channel type='pty'><target type='virtio' name='a.b'/><address type='pci' domain='0' bus='0' slot='9' function='0'/></channel>",
        "domain/devices/channel", "the virtio channel takes a virtio-serial address, not a 'pci' one")]
    [InlineData("<console type='pty'><target type='virtio'/><address type='drive' controller='0' bus='0' unit='1'/></console>",
        "domain/devices/console", "the virtio console takes a virtio-serial address, not a 'drive' one")]
    [InlineData("<channel type='pty'><target type='guestfwd' address='10.0.2.1' port='4600'/><address type='virtio-serial' controller='0' bus='0' port='1'/></channel>",
        "domain/devices/channel", "the guestfwd channel (no device in the guest) takes no address, not a 'virtio-serial' one")]
    public void A_parallel_port_channel_or_console_with_an_address_its_bus_does_not_take_is_refused_at_it(string device, string path, string message)
    {
        var result = Build(device, Modern);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCatalog.AddressTypeMismatch);
        Assert.Equal((path, message), (error.Location.Path, error.Message));
    }

    [Fact]
    public void Virtio_channels_and_consoles_on_their_virtio_serial_ports_build()
    {
        var words = Words("""
            <channel type='pty'><target type='virtio' name='a.b'/><address type='virtio-serial' controller='0' bus='0' port='3'/></channel>
            <console type='pty'><target type='virtio'/><address type='virtio-serial' controller='0' bus='0' port='4'/></console>
            """);

        Assert.Equal("virtserialport,bus=virtio-serial0.0,nr=3,chardev=charchannel0,id=channel0,name=a.b", FocusedBuild.ValueOf(words, "-device", "virtserialport"));
        Assert.Equal("virtconsole,bus=virtio-serial0.0,nr=4,chardev=charconsole0,id=console0", FocusedBuild.ValueOf(words, "-device", "virtconsole"));
    }

    [Theory]
    [InlineData("<serial type='pty'><target type='isa-serial' port='0'/><address type='pci' domain='0' bus='0' slot='9' function='0'/></serial>",
        "the serial port (isa-serial) takes an ISA address, not a 'pci' one")]
    [InlineData("<serial type='pty'><target port='0'/><address type='usb' bus='0' port='1'/></serial>",
        "the serial port (isa-serial) takes an ISA address, not a 'usb' one")]
    [InlineData("<serial type='pty'><target type='usb-serial' port='0'/><address type='pci' domain='0' bus='0' slot='9' function='0'/></serial>",
        "the serial port (usb-serial) takes a USB address, not a 'pci' one")]
    public void A_serial_port_with_an_address_its_bus_does_not_take_is_refused_at_it(string serial, string message)
    {
        var result = Build(serial, Modern);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCatalog.AddressTypeMismatch);
        Assert.Equal(("domain/devices/serial", message), (error.Location.Path, error.Message));
    }

    [Fact]
    public void Tls_on_a_character_device_and_a_missing_backend_are_refused_at_the_device()
    {
        Assert.Contains("DL4484", Codes("<serial type='tcp'><source mode='connect' host='127.0.0.1' service='5555' tls='yes'/><target port='0'/></serial>", Modern));
        Assert.Contains("DL4483", Codes("<serial type='spiceport'><source channel='c'/><target port='0'/></serial>", Legacy));
    }
}
