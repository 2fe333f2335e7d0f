using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>
/// Writes <c>&lt;audio id type timerPeriod&gt;</c> with the backend-wide attributes of its type,
/// then its input and output (common attributes, then the type's own, then settings), in the
/// reference's order; an input or output with nothing set is left out.
/// </summary>
internal static class AudioWriter
{
    public static XmlElement Write(Audio audio) =>
        Element("audio",
            Attr("id", audio.Id),
            Attr("type", audio.Type, AudioXml.Type),
            Attr("timerPeriod", audio.TimerPeriod),
            YesNo("tryMMap", audio.TryMMap),
            YesNo("exclusive", audio.Exclusive),
            Attr("dspPolicy", audio.DspPolicy),
            Attr("serverName", audio.ServerName),
            Attr("driver", audio.SdlDriver, AudioXml.SdlDriver),
            Attr("path", audio.Path),
            Stream("input", audio.Input),
            Stream("output", audio.Output));

    private static XmlElement? Stream(string name, AudioStream? stream) =>
        stream is null
            ? null
            : UnlessEmpty(Element(name,
                YesNo("mixingEngine", stream.MixingEngine),
                YesNo("fixedSettings", stream.FixedSettings),
                Attr("voices", stream.Voices),
                Attr("bufferLength", stream.BufferLength),
                Attr("dev", stream.Dev),
                Attr("bufferCount", stream.BufferCount),
                YesNo("tryPoll", stream.TryPoll),
                Attr("serverName", stream.ServerName),
                Attr("clientName", stream.ClientName),
                Attr("connectPorts", stream.ConnectPorts),
                YesNo("exactName", stream.ExactName),
                Attr("name", stream.Name),
                Attr("streamName", stream.StreamName),
                Attr("latency", stream.Latency),
                stream.Settings is { } settings
                    ? UnlessEmpty(Element("settings",
                        Attr("frequency", settings.Frequency),
                        Attr("channels", settings.Channels),
                        Attr("format", settings.Format, AudioXml.Format)))
                    : null));
}
