using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;audio id type&gt;</c>: a host audio backend that sound cards and displays refer to by id.
/// The backend-wide attributes each belong to one type (they are read only for it, so using them
/// with another type is reported as unknown); the others stay null.
/// </summary>
public sealed record Audio
{
    /// <summary>The id sound cards and graphics refer to (<c>&lt;audio id/&gt;</c>).</summary>
    public required uint Id { get; init; }

    public required AudioType Type { get; init; }

    /// <summary><c>timerPeriod</c> in microseconds.</summary>
    public uint? TimerPeriod { get; init; }

    /// <summary>oss: <c>tryMMap</c>.</summary>
    public bool? TryMMap { get; init; }

    /// <summary>oss: <c>exclusive</c> access to the device.</summary>
    public bool? Exclusive { get; init; }

    /// <summary>oss: <c>dspPolicy</c> (a signed integer).</summary>
    public int? DspPolicy { get; init; }

    /// <summary>pulseaudio: <c>serverName</c>.</summary>
    public string? ServerName { get; init; }

    /// <summary>sdl: <c>driver</c>.</summary>
    public AudioSdlDriver? SdlDriver { get; init; }

    /// <summary>file: <c>path</c> of the recording.</summary>
    public string? Path { get; init; }

    public AudioStream? Input { get; init; }
    public AudioStream? Output { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>
/// <c>&lt;input&gt;</c> or <c>&lt;output&gt;</c> of an audio backend: the settings every backend
/// shares, then those of one backend type (null for the others).
/// </summary>
public sealed record AudioStream
{
    public bool? MixingEngine { get; init; }
    public bool? FixedSettings { get; init; }
    public uint? Voices { get; init; }

    /// <summary><c>bufferLength</c> in microseconds.</summary>
    public uint? BufferLength { get; init; }

    /// <summary>alsa, oss: the host device.</summary>
    public string? Dev { get; init; }

    /// <summary>coreaudio, oss, sdl: <c>bufferCount</c>.</summary>
    public uint? BufferCount { get; init; }

    /// <summary>oss: <c>tryPoll</c>.</summary>
    public bool? TryPoll { get; init; }

    /// <summary>jack: <c>serverName</c>.</summary>
    public string? ServerName { get; init; }

    /// <summary>jack: <c>clientName</c>.</summary>
    public string? ClientName { get; init; }

    /// <summary>jack: <c>connectPorts</c> (a regular expression of ports).</summary>
    public string? ConnectPorts { get; init; }

    /// <summary>jack: <c>exactName</c>.</summary>
    public bool? ExactName { get; init; }

    /// <summary>pulseaudio: the sink or source <c>name</c>.</summary>
    public string? Name { get; init; }

    /// <summary>pulseaudio: <c>streamName</c>.</summary>
    public string? StreamName { get; init; }

    /// <summary>pulseaudio: <c>latency</c> in microseconds.</summary>
    public uint? Latency { get; init; }

    /// <summary><c>&lt;settings frequency channels format/&gt;</c> (used with fixedSettings).</summary>
    public AudioSettings? Settings { get; init; }
}

/// <summary><c>&lt;settings frequency channels format/&gt;</c>.</summary>
public sealed record AudioSettings
{
    public uint? Frequency { get; init; }
    public uint? Channels { get; init; }
    public AudioFormat? Format { get; init; }
}

public enum AudioType { None, Alsa, CoreAudio, Jack, Oss, PulseAudio, Sdl, Spice, File, Dbus }

/// <summary>The sample format of fixed settings.</summary>
public enum AudioFormat { S8, U8, S16, U16, S32, U32, F32 }

/// <summary>The SDL audio driver of an sdl backend.</summary>
public enum AudioSdlDriver { Esd, Alsa, Arts, PulseAudio }

public static class AudioXml
{
    public static readonly XmlEnum<AudioType> Type = new(
        ("none", AudioType.None),
        ("alsa", AudioType.Alsa),
        ("coreaudio", AudioType.CoreAudio),
        ("jack", AudioType.Jack),
        ("oss", AudioType.Oss),
        ("pulseaudio", AudioType.PulseAudio),
        ("sdl", AudioType.Sdl),
        ("spice", AudioType.Spice),
        ("file", AudioType.File),
        ("dbus", AudioType.Dbus));

    public static readonly XmlEnum<AudioFormat> Format = new(
        ("s8", AudioFormat.S8), ("u8", AudioFormat.U8), ("s16", AudioFormat.S16), ("u16", AudioFormat.U16),
        ("s32", AudioFormat.S32), ("u32", AudioFormat.U32), ("f32", AudioFormat.F32));

    public static readonly XmlEnum<AudioSdlDriver> SdlDriver = new(
        ("esd", AudioSdlDriver.Esd), ("alsa", AudioSdlDriver.Alsa), ("arts", AudioSdlDriver.Arts),
        ("pulseaudio", AudioSdlDriver.PulseAudio));
}
