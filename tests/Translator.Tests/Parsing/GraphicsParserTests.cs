using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

public sealed class GraphicsParserTests
{
    // The devices start on line 5 of the document.
    private static DomainParseResult Parse(string devices) => DeviceDocument.Parse(devices, "kvm");

    private static T Single<T>(string devices) where T : Graphics
    {
        var result = Parse(devices);
        Assert.Empty(result.Diagnostics);
        return Assert.IsType<T>(Assert.Single(result.Domain!.Devices.Graphics));
    }

    private static Diagnostic SingleError(string devices) => Assert.Single(Parse(devices).Diagnostics);

    // ---- sdl and desktop ----

    [Fact]
    public void Sdl_display_xauth_and_fullscreen_are_read()
    {
        var sdl = Single<SdlGraphics>("<graphics type='sdl' display=':0.1' xauth='/root/.Xauthority' fullscreen='yes'/>");
        Assert.Equal(GraphicsType.Sdl, sdl.Type);
        Assert.Equal(":0.1", sdl.Display);
        Assert.Equal("/root/.Xauthority", sdl.Xauth);
        Assert.True(sdl.FullScreen);
        Assert.Equal(5, sdl.Location.Line);
    }

    [Fact]
    public void Sdl_without_attributes_leaves_them_null()
    {
        var sdl = Single<SdlGraphics>("<graphics type='sdl'/>");
        Assert.Null(sdl.Display);
        Assert.Null(sdl.Xauth);
        Assert.Null(sdl.FullScreen);
    }

    [Fact]
    public void Desktop_display_and_fullscreen_are_read()
    {
        var desktop = Single<DesktopGraphics>("<graphics type='desktop' display=':0.0' fullscreen='no'/>");
        Assert.Equal(":0.0", desktop.Display);
        Assert.False(desktop.FullScreen);
    }

    [Fact]
    public void Sdl_does_not_take_a_port()
    {
        var warning = Assert.Single(Parse("<graphics type='sdl' port='5900'/>").Diagnostics);
        Assert.Equal(DiagnosticCatalog.UnknownAttribute, warning.Code);
        Assert.Contains("'port'", warning.Message);
    }

    // ---- vnc ----

    [Fact]
    public void Vnc_attributes_are_read()
    {
        var vnc = Single<VncGraphics>(
            "<graphics type='vnc' port='5903' autoport='no' listen='127.0.0.1' passwd='123poi' "
            + "passwdValidTo='2011-05-31T16:11:22' keymap='ja' sharePolicy='allow-exclusive' connected='keep'/>");
        Assert.Equal(GraphicsType.Vnc, vnc.Type);
        Assert.Equal(5903, vnc.Port);
        Assert.False(vnc.AutoPort);
        Assert.Equal("127.0.0.1", vnc.Listen);
        Assert.Empty(vnc.Listens);
        Assert.Equal("123poi", vnc.Passwd);
        Assert.Equal(new DateTime(2011, 5, 31, 16, 11, 22, DateTimeKind.Utc), vnc.PasswdValidTo);
        Assert.Equal(DateTimeKind.Utc, vnc.PasswdValidTo!.Value.Kind);
        Assert.Equal("ja", vnc.Keymap);
        Assert.Equal(VncSharePolicy.AllowExclusive, vnc.SharePolicy);
        Assert.Equal(GraphicsConnectedAction.Keep, vnc.Connected);
        Assert.Null(vnc.Socket);
    }

    [Fact]
    public void Vnc_without_attributes_leaves_them_null_and_has_no_listens()
    {
        var vnc = Single<VncGraphics>("<graphics type='vnc'/>");
        Assert.Null(vnc.Port);
        Assert.Null(vnc.AutoPort);
        Assert.Null(vnc.Listen);
        Assert.Empty(vnc.Listens);
        Assert.Null(vnc.Passwd);
        Assert.Null(vnc.PasswdValidTo);
        Assert.Null(vnc.Keymap);
        Assert.Null(vnc.SharePolicy);
        Assert.Null(vnc.Connected);
        Assert.Null(vnc.Socket);
    }

    [Fact]
    public void Vnc_socket_is_read() =>
        Assert.Equal("/tmp/foo.socket", Single<VncGraphics>("<graphics type='vnc' socket='/tmp/foo.socket'/>").Socket);

    [Fact]
    public void Vnc_legacy_port_minus_one_is_kept_as_given() =>
        Assert.Equal(-1, Single<VncGraphics>("<graphics type='vnc' port='-1'/>").Port);

    [Theory]
    [InlineData("allow-exclusive", VncSharePolicy.AllowExclusive)]
    [InlineData("force-shared", VncSharePolicy.ForceShared)]
    [InlineData("ignore", VncSharePolicy.Ignore)]
    public void Vnc_share_policy_is_read(string xml, VncSharePolicy expected) =>
        Assert.Equal(expected, Single<VncGraphics>($"<graphics type='vnc' sharePolicy='{xml}'/>").SharePolicy);

    [Fact]
    public void Vnc_port_beyond_65535_is_an_error()
    {
        var error = SingleError("<graphics type='vnc' port='65536'/>");
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, error.Code);
        Assert.Contains("-1 to 65535", error.Message);
        Assert.Equal((5, 22), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Vnc_port_below_minus_one_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, SingleError("<graphics type='vnc' port='-2'/>").Code);

    [Fact]
    public void Vnc_share_policy_unknown_is_an_error_naming_the_allowed_policies()
    {
        var error = SingleError("<graphics type='vnc' sharePolicy='exclusive'/>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("allow-exclusive, force-shared, ignore", error.Message);
    }

    [Fact]
    public void Vnc_connected_other_than_keep_is_an_error()
    {
        var error = SingleError("<graphics type='vnc' connected='disconnect'/>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'disconnect'", error.Message);
        Assert.Contains("allowed: keep", error.Message);
        Assert.Equal("domain/devices/graphics/@connected", error.Location.Path);
    }

    [Fact]
    public void Vnc_password_expiry_that_is_not_a_timestamp_is_an_error()
    {
        var error = SingleError("<graphics type='vnc' passwdValidTo='tomorrow'/>");
        Assert.Equal(DiagnosticCatalog.InvalidValue, error.Code);
        Assert.Contains("'tomorrow'", error.Message);
        Assert.Contains("YYYY-MM-DDTHH:MM:SS", error.Message);
    }

    [Fact]
    public void Vnc_autoport_that_is_not_yes_or_no_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, SingleError("<graphics type='vnc' autoport='1'/>").Code);

    // ---- listen elements ----

    [Fact]
    public void Listen_elements_are_kept_apart_from_the_listen_attribute()
    {
        var vnc = Single<VncGraphics>("""
            <graphics type='vnc' port='5903' listen='2001:1:2:3:4:5:1234:1234'>
              <listen type='address' address='2001:1:2:3:4:5:1234:1234'/>
              <listen type='network' network='default'/>
              <listen type='network' network='lan' address='192.168.1.1'/>
            </graphics>
            """);
        Assert.Equal("2001:1:2:3:4:5:1234:1234", vnc.Listen);
        Assert.Equal(3, vnc.Listens.Length);
        Assert.Equal(new AddressListen { Address = "2001:1:2:3:4:5:1234:1234" }, vnc.Listens[0]);
        Assert.Equal(new NetworkListen { Network = "default" }, vnc.Listens[1]);
        Assert.Equal(new NetworkListen { Network = "lan", Address = "192.168.1.1" }, vnc.Listens[2]);
    }

    [Fact]
    public void Listen_element_without_listen_attribute_leaves_the_attribute_null()
    {
        var spice = Single<SpiceGraphics>("<graphics type='spice'><listen type='address' address='0.0.0.0'/></graphics>");
        Assert.Null(spice.Listen);
        Assert.Equal(GraphicsListenType.Address, Assert.Single(spice.Listens).Type);
    }

    [Fact]
    public void Listen_attribute_that_differs_from_the_first_listen_address_is_an_error()
    {
        var error = SingleError("<graphics type='vnc' listen='127.0.0.1'><listen type='address' address='0.0.0.0'/></graphics>");
        Assert.Equal(DiagnosticCatalog.InconsistentValue, error.Code);
        Assert.Contains("'127.0.0.1'", error.Message);
        Assert.Contains("'0.0.0.0'", error.Message);
        Assert.Equal((5, 22), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Listen_attribute_with_a_first_network_listen_without_address_is_accepted()
    {
        var vnc = Single<VncGraphics>("<graphics type='vnc' listen='127.0.0.1'><listen type='network' network='default'/></graphics>");
        Assert.Equal("127.0.0.1", vnc.Listen);
    }

    [Fact]
    public void Listen_element_with_unknown_type_is_an_error_naming_the_allowed_types()
    {
        var error = SingleError("<graphics type='vnc'><listen type='pipe' address='/tmp/s'/></graphics>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("address, network, socket, none", error.Message);
    }

    [Fact]
    public void Listen_element_of_type_address_without_address_leaves_the_address_to_the_host()
    {
        var vnc = Single<VncGraphics>("<graphics type='vnc'><listen type='address'/></graphics>");
        Assert.Null(Assert.IsType<AddressListen>(Assert.Single(vnc.Listens)).Address);
    }

    [Fact]
    public void Listen_element_of_type_network_without_network_is_an_error()
    {
        var error = SingleError("<graphics type='rdp'><listen type='network' address='10.0.0.1'/></graphics>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'network'", error.Message);
    }

    // ---- spice ----

    [Fact]
    public void Spice_attributes_and_settings_are_read()
    {
        var spice = Single<SpiceGraphics>("""
            <graphics type='spice' port='5903' tlsPort='5904' autoport='no' listen='127.0.0.1' passwd='sercet'
                      passwdValidTo='2011-05-31T16:11:22' keymap='en-us' connected='disconnect' defaultMode='secure'>
              <listen type='address' address='127.0.0.1'/>
              <channel name='main' mode='secure'/>
              <channel name='inputs' mode='insecure'/>
              <channel name='usbredir' mode='any'/>
              <image compression='auto_glz'/>
              <jpeg compression='auto'/>
              <zlib compression='never'/>
              <playback compression='on'/>
              <streaming mode='filter'/>
              <clipboard copypaste='no'/>
              <mouse mode='server'/>
            </graphics>
            """);
        Assert.Equal(GraphicsType.Spice, spice.Type);
        Assert.Equal(5903, spice.Port);
        Assert.Equal(5904, spice.TlsPort);
        Assert.False(spice.AutoPort);
        Assert.Equal("127.0.0.1", spice.Listen);
        Assert.Single(spice.Listens);
        Assert.Equal("sercet", spice.Passwd);
        Assert.Equal(new DateTime(2011, 5, 31, 16, 11, 22, DateTimeKind.Utc), spice.PasswdValidTo);
        Assert.Equal("en-us", spice.Keymap);
        Assert.Equal(GraphicsConnectedAction.Disconnect, spice.Connected);
        Assert.Equal(SpiceChannelMode.Secure, spice.DefaultMode);
        Assert.Equal(
            [
                new SpiceChannel(SpiceChannelName.Main, SpiceChannelMode.Secure),
                new SpiceChannel(SpiceChannelName.Inputs, SpiceChannelMode.Insecure),
                new SpiceChannel(SpiceChannelName.Usbredir, SpiceChannelMode.Any),
            ],
            spice.Channels.ToArray());
        Assert.Equal(SpiceImageCompression.AutoGlz, spice.ImageCompression);
        Assert.Equal(SpiceWanCompression.Auto, spice.JpegCompression);
        Assert.Equal(SpiceWanCompression.Never, spice.ZlibCompression);
        Assert.True(spice.PlaybackCompression);
        Assert.Equal(SpiceStreamingMode.Filter, spice.StreamingMode);
        Assert.False(spice.CopyPaste);
        Assert.Equal(SpiceMouseMode.Server, spice.MouseMode);
    }

    [Fact]
    public void Spice_without_settings_leaves_them_null()
    {
        var spice = Single<SpiceGraphics>("<graphics type='spice'/>");
        Assert.Null(spice.Port);
        Assert.Null(spice.TlsPort);
        Assert.Null(spice.Connected);
        Assert.Null(spice.DefaultMode);
        Assert.Empty(spice.Channels);
        Assert.Null(spice.ImageCompression);
        Assert.Null(spice.JpegCompression);
        Assert.Null(spice.ZlibCompression);
        Assert.Null(spice.PlaybackCompression);
        Assert.Null(spice.StreamingMode);
        Assert.Null(spice.CopyPaste);
        Assert.Null(spice.MouseMode);
    }

    [Theory]
    [InlineData("keep", GraphicsConnectedAction.Keep)]
    [InlineData("disconnect", GraphicsConnectedAction.Disconnect)]
    [InlineData("fail", GraphicsConnectedAction.Fail)]
    public void Spice_connected_is_read(string xml, GraphicsConnectedAction expected) =>
        Assert.Equal(expected, Single<SpiceGraphics>($"<graphics type='spice' connected='{xml}'/>").Connected);

    [Theory]
    [InlineData("auto_glz", SpiceImageCompression.AutoGlz)]
    [InlineData("auto_lz", SpiceImageCompression.AutoLz)]
    [InlineData("quic", SpiceImageCompression.Quic)]
    [InlineData("glz", SpiceImageCompression.Glz)]
    [InlineData("lz", SpiceImageCompression.Lz)]
    [InlineData("off", SpiceImageCompression.Off)]
    public void Spice_image_compression_is_read(string xml, SpiceImageCompression expected) =>
        Assert.Equal(expected, Single<SpiceGraphics>($"<graphics type='spice'><image compression='{xml}'/></graphics>").ImageCompression);

    [Theory]
    [InlineData("main", SpiceChannelName.Main)]
    [InlineData("display", SpiceChannelName.Display)]
    [InlineData("inputs", SpiceChannelName.Inputs)]
    [InlineData("cursor", SpiceChannelName.Cursor)]
    [InlineData("playback", SpiceChannelName.Playback)]
    [InlineData("record", SpiceChannelName.Record)]
    [InlineData("smartcard", SpiceChannelName.Smartcard)]
    [InlineData("usbredir", SpiceChannelName.Usbredir)]
    public void Spice_channel_names_are_read(string xml, SpiceChannelName expected) =>
        Assert.Equal(expected, Single<SpiceGraphics>($"<graphics type='spice'><channel name='{xml}' mode='any'/></graphics>").Channels[0].Name);

    [Theory]
    [InlineData("all", SpiceStreamingMode.All)]
    [InlineData("off", SpiceStreamingMode.Off)]
    public void Spice_streaming_mode_is_read(string xml, SpiceStreamingMode expected) =>
        Assert.Equal(expected, Single<SpiceGraphics>($"<graphics type='spice'><streaming mode='{xml}'/></graphics>").StreamingMode);

    [Fact]
    public void Spice_client_mouse_mode_and_always_jpeg_are_read()
    {
        var spice = Single<SpiceGraphics>("<graphics type='spice'><mouse mode='client'/><jpeg compression='always'/></graphics>");
        Assert.Equal(SpiceMouseMode.Client, spice.MouseMode);
        Assert.Equal(SpiceWanCompression.Always, spice.JpegCompression);
    }

    [Fact]
    public void Spice_channel_with_unknown_name_is_an_error_naming_the_allowed_channels()
    {
        var error = SingleError("<graphics type='spice'><channel name='video' mode='any'/></graphics>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("main, display, inputs, cursor, playback, record, smartcard, usbredir", error.Message);
        Assert.Equal("domain/devices/graphics/channel/@name", error.Location.Path);
    }

    [Fact]
    public void Spice_channel_without_mode_is_an_error()
    {
        var error = SingleError("<graphics type='spice'><channel name='main'/></graphics>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'mode'", error.Message);
    }

    [Fact]
    public void Spice_default_mode_unknown_is_an_error_naming_the_allowed_modes()
    {
        var error = SingleError("<graphics type='spice' defaultMode='tls'/>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("any, secure, insecure", error.Message);
    }

    [Fact]
    public void Spice_image_compression_unknown_is_an_error_naming_the_allowed_values()
    {
        var error = SingleError("<graphics type='spice'><image compression='zstd'/></graphics>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("auto_glz, auto_lz, quic, glz, lz, off", error.Message);
    }

    [Fact]
    public void Spice_zlib_without_compression_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.MissingAttribute, SingleError("<graphics type='spice'><zlib/></graphics>").Code);

    [Fact]
    public void Spice_playback_compression_that_is_not_on_or_off_is_an_error()
    {
        var error = SingleError("<graphics type='spice'><playback compression='yes'/></graphics>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("on, off", error.Message);
    }

    [Fact]
    public void Spice_clipboard_without_copypaste_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.MissingAttribute, SingleError("<graphics type='spice'><clipboard/></graphics>").Code);

    [Fact]
    public void Spice_with_two_image_elements_is_an_error()
    {
        var error = SingleError("<graphics type='spice'><image compression='off'/><image compression='lz'/></graphics>");
        Assert.Equal(DiagnosticCatalog.DuplicateElement, error.Code);
        Assert.Equal("domain/devices/graphics/image[2]", error.Location.Path);
    }

    [Fact]
    public void Spice_tls_port_beyond_65535_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, SingleError("<graphics type='spice' tlsPort='70000'/>").Code);

    // ---- rdp ----

    [Fact]
    public void Rdp_attributes_are_read()
    {
        var rdp = Single<RdpGraphics>("<graphics type='rdp' port='3389' autoport='no' replaceUser='yes' multiUser='no' listen='0.0.0.0'/>");
        Assert.Equal(GraphicsType.Rdp, rdp.Type);
        Assert.Equal(3389, rdp.Port);
        Assert.False(rdp.AutoPort);
        Assert.True(rdp.ReplaceUser);
        Assert.False(rdp.MultiUser);
        Assert.Equal("0.0.0.0", rdp.Listen);
    }

    [Fact]
    public void Rdp_without_attributes_leaves_them_null()
    {
        var rdp = Single<RdpGraphics>("<graphics type='rdp'/>");
        Assert.Null(rdp.Port);
        Assert.Null(rdp.ReplaceUser);
        Assert.Null(rdp.MultiUser);
        Assert.Null(rdp.Listen);
    }

    // ---- type ----

    [Fact]
    public void Graphics_with_unknown_type_is_one_error_naming_the_allowed_types()
    {
        var result = Parse("<graphics type='x11' display=':0'><listen type='address' address='1.2.3.4'/></graphics>");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'x11'", error.Message);
        Assert.Contains("sdl, vnc, spice, rdp, desktop", error.Message);
        Assert.Equal((5, 11), (error.Location.Line, error.Location.Column));
        Assert.Null(result.Domain);
    }

    [Fact]
    public void Graphics_without_type_is_an_error() =>
        Assert.Equal(DiagnosticCatalog.MissingAttribute, SingleError("<graphics port='5900'/>").Code);

    [Fact]
    public void Several_graphics_are_kept_in_document_order()
    {
        var result = Parse("<graphics type='vnc'/>\n<graphics type='sdl'/>");
        Assert.Empty(result.Diagnostics);
        Assert.Equal([GraphicsType.Vnc, GraphicsType.Sdl], result.Domain!.Devices.Graphics.Select(g => g.Type));
    }
}
