using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;rng model&gt;</c>: a virtio random number generator fed by a host backend.</summary>
public sealed record Rng
{
    public required VirtioModel Model { get; init; }
    public required RngBackend Backend { get; init; }

    /// <summary><c>&lt;rate bytes period/&gt;</c>: at most this many bytes per period (ms).</summary>
    public RngRate? Rate { get; init; }

    public VirtioOptions? Driver { get; init; }
    public string? Alias { get; init; }
    public uint? AcpiIndex { get; init; }
    public DeviceAddress? Address { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;rate bytes period/&gt;</c>; period is in milliseconds.</summary>
public sealed record RngRate
{
    public required ulong Bytes { get; init; }
    public ulong? Period { get; init; }
}

/// <summary>The <c>&lt;backend model&gt;</c> of an RNG: a closed family chosen by <c>model</c>.</summary>
public abstract record RngBackend
{
    private protected RngBackend() { }

    public abstract RngBackendModel Model { get; }
}

public enum RngBackendModel { Random, Egd, Builtin }

public static class RngXml
{
    public static readonly XmlEnum<RngBackendModel> BackendModel = new(
        ("random", RngBackendModel.Random), ("egd", RngBackendModel.Egd), ("builtin", RngBackendModel.Builtin));
}

/// <summary><c>model='random'</c>: a host device file (the element's text), the host default when null.</summary>
public sealed record RandomRngBackend : RngBackend
{
    public override RngBackendModel Model => RngBackendModel.Random;
    public string? Device { get; init; }
}

/// <summary><c>model='egd'</c>: an entropy gathering daemon reached through a character device source.</summary>
public sealed record EgdRngBackend : RngBackend
{
    public override RngBackendModel Model => RngBackendModel.Egd;
    public required CharSource Source { get; init; }
}

/// <summary><c>model='builtin'</c>: QEMU's own generator.</summary>
public sealed record BuiltinRngBackend : RngBackend
{
    public override RngBackendModel Model => RngBackendModel.Builtin;
}
