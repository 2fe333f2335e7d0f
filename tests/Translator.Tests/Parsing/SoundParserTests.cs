using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

public sealed class SoundParserTests
{
    private static DomainParseResult Parse(string devices) => DeviceDocument.Parse(devices, "kvm");

    [Theory]
    [InlineData("sb16", SoundModel.Sb16)]
    [InlineData("es1370", SoundModel.Es1370)]
    [InlineData("pcspk", SoundModel.Pcspk)]
    [InlineData("ac97", SoundModel.Ac97)]
    [InlineData("ich6", SoundModel.Ich6)]
    public void Sound_model_is_read(string xml, SoundModel expected)
    {
        var result = Parse($"<sound model='{xml}'/>");
        Assert.Empty(result.Diagnostics);
        var sound = Assert.Single(result.Domain!.Devices.Sounds);
        Assert.Equal(expected, sound.Model);
        Assert.Empty(sound.Codecs);
        Assert.Null(sound.Address);
        Assert.Null(sound.Alias);
    }

    [Fact]
    public void Sound_codecs_address_and_alias_are_read_in_order()
    {
        var result = Parse("""
            <sound model='ich6'>
              <codec type='micro'/>
              <codec type='duplex'/>
              <address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/>
              <alias name='sound0'/>
            </sound>
            """);
        Assert.Empty(result.Diagnostics);
        var sound = Assert.Single(result.Domain!.Devices.Sounds);
        Assert.Equal([SoundCodec.Micro, SoundCodec.Duplex], sound.Codecs.ToArray());
        Assert.Equal(4u, Assert.IsType<PciAddress>(sound.Address).Slot);
        Assert.Equal("sound0", sound.Alias);
    }

    [Fact]
    public void Sound_with_unknown_model_is_an_error_naming_the_allowed_models()
    {
        var error = Assert.Single(Parse("<sound model='gus'/>").Diagnostics);
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'gus'", error.Message);
        Assert.Contains("sb16, es1370, pcspk, ac97, ich6", error.Message);
        Assert.Equal((5, 8), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Sound_without_model_is_an_error()
    {
        var result = Parse("<sound/>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, Assert.Single(result.Diagnostics).Code);
        Assert.Null(result.Domain);
    }

    [Fact]
    public void Sound_codec_with_unknown_type_is_an_error_naming_the_allowed_types()
    {
        var error = Assert.Single(Parse("<sound model='ich6'><codec type='surround'/></sound>").Diagnostics);
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("duplex, micro, output", error.Message);
        Assert.Equal("domain/devices/sound/codec/@type", error.Location.Path);
    }
}
