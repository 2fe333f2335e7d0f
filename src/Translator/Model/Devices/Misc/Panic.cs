using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;panic model&gt;</c>: a device through which the guest reports a crash to the host.</summary>
public sealed record Panic
{
    /// <summary>The model; null when absent (the hypervisor's default for the machine).</summary>
    public PanicModel? Model { get; init; }

    public string? Alias { get; init; }
    public DeviceAddress? Address { get; init; }
    public SourceLocation Location { get; init; }
}

public enum PanicModel { Isa, Pseries, Hyperv, S390 }

public static class PanicXml
{
    public static readonly XmlEnum<PanicModel> Model = new(
        ("isa", PanicModel.Isa), ("pseries", PanicModel.Pseries), ("hyperv", PanicModel.Hyperv), ("s390", PanicModel.S390));
}
