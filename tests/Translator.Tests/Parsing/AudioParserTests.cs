using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>libvirt 9's <c>&lt;audio&gt;</c> backends and the sound card settings that refer to them.</summary>
public sealed class AudioParserTests
{
    private static Audio Single(string devices)
    {
        var result = DeviceDocument.Parse(devices);
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Domain!.Devices.Audios);
    }

    [Theory]
    [InlineData("none", AudioType.None)]
    [InlineData("alsa", AudioType.Alsa)]
    [InlineData("coreaudio", AudioType.CoreAudio)]
    [InlineData("jack", AudioType.Jack)]
    [InlineData("oss", AudioType.Oss)]
    [InlineData("pulseaudio", AudioType.PulseAudio)]
    [InlineData("sdl", AudioType.Sdl)]
    [InlineData("spice", AudioType.Spice)]
    [InlineData("file", AudioType.File)]
    [InlineData("dbus", AudioType.Dbus)]
    public void Every_backend_type_of_the_grammar_is_read(string text, AudioType type)
    {
        var audio = Single($"<audio id='1' type='{text}'/>");
        Assert.Equal(type, audio.Type);
        Assert.Equal(1u, audio.Id);
        Assert.Null(audio.Input);
        Assert.Null(audio.Output);
        Assert.Equal(5, audio.Location.Line);
    }

    [Fact]
    public void Common_stream_settings_and_fixed_settings_are_read()
    {
        var audio = Single("<audio id='2' type='alsa' timerPeriod='50'>" +
                           "<input mixingEngine='yes' fixedSettings='yes' voices='1' bufferLength='100' dev='/dev/dsp0'>" +
                           "<settings frequency='44100' channels='2' format='s16'/></input>" +
                           "<output dev='/dev/dsp1'/></audio>");
        Assert.Equal(50u, audio.TimerPeriod);
        var input = audio.Input!;
        Assert.True(input.MixingEngine);
        Assert.True(input.FixedSettings);
        Assert.Equal(1u, input.Voices);
        Assert.Equal(100u, input.BufferLength);
        Assert.Equal("/dev/dsp0", input.Dev);
        Assert.Equal(new AudioSettings { Frequency = 44100, Channels = 2, Format = AudioFormat.S16 }, input.Settings);
        Assert.Equal("/dev/dsp1", audio.Output!.Dev);
    }

    [Fact]
    public void Backend_wide_attributes_belong_to_their_type()
    {
        var oss = Single("<audio id='1' type='oss' tryMMap='yes' exclusive='no' dspPolicy='-2'><output tryPoll='yes' bufferCount='3'/></audio>");
        Assert.True(oss.TryMMap);
        Assert.False(oss.Exclusive);
        Assert.Equal(-2, oss.DspPolicy);
        Assert.True(oss.Output!.TryPoll);
        Assert.Equal(3u, oss.Output.BufferCount);

        Assert.Equal("srv", Single("<audio id='1' type='pulseaudio' serverName='srv'><input name='in' streamName='s' latency='7'/></audio>").ServerName);
        Assert.Equal(AudioSdlDriver.PulseAudio, Single("<audio id='1' type='sdl' driver='pulseaudio'/>").SdlDriver);
        Assert.Equal("/tmp/out.wav", Single("<audio id='1' type='file' path='/tmp/out.wav'/>").Path);
        var jack = Single("<audio id='1' type='jack'><input serverName='a' clientName='b' connectPorts='c' exactName='yes'/></audio>").Input!;
        Assert.Equal(("a", "b", "c", true), (jack.ServerName, jack.ClientName, jack.ConnectPorts, jack.ExactName));
    }

    [Fact]
    public void An_attribute_of_another_backend_is_reported_as_unknown()
    {
        var result = DeviceDocument.Parse("<audio id='1' type='alsa' serverName='srv'><input latency='5'/></audio>");
        Assert.NotNull(result.Domain);
        Assert.Equal(2, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticCatalog.UnknownAttribute, d.Code));
        Assert.Null(result.Domain!.Devices.Audios[0].ServerName);
    }

    [Fact]
    public void Id_is_required_and_at_most_255()
    {
        DeviceDocument.SingleError(DeviceDocument.Parse("<audio type='none'/>"), DiagnosticCatalog.MissingAttribute);
        DeviceDocument.SingleError(DeviceDocument.Parse("<audio id='256' type='none'/>"), DiagnosticCatalog.NumberOutOfRange);
    }

    [Fact]
    public void An_unknown_type_or_format_is_refused()
    {
        DeviceDocument.SingleError(DeviceDocument.Parse("<audio id='1' type='esd'/>"), DiagnosticCatalog.UnknownEnumValue);
        DeviceDocument.SingleError(
            DeviceDocument.Parse("<audio id='1' type='none'><output><settings format='s24'/></output></audio>"),
            DiagnosticCatalog.UnknownEnumValue);
    }

    [Fact]
    public void Sound_cards_of_libvirt_9_refer_to_a_backend_and_carry_an_acpi_index()
    {
        var result = DeviceDocument.Parse("<sound model='ich9'><codec type='output'/><audio id='3'/><acpi index='4'/></sound>" +
                                          "<sound model='ich7'/><sound model='usb'/>");
        Assert.Empty(result.Diagnostics);
        var sounds = result.Domain!.Devices.Sounds;
        Assert.Equal([SoundModel.Ich9, SoundModel.Ich7, SoundModel.Usb], sounds.Select(s => s.Model));
        Assert.Equal(new[] { SoundCodec.Output }, sounds[0].Codecs.ToArray());
        Assert.Equal(3u, sounds[0].AudioId);
        Assert.Equal(4u, sounds[0].AcpiIndex);
    }
}
