using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;vsock model&gt;</c>: a virtio socket between host and guest, with the guest's context id.</summary>
public sealed record Vsock
{
    /// <summary>The model; null when absent (plain virtio).</summary>
    public VirtioModel? Model { get; init; }

    /// <summary><c>&lt;cid auto&gt;</c>: let the host pick the context id.</summary>
    public bool? CidAuto { get; init; }

    /// <summary><c>&lt;cid address&gt;</c>: the guest's context id.</summary>
    public uint? CidAddress { get; init; }

    public VirtioOptions? Driver { get; init; }
    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    public uint? AcpiIndex { get; init; }
    public SourceLocation Location { get; init; }
}
