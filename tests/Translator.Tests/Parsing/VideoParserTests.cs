using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

public sealed class VideoParserTests
{
    private static DomainParseResult Parse(string devices) => DeviceDocument.Parse(devices, "kvm");

    private static Video Single(string devices)
    {
        var result = Parse(devices);
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Domain!.Devices.Videos);
    }

    [Theory]
    [InlineData("vga", VideoModel.Vga)]
    [InlineData("cirrus", VideoModel.Cirrus)]
    [InlineData("vmvga", VideoModel.Vmvga)]
    [InlineData("xen", VideoModel.Xen)]
    [InlineData("vbox", VideoModel.Vbox)]
    [InlineData("qxl", VideoModel.Qxl)]
    public void Video_model_type_is_read(string xml, VideoModel expected) =>
        Assert.Equal(expected, Single($"<video><model type='{xml}'/></video>").Model);

    [Fact]
    public void Video_without_model_leaves_everything_null()
    {
        var video = Single("<video/>");
        Assert.Null(video.Model);
        Assert.Null(video.Vram);
        Assert.Null(video.Ram);
        Assert.Null(video.Heads);
        Assert.Null(video.Primary);
        Assert.Null(video.Acceleration);
        Assert.Null(video.Address);
        Assert.Null(video.Alias);
        Assert.Equal(5, video.Location.Line);
    }

    [Fact]
    public void Video_memory_heads_primary_acceleration_address_and_alias_are_read()
    {
        var video = Single("""
            <video>
              <model type='qxl' vram='65536' ram='32768' heads='2' primary='yes'>
                <acceleration accel3d='yes' accel2d='no'/>
              </model>
              <alias name='video0'/>
              <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/>
            </video>
            """);
        Assert.Equal(VideoModel.Qxl, video.Model);
        Assert.Equal(65536u, video.Vram);
        Assert.Equal(32768u, video.Ram);
        Assert.Equal(2u, video.Heads);
        Assert.True(video.Primary);
        Assert.Equal(new VideoAcceleration { Accel3d = true, Accel2d = false }, video.Acceleration);
        Assert.Equal("video0", video.Alias);
        Assert.Equal(2u, Assert.IsType<PciAddress>(video.Address).Slot);
    }

    [Fact]
    public void Video_acceleration_without_attributes_is_present_but_empty()
    {
        var video = Single("<video><model type='vga'><acceleration/></model></video>");
        Assert.Equal(new VideoAcceleration(), video.Acceleration);
    }

    [Fact]
    public void Video_model_with_unknown_type_is_an_error_naming_the_allowed_models()
    {
        var error = Assert.Single(Parse("<video><model type='vesa'/></video>").Diagnostics);
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'vesa'", error.Message);
        Assert.Contains("vga, cirrus, vmvga, xen, vbox, qxl, virtio, gop, none, bochs, ramfb", error.Message);
        Assert.Equal((5, 15), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Video_model_without_type_is_an_error()
    {
        var error = Assert.Single(Parse("<video><model vram='9216'/></video>").Diagnostics);
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Equal("domain/devices/video/model", error.Location.Path);
    }

    [Fact]
    public void Video_vram_that_is_not_a_number_is_an_error()
    {
        var error = Assert.Single(Parse("<video><model type='vga' vram='16M'/></video>").Diagnostics);
        Assert.Equal(DiagnosticCatalog.InvalidNumber, error.Code);
        Assert.Contains("'16M'", error.Message);
    }

    [Fact]
    public void Video_vram_beyond_32_bits_is_an_error()
    {
        var error = Assert.Single(Parse("<video><model type='vga' vram='4294967296'/></video>").Diagnostics);
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, error.Code);
    }

    [Fact]
    public void Video_primary_that_is_not_yes_or_no_is_an_error()
    {
        var error = Assert.Single(Parse("<video><model type='vga' primary='true'/></video>").Diagnostics);
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("yes, no", error.Message);
    }

    [Fact]
    public void Video_with_two_models_is_an_error()
    {
        var error = Assert.Single(Parse("<video><model type='vga'/><model type='qxl'/></video>").Diagnostics);
        Assert.Equal(DiagnosticCatalog.DuplicateElement, error.Code);
    }

    [Fact]
    public void Several_videos_are_kept_in_document_order()
    {
        var result = Parse("<video><model type='qxl' primary='yes'/></video>\n<video><model type='qxl'/></video>");
        Assert.Empty(result.Diagnostics);
        Assert.Equal([true, null], result.Domain!.Devices.Videos.Select(v => v.Primary));
    }
}
