using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;channel name mode/&gt;</c>: which port (plain or TLS) a SPICE channel may use.</summary>
public sealed record SpiceChannel(SpiceChannelName Name, SpiceChannelMode Mode);

public enum SpiceChannelName { Main, Display, Inputs, Cursor, Playback, Record, Smartcard, Usbredir }

/// <summary>Which SPICE port a channel may use: either, only TLS, or only plain.</summary>
public enum SpiceChannelMode { Any, Secure, Insecure }

/// <summary>SPICE image compression.</summary>
public enum SpiceImageCompression { AutoGlz, AutoLz, Quic, Glz, Lz, Off }

/// <summary>SPICE JPEG and zlib compression over WAN links.</summary>
public enum SpiceWanCompression { Auto, Never, Always }

/// <summary>SPICE video streaming detection.</summary>
public enum SpiceStreamingMode { Filter, All, Off }

/// <summary>SPICE mouse mode: server-side or client-side pointer.</summary>
public enum SpiceMouseMode { Server, Client }

public static class SpiceXml
{
    public static readonly XmlEnum<SpiceChannelName> ChannelName = new(
        ("main", SpiceChannelName.Main),
        ("display", SpiceChannelName.Display),
        ("inputs", SpiceChannelName.Inputs),
        ("cursor", SpiceChannelName.Cursor),
        ("playback", SpiceChannelName.Playback),
        ("record", SpiceChannelName.Record),
        ("smartcard", SpiceChannelName.Smartcard),
        ("usbredir", SpiceChannelName.Usbredir));

    public static readonly XmlEnum<SpiceChannelMode> ChannelMode = new(
        ("any", SpiceChannelMode.Any), ("secure", SpiceChannelMode.Secure), ("insecure", SpiceChannelMode.Insecure));

    public static readonly XmlEnum<SpiceImageCompression> ImageCompression = new(
        ("auto_glz", SpiceImageCompression.AutoGlz),
        ("auto_lz", SpiceImageCompression.AutoLz),
        ("quic", SpiceImageCompression.Quic),
        ("glz", SpiceImageCompression.Glz),
        ("lz", SpiceImageCompression.Lz),
        ("off", SpiceImageCompression.Off));

    public static readonly XmlEnum<SpiceWanCompression> WanCompression = new(
        ("auto", SpiceWanCompression.Auto), ("never", SpiceWanCompression.Never), ("always", SpiceWanCompression.Always));

    public static readonly XmlEnum<SpiceStreamingMode> StreamingMode = new(
        ("filter", SpiceStreamingMode.Filter), ("all", SpiceStreamingMode.All), ("off", SpiceStreamingMode.Off));

    public static readonly XmlEnum<SpiceMouseMode> MouseMode = new(
        ("server", SpiceMouseMode.Server), ("client", SpiceMouseMode.Client));
}
