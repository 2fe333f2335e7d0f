using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Reads <c>&lt;audio id type&gt;</c>: the backend-wide attributes of its type, and its
/// <c>&lt;input&gt;</c> and <c>&lt;output&gt;</c> with the settings every backend shares and those of
/// its type. Attributes of another type are left unread (reported as unknown), as the grammar has
/// them only for their own type.
/// </summary>
internal static class AudioParser
{
    public static Audio? Parse(ElementReader audio)
    {
        var id = audio.RequiredAttr("id") is null ? null : audio.UInt("id", 255);
        var type = audio.RequiredEnum("type", AudioXml.Type);
        var timerPeriod = audio.UInt("timerPeriod");
        if (type is null)
        {
            // Without a type nothing else can be understood; the error says why.
            audio.ReadWhole();
            return null;
        }
        var t = type.Value;
        var result = new Audio
        {
            Id = id ?? 0,
            Type = t,
            TimerPeriod = timerPeriod,
            TryMMap = t == AudioType.Oss ? audio.YesNo("tryMMap") : null,
            Exclusive = t == AudioType.Oss ? audio.YesNo("exclusive") : null,
            DspPolicy = t == AudioType.Oss ? audio.Int("dspPolicy") : null,
            ServerName = t == AudioType.PulseAudio ? audio.Attr("serverName") : null,
            SdlDriver = t == AudioType.Sdl ? audio.Enum("driver", AudioXml.SdlDriver) : null,
            Path = t == AudioType.File ? audio.Attr("path") : null,
            Input = audio.SingleChild("input") is { } input ? Stream(input, t) : null,
            Output = audio.SingleChild("output") is { } output ? Stream(output, t) : null,
            Location = audio.Location,
        };
        return id is null ? null : result;
    }

    private static AudioStream Stream(ElementReader stream, AudioType type)
    {
        var settings = stream.SingleChild("settings");
        return new AudioStream
        {
            MixingEngine = stream.YesNo("mixingEngine"),
            FixedSettings = stream.YesNo("fixedSettings"),
            Voices = stream.UInt("voices"),
            BufferLength = stream.UInt("bufferLength"),
            Dev = type is AudioType.Alsa or AudioType.Oss ? stream.Attr("dev") : null,
            BufferCount = type is AudioType.CoreAudio or AudioType.Oss or AudioType.Sdl ? stream.UInt("bufferCount") : null,
            TryPoll = type == AudioType.Oss ? stream.YesNo("tryPoll") : null,
            ServerName = type == AudioType.Jack ? stream.Attr("serverName") : null,
            ClientName = type == AudioType.Jack ? stream.Attr("clientName") : null,
            ConnectPorts = type == AudioType.Jack ? stream.Attr("connectPorts") : null,
            ExactName = type == AudioType.Jack ? stream.YesNo("exactName") : null,
            Name = type == AudioType.PulseAudio ? stream.Attr("name") : null,
            StreamName = type == AudioType.PulseAudio ? stream.Attr("streamName") : null,
            Latency = type == AudioType.PulseAudio ? stream.UInt("latency") : null,
            Settings = settings is null
                ? null
                : new AudioSettings
                {
                    Frequency = settings.UInt("frequency"),
                    Channels = settings.UInt("channels"),
                    Format = settings.Enum("format", AudioXml.Format),
                },
        };
    }
}
