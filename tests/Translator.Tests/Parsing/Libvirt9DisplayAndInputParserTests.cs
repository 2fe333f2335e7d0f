using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>libvirt 9's video, graphics and input settings.</summary>
public sealed class Libvirt9DisplayAndInputParserTests
{
    private static Model.Devices Devices(string devices)
    {
        var result = DeviceDocument.Parse(devices, "kvm");
        Assert.Empty(result.Diagnostics);
        return result.Domain!.Devices;
    }

    [Theory]
    [InlineData("virtio", VideoModel.Virtio)]
    [InlineData("gop", VideoModel.Gop)]
    [InlineData("none", VideoModel.None)]
    [InlineData("bochs", VideoModel.Bochs)]
    [InlineData("ramfb", VideoModel.Ramfb)]
    public void The_new_video_models_are_read(string text, VideoModel model) =>
        Assert.Equal(model, Assert.Single(Devices($"<video><model type='{text}'/></video>").Videos).Model);

    [Fact]
    public void Video_memory_sizes_resolution_acceleration_and_driver_are_read()
    {
        var video = Assert.Single(Devices(
            "<video><driver name='vhostuser' vgaconf='on' iommu='on'/>" +
            "<model type='qxl' ram='65536' vram='32768' vram64='131072' vgamem='8192' heads='2' primary='yes'>" +
            "<acceleration accel3d='yes' rendernode='/dev/dri/renderD128'/><resolution x='1920' y='1080'/></model>" +
            "<acpi index='3'/></video>").Videos);
        Assert.Equal((131072u, 8192u), (video.Vram64!.Value, video.VgaMem!.Value));
        Assert.Equal(new VideoResolution(1920, 1080), video.Resolution);
        Assert.Equal("/dev/dri/renderD128", video.Acceleration!.RenderNode);
        Assert.Equal(new VideoDriver { Name = VideoBackend.VhostUser, VgaConf = VideoVgaConf.On, Virtio = new VirtioOptions { Iommu = true } },
            video.Driver);
        Assert.Equal(3u, video.AcpiIndex);
    }

    [Fact]
    public void A_resolution_needs_both_dimensions() =>
        DeviceDocument.SingleError(
            DeviceDocument.Parse("<video><model type='virtio'><resolution x='800'/></model></video>"),
            DiagnosticCatalog.MissingAttribute);

    [Fact]
    public void Egl_headless_and_dbus_graphics_are_read()
    {
        var graphics = Devices(
            "<graphics type='egl-headless'><gl rendernode='/dev/dri/renderD128'/></graphics>" +
            "<graphics type='dbus' address='unix:path=/tmp/bus' p2p='no'><gl enable='yes' rendernode='/dev/dri/card0'/><audio id='1'/></graphics>").Graphics;
        Assert.Equal("/dev/dri/renderD128", Assert.IsType<EglHeadlessGraphics>(graphics[0]).RenderNode);
        var dbus = Assert.IsType<DbusGraphics>(graphics[1]);
        Assert.Equal(("unix:path=/tmp/bus", false, 1u), (dbus.Address, dbus.PeerToPeer!.Value, dbus.AudioId!.Value));
        Assert.Equal(new GraphicsGl { Enable = true, RenderNode = "/dev/dri/card0" }, dbus.Gl);
    }

    [Fact]
    public void Vnc_and_spice_settings_of_libvirt_9_are_read()
    {
        var graphics = Devices(
            "<graphics type='vnc' port='5900' websocket='5700' powerControl='yes'><listen type='address'/><audio id='2'/></graphics>" +
            "<graphics type='spice' autoport='yes'><listen type='socket' socket='/run/spice.sock'/><filetransfer enable='no'/><gl enable='no'/></graphics>" +
            "<graphics type='sdl'><gl enable='yes'/></graphics>").Graphics;
        var vnc = Assert.IsType<VncGraphics>(graphics[0]);
        Assert.Equal((5700, true, 2u), (vnc.WebSocket!.Value, vnc.PowerControl!.Value, vnc.AudioId!.Value));
        Assert.Null(Assert.IsType<AddressListen>(Assert.Single(vnc.Listens)).Address);
        var spice = Assert.IsType<SpiceGraphics>(graphics[1]);
        Assert.Equal("/run/spice.sock", Assert.IsType<SocketListen>(Assert.Single(spice.Listens)).Socket);
        Assert.False(spice.FileTransfer);
        Assert.False(spice.Gl!.Enable);
        Assert.True(Assert.IsType<SdlGraphics>(graphics[2]).GlEnable);
    }

    [Fact]
    public void A_none_listen_is_read() =>
        Assert.IsType<NoneListen>(Assert.Single(Assert.IsType<VncGraphics>(
            Assert.Single(Devices("<graphics type='vnc'><listen type='none'/></graphics>").Graphics)).Listens));

    [Fact]
    public void A_gl_element_needs_enable() =>
        DeviceDocument.SingleError(
            DeviceDocument.Parse("<graphics type='spice'><gl rendernode='/dev/dri/card0'/></graphics>"),
            DiagnosticCatalog.MissingAttribute);

    [Fact]
    public void Passthrough_and_evdev_inputs_are_read_with_their_sources()
    {
        var inputs = Devices(
            "<input type='passthrough' bus='virtio' model='virtio-transitional'><source evdev='/dev/input/event1'/><driver ats='on'/><acpi index='5'/></input>" +
            "<input type='evdev'><source dev='/dev/input/event2' grab='all' grabToggle='ctrl-scrolllock' repeat='on'/></input>" +
            "<input type='keyboard' bus='virtio'/>").Inputs;
        var passthrough = inputs[0];
        Assert.Equal((InputType.Passthrough, InputBus.Virtio, VirtioModel.VirtioTransitional),
            (passthrough.Type, passthrough.Bus!.Value, passthrough.Model!.Value));
        Assert.Equal("/dev/input/event1", passthrough.SourceDevice);
        Assert.True(passthrough.Driver!.Ats);
        Assert.Equal(5u, passthrough.AcpiIndex);
        var evdev = inputs[1];
        Assert.Equal(("/dev/input/event2", InputGrab.All, InputGrabToggle.CtrlScrollLock, true),
            (evdev.SourceDevice, evdev.Grab!.Value, evdev.GrabToggle!.Value, evdev.Repeat!.Value));
        Assert.Equal(InputBus.Virtio, inputs[2].Bus);
    }

    [Fact]
    public void An_evdev_input_needs_a_source_and_a_passthrough_source_its_evdev_attribute()
    {
        DeviceDocument.SingleError(DeviceDocument.Parse("<input type='evdev'/>"), DiagnosticCatalog.MissingElement);
        DeviceDocument.SingleError(
            DeviceDocument.Parse("<input type='passthrough' bus='virtio'><source dev='/dev/input/event1'/></input>"),
            DiagnosticCatalog.MissingAttribute);
    }

    [Fact]
    public void A_grab_toggle_outside_the_grammar_is_refused() =>
        DeviceDocument.SingleError(
            DeviceDocument.Parse("<input type='evdev'><source dev='/dev/input/event2' grabToggle='ctrl-alt'/></input>"),
            DiagnosticCatalog.UnknownEnumValue);
}
